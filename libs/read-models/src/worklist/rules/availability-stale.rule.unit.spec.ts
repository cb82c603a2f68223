import { CONTEXT, fixtureSource } from '../worklist.fixtures';
import { availabilityStaleRule } from './availability-stale.rule';

describe('worklist rule: availability going stale', () => {
  it('available families stale or stale within 7 days, due the first stale day (confirmed + 61 days)', () => {
    // 04-01 + 61 = 06-01 (stale); 04-17 + 61 = 06-17 (7 days left); 04-18 + 61 = 06-18 (8 days: not yet).
    expect(availabilityStaleRule.items(fixtureSource, CONTEXT)).toEqual([
      { kind: 'availability-stale', dueOn: '2026-06-01', subject: { type: 'family', id: 'f-stale', name: 'Nina Ahmed' }, note: expect.stringContaining('is stale'), reason: { code: 'availability-stale.stale', params: { confirmedOn: '2026-04-01' } } },
      { kind: 'availability-stale', dueOn: '2026-06-17', subject: { type: 'family', id: 'f-soon-stale', name: 'Jonas Friis' }, note: expect.stringContaining('before it goes stale'), reason: { code: 'availability-stale.confirm', params: { confirmedOn: '2026-04-17' } } },
    ]);
  });
});
