import { screen } from '@testing-library/react';
import type { FamilybankClient } from '@familybank/api-client';
import { renderWith } from '../../testing/render';
import { PartnershipsPage } from './PartnershipsPage';

const partnership = (partner: string, status: string, partnerName?: string) => ({ partner, ...(partnerName ? { partnerName } : {}), status, since: '2026-11-01T10:00:00Z', revision: 1 });

function fakeClient() {
  const partnerships = {
    municipality: '0630',
    ownKeyFingerprint: 'ab:cd',
    items: [partnership('0265', 'proposed-to-us'), partnership('0316', 'active', 'Holbæk'), partnership('0101', 'active')],
  };
  const directory = { items: [{ code: '0265', name: 'Roskilde' }] };
  const GET = jest.fn().mockImplementation(async (path: string) => ({ data: path === '/v1/directory' ? directory : partnerships, response: { status: 200 } }));
  return { GET } as unknown as FamilybankClient;
}

describe('the partnerships', () => {
  it('each partner by its name and code, from the partnership or else the directory; named nowhere, by its code once', async () => {
    renderWith(<PartnershipsPage />, { client: fakeClient() });
    expect(await screen.findByRole('cell', { name: 'Roskilde (0265)' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: 'Holbæk (0316)' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: '0101' })).toBeTruthy();
  });

  it('the approver’s buttons name the partner the same way', async () => {
    renderWith(<PartnershipsPage />, { client: fakeClient() });
    expect(await screen.findByRole('button', { name: 'Accept Roskilde (0265)' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'End partnership with Holbæk (0316)' })).toBeTruthy();
  });
});
