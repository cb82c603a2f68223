import { screen } from '@testing-library/react';
import type { FamilybankClient } from '@familybank/api-client';
import { renderWith } from '../../testing/render';
import { AuditPage } from './AuditPage';

const released = {
  entryId: 'e1',
  at: '2026-12-01T09:30:00Z',
  user: 'cw-vejle',
  action: 'released',
  what: 'contact-release',
  operation: 'disclosure',
  purpose: 'assignment',
  contactDetails: true,
  familyId: 'fam-1',
  partner: '0265',
};

function fakeClient(directory: Array<{ code: string; name: string }>) {
  const GET = jest.fn().mockImplementation(async (path: string) =>
    path === '/v1/directory' ? { data: { items: directory }, response: { status: 200 } } : { data: { rows: [released], nextCursor: null }, response: { status: 200 } },
  );
  return { GET } as unknown as FamilybankClient;
}

describe('the audit of reads', () => {
  it('names the partner a family’s contact details were released to as caseworkers know it, “Roskilde (0265)”', async () => {
    renderWith(<AuditPage />, { client: fakeClient([{ code: '0265', name: 'Roskilde' }]) });
    expect(await screen.findByText(/Partner: Roskilde \(0265\)/)).toBeTruthy();
  });

  it('shows the bare code when the directory does not name the partner', async () => {
    renderWith(<AuditPage />, { client: fakeClient([]) });
    expect(await screen.findByText(/Partner: 0265/)).toBeTruthy();
  });
});
