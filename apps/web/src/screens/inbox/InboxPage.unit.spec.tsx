import { screen } from '@testing-library/react';
import type { FamilybankClient } from '@familybank/api-client';
import { renderWith } from '../../testing/render';
import { InboxPage } from './InboxPage';

const request = (requester: string, requestId: string, requesterName?: string) => ({
  requester,
  ...(requesterName ? { requesterName } : {}),
  requestId,
  needs: { careType: 'respite', childAge: 8, siblings: 0, region: 'DK-83', schedule: { period: { from: '2999-03-01', to: '2999-05-31' } } },
  responseDeadline: '2999-02-01',
  overdue: false,
  status: 'open',
  receivedAt: '2026-12-01T10:00:00Z',
  answered: false,
  offers: [],
  candidates: [],
});

function fakeClient() {
  const inbox = { items: [request('0265', 'r1'), request('0316', 'r2', 'Holbæk'), request('0101', 'r3')] };
  const directory = { items: [{ code: '0265', name: 'Roskilde' }] };
  const GET = jest.fn().mockImplementation(async (path: string) => ({ data: path === '/v1/directory' ? directory : inbox, response: { status: 200 } }));
  return { GET } as unknown as FamilybankClient;
}

describe('the partners’ requests', () => {
  it('given a Danish reader, then each requester by its name and code, and the child’s region by its name', async () => {
    renderWith(<InboxPage />, { client: fakeClient(), language: 'da' });
    expect(await screen.findByRole('heading', { name: 'Roskilde (0265): Aflastning til et barn på 8 år' })).toBeTruthy();
    expect(screen.getAllByText(/i Region Syddanmark;/)).toHaveLength(3);
    expect(screen.queryByText(/DK-83/)).toBeNull();
  });

  it('the name the request carries wins; a municipality named nowhere shows its code once', async () => {
    renderWith(<InboxPage />, { client: fakeClient(), language: 'en' });
    expect(await screen.findByRole('heading', { name: /^Holbæk \(0316\): / })).toBeTruthy();
    expect(screen.getByRole('heading', { name: /^0101: / })).toBeTruthy();
  });
});
