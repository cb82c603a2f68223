import { CONTEXT, fixtureSource } from '../worklist.fixtures';
import { checkAssessmentRule } from './check-assessment.rule';

describe('worklist rule: checks waiting for assessment', () => {
  it('one item per family in the checks stage with unassessed remarks, due 7 days after the first of them arrived', () => {
    expect(checkAssessmentRule.items(fixtureSource, CONTEXT)).toEqual([
      // a2's remarks are assessed, a1's clear check needs nothing: only a1's criminal record (06-01 + 7).
      {
        kind: 'check-assessment',
        dueOn: '2026-06-08',
        subject: { type: 'family', id: 'f-checks', name: 'Mette Hansen' },
        note: expect.stringContaining('1 background check(s) (criminal-record of a1)'),
        reason: { code: 'check-assessment.assess', params: { checks: [{ kind: 'criminal-record', adultId: 'a1' }] } },
      },
      // Two waiting; the first arrived 06-05 (+ 7).
      {
        kind: 'check-assessment',
        dueOn: '2026-06-12',
        subject: { type: 'family', id: 'f-checks-2', name: 'Karin Svensson' },
        note: expect.stringContaining('2 background check(s)'),
        reason: { code: 'check-assessment.assess', params: { checks: [{ kind: 'criminal-record', adultId: 'a1' }, { kind: 'child-protection', adultId: 'a1' }] } },
      },
    ]);
  });
});
