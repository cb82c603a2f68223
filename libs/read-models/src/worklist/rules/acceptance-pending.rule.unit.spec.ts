import { CONTEXT, fixtureSource } from '../worklist.fixtures';
import { acceptancePendingRule } from './acceptance-pending.rule';

describe('worklist rule: acceptances waiting for the owner', () => {
  it('our requests with an acceptance not yet confirmed, due two days after the acceptance', () => {
    expect(acceptancePendingRule.items(fixtureSource, CONTEXT)).toEqual([
      { kind: 'acceptance-pending', dueOn: '2026-06-11', subject: { type: 'request', id: 'r-pending', name: 'SAG-2026-1' }, note: expect.stringContaining('Offer o1 of 0265'), reason: { code: 'acceptance-pending.chase', params: { offerId: 'o1', partner: '0265', acceptedOn: '2026-06-09' } } },
      { kind: 'acceptance-pending', dueOn: '2026-06-03', subject: { type: 'request', id: 'r-old-pending', name: 'SAG-2026-2' }, note: expect.any(String), reason: { code: 'acceptance-pending.chase', params: { offerId: 'o1', partner: '0265', acceptedOn: '2026-06-01' } } },
    ]);
  });
});
