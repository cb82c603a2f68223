import type { FamilyFacts } from '../figures/family-facts.projection';
import { emergencyCallsRows } from '../figures/family-figures';
import { withEmergencyLineCalls } from './emergency-calls-figure';

const facts = (familyId: string, emergencyCalls: string[]): FamilyFacts =>
  ({ familyId, emergencyCalls, approvals: [], availableSpans: [], confirmations: [], endings: [] }) as unknown as FamilyFacts;

describe('the emergency-calls figure counts calls to the line with support notes of kind emergency-call', () => {
  it('per month: calls and distinct callers, hand-computed', () => {
    const families = withEmergencyLineCalls(
      [facts('fa', ['2026-01-05']), facts('fb', []), facts('fc', [])],
      [
        { familyId: 'fa', receivedOn: '2026-01-20' },
        { familyId: 'fb', receivedOn: '2026-01-31' },
        { familyId: 'fb', receivedOn: '2026-02-01' },
        { familyId: 'fb', receivedOn: '2026-02-14' },
      ],
    );
    const rows = emergencyCallsRows(families, { from: '2026-01-01', to: '2026-02-28' }, 'month');
    expect(rows.map(({ calls, families: callers }) => ({ calls, callers }))).toEqual([
      { calls: 3, callers: 2 },
      { calls: 2, callers: 1 },
    ]);
  });

  it('a family without line calls keeps its facts as they were', () => {
    const family = facts('fa', ['2026-01-05']);
    expect(withEmergencyLineCalls([family], [])[0]).toBe(family);
  });
});
