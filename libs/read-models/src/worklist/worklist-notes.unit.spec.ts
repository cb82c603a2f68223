import { WORKLIST_REASON_CODES, WorklistItem, WorklistReason } from '@familybank/contracts';
import { CONTEXT, fixtureSource } from './worklist.fixtures';
import { worklistNote } from './worklist-notes';
import { WORKLIST_RULES } from './rules';

describe('worklist reasons', () => {
  const items = Object.values(WORKLIST_RULES).flatMap((rule) => rule.items(fixtureSource, CONTEXT));

  it('given the fixtures, when every rule runs, then each item has a reason the contract accepts, of its own kind, and its note is that reason in English', () => {
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(WorklistItem.safeParse({ ...item, overdue: false, assignee: null }).error).toBeUndefined();
      expect(item.reason.code.startsWith(`${item.kind}.`)).toBe(true);
      expect(item.note).toBe(worklistNote(item.reason));
    }
  });

  it('every code of the contract begins with a worklist kind and writes a note from its params', () => {
    const kinds = Object.keys(WORKLIST_RULES);
    for (const code of WORKLIST_REASON_CODES) expect(kinds).toContain(code.split('.')[0]);
    expect(worklistNote({ code: 'acceptance-pending.chase', params: { offerId: 'o9', acceptedOn: '2026-06-01' } })).toBe(
      'Offer o9, accepted on 2026-06-01, waits for the owner’s confirmation: chase it or cancel the acceptance',
    );
    expect(worklistNote({ code: 'plan-follow-up.follow-up', params: { goal: 'Homework' } })).toBe('Follow up the development-plan goal “Homework”');
    expect(WorklistReason.safeParse({ code: 'first-contact.make', params: {} }).success).toBe(false);
  });
});
