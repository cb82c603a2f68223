import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FamilybankClient } from '@familybank/api-client';
import { renderWith } from '../../testing/render';
import { WorklistPage } from './WorklistPage';

const item = (name: string, dueOn: string, overdue: boolean) => ({
  kind: 'first-contact',
  dueOn,
  overdue,
  subject: { type: 'family', id: name.toLowerCase(), name },
  assignee: 'dev',
  note: `Make the first contact with the lead registered on ${dueOn}`,
  reason: { code: 'first-contact.make', params: { registeredOn: dueOn } },
});

/** The exchange's directory, which names partners by code. */
const directory = { data: { items: [{ code: '0265', name: 'Roskilde' }] }, response: { status: 200 } };

function fakeClient() {
  const GET = jest.fn().mockImplementation(async (path: string, { params }: { params?: { query: Record<string, string> } }) =>
    path === '/v1/directory'
      ? directory
      : {
          data: { asOf: '2026-12-02T10:00:00Z', items: params?.query['assignee'] === 'me' ? [] : [item('Hodan', '2020-01-01', true), item('Søren', '2999-01-01', false)] },
          response: { status: 200 },
        },
  );
  return { client: { GET } as unknown as FamilybankClient, GET };
}

describe('the worklist page', () => {
  it('shows overdue items under their own heading, highlighted, each a link to its family', async () => {
    renderWith(<WorklistPage />, { client: fakeClient().client });
    const overdue = await screen.findByRole('region', { name: 'Overdue (1)' });
    expect(within(overdue).getByRole('link', { name: 'Hodan' }).getAttribute('href')).toBe('/families/hodan');
    expect(within(overdue).getByText('Overdue', { selector: '[data-color="danger"]' })).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Later (1)' })).getByRole('link', { name: 'Søren' })).toBeTruthy();
  });

  it('“Mine” asks for the signed-in user’s items, and a kind narrows the list', async () => {
    const { client, GET } = fakeClient();
    renderWith(<WorklistPage />, { client });
    await screen.findByRole('link', { name: 'Hodan' });
    await userEvent.click(screen.getByRole('radio', { name: 'Mine' }));
    expect(await screen.findByText('Nothing is due.')).toBeTruthy();
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Kind' }), 'approval-expiring');
    await waitFor(() => expect(GET).toHaveBeenLastCalledWith('/v1/worklist', { params: { query: { assignee: 'me', kind: 'approval-expiring' } } }));
  });

  it('given a Danish reader, then each item says what to do in Danish, not the server’s English note', async () => {
    renderWith(<WorklistPage />, { client: fakeClient().client, language: 'da' });
    const overdue = await screen.findByRole('region', { name: 'Overskredet (1)' });
    expect(within(overdue).getByText('Tag første kontakt med emnet, der blev registreret 1. jan. 2020')).toBeTruthy();
    expect(overdue.textContent).not.toContain('Make the first contact');
  });

  it('given a partner’s request, then its name and what to do are written from the reason, in the reader’s language, the partner by its name', async () => {
    const request = {
      kind: 'inbox-request',
      dueOn: '2999-01-02',
      overdue: false,
      subject: { type: 'partner-request', id: 'r1', municipality: '0265', name: 'respite, child aged 8' },
      assignee: null,
      note: 'Offer a family to 0265 or answer “no match” by 2999-01-02',
      reason: { code: 'inbox-request.answer', params: { requester: '0265', responseDeadline: '2999-01-02', careType: 'respite', childAge: 8 } },
    };
    const GET = jest.fn().mockImplementation(async (path: string) => (path === '/v1/directory' ? directory : { data: { asOf: '2026-12-02T10:00:00Z', items: [request] }, response: { status: 200 } }));
    renderWith(<WorklistPage />, { client: { GET } as unknown as FamilybankClient, language: 'da' });
    expect((await screen.findByRole('link', { name: 'Roskilde (0265): Aflastning til et barn på 8 år' })).getAttribute('href')).toBe('/inbox#0265-r1');
    expect(screen.getByText('Tilbyd Roskilde (0265) en familie eller svar “intet match” senest 2. jan. 2999')).toBeTruthy();
  });
});
