import { CONTEXT, fixtureSource } from '../worklist.fixtures';
import { approvalExpiringRule } from './approval-expiring.rule';

describe('worklist rule: approvals expiring', () => {
  it('approvals held (approved, available, suspended) valid until at most 90 days from today, due on that day', () => {
    // 2026-06-10 + 90 days = 2026-09-08: f-expiring is in, f-later (09-09) is not; f-expired's approval is already recorded as expired.
    expect(approvalExpiringRule.items(fixtureSource, CONTEXT)).toEqual([
      { kind: 'approval-expiring', dueOn: '2026-09-08', subject: { type: 'family', id: 'f-expiring', name: 'Anne Berg' }, note: expect.stringContaining('2026-09-08'), reason: { code: 'approval-expiring.renew', params: { validUntil: '2026-09-08' } } },
      { kind: 'approval-expiring', dueOn: '2026-06-01', subject: { type: 'family', id: 'f-overdue-approval', name: 'Eva Lind' }, note: expect.any(String), reason: { code: 'approval-expiring.renew', params: { validUntil: '2026-06-01' } } },
    ]);
  });
});
