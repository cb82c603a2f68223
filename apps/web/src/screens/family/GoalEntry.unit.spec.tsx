import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { FamilybankClient, Schemas } from '@familybank/api-client';
import { useState } from 'react';
import { renderWith } from '../../testing/render';
import { GoalEntry } from './GoalEntry';

type Goal = Schemas['DevelopmentGoal'];
const by = 'anna';
const goal = {
  goalId: 'g1',
  title: 'Reads with the child',
  setOn: '2026-12-01',
  status: 'open',
  followUpOn: '2027-03-01',
  followUps: 0,
  addedBy: by,
  updatedAt: '2026-12-01T10:00:00.000Z',
} as Goal;
const planWith = (changed: Partial<Goal>, revision: number) => ({ familyId: 'f1', goals: [{ ...goal, ...changed }], openGoals: 1, revision });

/** Shows the goal as the plan was last read; `readAgain` stands for a reload of the plan. */
let readAgain: (goal: Goal, revision: number) => void = () => undefined;
function Plan({ onChanged }: { onChanged(): void }) {
  const [read, setRead] = useState({ goal, revision: 4 });
  readAgain = (next, revision) => setRead({ goal: next, revision });
  return <GoalEntry familyId="f1" goal={read.goal} revision={read.revision} onChanged={onChanged} />;
}

describe('a goal of the development plan', () => {
  it('a revision sends what the caseworker changed, not a value a colleague changed meanwhile, with the revision shown', async () => {
    const POST = jest.fn().mockResolvedValue({ data: planWith({ title: 'Reads aloud' }, 6), response: { status: 200 } });
    const onChanged = jest.fn();
    renderWith(<Plan onChanged={onChanged} />, { client: { POST } as unknown as FamilybankClient });
    const form = screen.getByRole('form', { name: 'Revise “Reads with the child”', hidden: true });
    const title = form.querySelector('input[type="text"]') as HTMLInputElement;
    await userEvent.clear(title);
    await userEvent.type(title, 'Reads aloud');
    // A colleague moved the follow-up; the plan was read again (after a 412, say).
    const moved = { ...goal, followUpOn: '2027-06-01', updatedAt: '2026-12-02T10:00:00.000Z' };
    act(() => readAgain(moved, 5));
    expect(title.value).toBe('Reads aloud');
    await userEvent.click(screen.getByRole('button', { name: 'Save the revision', hidden: true }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(expect.objectContaining({ revision: 6 })));
    expect(POST).toHaveBeenCalledWith('/v1/families/{familyId}/development-plan/goals/{goalId}/revision', {
      params: { path: { familyId: 'f1', goalId: 'g1' } },
      body: { title: 'Reads aloud' },
      headers: { 'Idempotency-Key': expect.any(String), 'If-Match': '"5"' },
    });
    expect(screen.getByRole('status').textContent).toContain('revised');
  });

  it('a closed goal says when and why, and offers no step', () => {
    renderWith(<GoalEntry familyId="f1" goal={{ ...goal, status: 'dropped', closed: { on: '2026-12-02', note: 'The pool closed', recordedBy: by } } as Goal} revision={4} onChanged={jest.fn()} />);
    expect(screen.getByText('Dropped on 2 Dec 2026: The pool closed')).toBeTruthy();
    expect(screen.queryAllByRole('form', { hidden: true })).toEqual([]);
  });
});
