import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FamilybankClient } from '@familybank/api-client';
import { renderWith } from '../../testing/render';
import { ErasePanel } from './ErasePanel';
import type { Family } from './family-steps';

const family = { familyId: 'f1', revision: 7, stage: 'approved', adults: [], checks: [], assignments: [] } as unknown as Family;
const blocked = {
  error: { type: 'about:blank', title: 'Conflict', status: 409, code: 'FAMILY.ERASURE_BLOCKED_BY_ASSIGNMENT', detail: 'A child is placed with the family' },
  response: { status: 409 },
};

describe('erasing a family', () => {
  it('needs a reason, then an explicit confirmation, and sends the reason with the revision shown', async () => {
    const POST = jest.fn().mockResolvedValue({ data: { ...family, erased: true, erasedOn: '2026-12-02' }, response: { status: 200 } });
    const onErased = jest.fn();
    renderWith(<ErasePanel family={family} onErased={onErased} onReload={jest.fn()} />, { client: { POST } as unknown as FamilybankClient });
    await userEvent.click(screen.getByRole('button', { name: 'Erase personal data…' }));
    expect(screen.getByText('Give a reason.')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Reason for the erasure'), 'Asked to be forgotten');
    await userEvent.click(screen.getByRole('button', { name: 'Erase personal data…' }));
    const confirm = screen.getByRole('button', { name: 'Erase for good' });
    expect(confirm.hasAttribute('disabled')).toBe(true);
    await userEvent.click(screen.getByLabelText('I understand that the erasure cannot be undone'));
    await userEvent.click(confirm);
    await waitFor(() => expect(onErased).toHaveBeenCalledWith(expect.objectContaining({ erased: true })));
    expect(POST).toHaveBeenCalledWith('/v1/families/{familyId}/erasure', {
      params: { path: { familyId: 'f1' } },
      body: { reason: 'Asked to be forgotten' },
      headers: { 'Idempotency-Key': expect.any(String), 'If-Match': '"7"' },
    });
  });

  it('says in plain words that a family with a placed child cannot be erased', async () => {
    const POST = jest.fn().mockResolvedValue(blocked);
    renderWith(<ErasePanel family={family} onErased={jest.fn()} onReload={jest.fn()} />, { client: { POST } as unknown as FamilybankClient });
    await userEvent.type(screen.getByLabelText('Reason for the erasure'), 'Asked to be forgotten');
    await userEvent.click(screen.getByRole('button', { name: 'Erase personal data…' }));
    await userEvent.click(screen.getByLabelText('I understand that the erasure cannot be undone'));
    await userEvent.click(screen.getByRole('button', { name: 'Erase for good' }));
    expect((await screen.findByRole('alert')).textContent).toContain('cannot be erased while a child is placed with it');
  });

  it('an erased family shows when it was erased, and no form', () => {
    renderWith(<ErasePanel family={{ ...family, erased: true, erasedOn: '2026-12-02' }} onErased={jest.fn()} onReload={jest.fn()} />);
    expect(screen.getByRole('heading', { name: 'Personal data erased' })).toBeTruthy();
    expect(screen.getByText(/2 Dec 2026/)).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
  });
});
