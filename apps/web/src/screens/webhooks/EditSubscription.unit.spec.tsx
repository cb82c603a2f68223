import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FamilybankClient, Schemas } from '@familybank/api-client';
import { renderWith } from '../../testing/render';
import { EditSubscription } from './EditSubscription';

const subscription = {
  subscriptionId: 'sub-1',
  municipality: '0630',
  url: 'https://case.example.dk/in',
  eventTypes: ['family.registered'],
  status: 'active',
  secretVersion: 1,
  createdAt: '2026-12-01T10:00:00.000Z',
  updatedAt: '2026-12-01T10:00:00.000Z',
  revision: 3,
} as Schemas['WebhookSubscription'];
const eventTypes = [
  { type: 'family.registered', description: 'A family was registered' },
  { type: 'family.approved', description: 'A family was approved' },
] as Schemas['WebhookEventTypeList']['items'];
const stale = {
  error: { type: 'about:blank', title: 'Precondition failed', status: 412, code: 'WEBHOOK.REVISION_MISMATCH', detail: 'The resource is at revision 4' },
  response: { status: 412 },
};

function renderEdit(PATCH: jest.Mock, onChanged = jest.fn()) {
  renderWith(<EditSubscription subscription={subscription} eventTypes={eventTypes} onChanged={onChanged} />, { client: { PATCH } as unknown as FamilybankClient });
  return { url: () => screen.getByRole('textbox', { name: 'URL' }) as HTMLInputElement, save: () => screen.getByRole('button', { name: 'Save the changes' }) };
}

describe('changing a webhook subscription', () => {
  it('says so when nothing was changed, and sends nothing', async () => {
    const PATCH = jest.fn();
    const form = renderEdit(PATCH);
    await userEvent.click(form.save());
    expect(screen.getByRole('alert').textContent).toContain('Nothing was changed');
    expect(PATCH).not.toHaveBeenCalled();
  });

  it('sends only the changes with the revision shown; after a 412 keeps the input and retries with the same Idempotency-Key', async () => {
    const PATCH = jest.fn().mockResolvedValueOnce(stale).mockResolvedValueOnce({ data: { ...subscription, url: 'https://case.example.dk/new', revision: 5 }, response: { status: 200 } });
    const onChanged = jest.fn();
    const form = renderEdit(PATCH, onChanged);
    await userEvent.clear(form.url());
    await userEvent.type(form.url(), 'https://case.example.dk/new');
    await userEvent.click(screen.getByRole('checkbox', { name: 'family.approved' }));
    await userEvent.click(form.save());
    expect((await screen.findByRole('alert')).textContent).toContain('Someone else changed this');
    expect(form.url().value).toBe('https://case.example.dk/new');
    expect(onChanged).not.toHaveBeenCalled();
    await userEvent.click(form.save());
    await waitFor(() => expect(onChanged).toHaveBeenCalled());
    expect(await screen.findByText('The subscription was changed.')).toBeTruthy();
    const [first, second] = PATCH.mock.calls.map((call) => call[1]);
    expect(first).toEqual({
      params: { path: { subscriptionId: 'sub-1' } },
      body: { url: 'https://case.example.dk/new', eventTypes: ['family.registered', 'family.approved'] },
      headers: { 'Idempotency-Key': expect.any(String), 'If-Match': '"3"' },
    });
    expect(second.headers['Idempotency-Key']).toBe(first.headers['Idempotency-Key']);
  });

  it('a URL the API refuses (422 WEBHOOK.INVALID_URL) is named beside the URL field', async () => {
    const refused = { error: { type: 'about:blank', title: 'Invalid URL', status: 422, code: 'WEBHOOK.INVALID_URL', detail: 'Only https outside development' }, response: { status: 422 } };
    const form = renderEdit(jest.fn().mockResolvedValue(refused));
    await userEvent.clear(form.url());
    await userEvent.type(form.url(), 'http://case.example.dk/in');
    await userEvent.click(form.save());
    await waitFor(() => expect(form.url().getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getAllByText('Only https outside development').length).toBeGreaterThan(0);
  });
});
