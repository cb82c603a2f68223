import type { DevelopmentPlan } from '@familybank/contracts';
import { familyDetailProjection, type FamilyDetailDocument } from '../../families/family-detail.projection';
import { developmentPlansProjection } from '../../support/development-plans.projection';
import { CONTEXT } from '../worklist.fixtures';
import type { WorklistSource } from '../worklist-rule';
import { planFollowUpRule } from './plan-follow-up.rule';

const goal = (goalId: string, title: string, status: 'open' | 'achieved' | 'dropped', followUpOn?: string) =>
  ({ goalId, title, setOn: '2026-01-10', status, followUps: 0, addedBy: 'cw', updatedAt: '2026-01-10T09:00:00Z', ...(followUpOn && { followUpOn }) }) as DevelopmentPlan['goals'][number];
const plan = (familyId: string, goals: DevelopmentPlan['goals']): DevelopmentPlan => {
  const due = goals.filter((g) => g.status === 'open' && g.followUpOn).map((g) => g.followUpOn!).sort();
  return { familyId, goals, openGoals: goals.filter((g) => g.status === 'open').length, revision: 3, ...(due[0] && { nextFollowUpDue: due[0] }) } as DevelopmentPlan;
};
const family = (familyId: string, fullName: string) => ({ familyId, adults: [{ adultId: 'a1', fullName }] }) as FamilyDetailDocument;

// Today is 2026-06-10 (CONTEXT); the window runs to 2026-06-24.
const PLANS = [
  plan('f-berg', [goal('g1', 'Homework routine', 'open', '2026-06-01'), goal('g2', 'Visits to the grandparents', 'open', '2026-06-24'), goal('g3', 'Swimming', 'open', '2026-06-25')]),
  plan('f-dam', [goal('g4', 'Bedtime', 'achieved'), goal('g5', 'School contact', 'dropped')]),
  plan('f-gone', [goal('g6', 'A plan whose family is not in our read models', 'open', '2026-06-11')]),
];
const source: WorklistSource = {
  documents: <Doc>(collection: string) =>
    (collection === developmentPlansProjection.collection ? PLANS : collection === familyDetailProjection.collection ? [family('f-berg', 'Anna Berg'), family('f-dam', 'Inge Dam')] : []) as Doc[],
};

describe('worklist rule: development-plan follow-ups', () => {
  it('lists each open goal whose follow-up is past or within 14 days, due on its follow-up day; closed goals and later follow-ups are not listed', () => {
    expect(planFollowUpRule.items(source, CONTEXT)).toEqual([
      { kind: 'plan-follow-up', dueOn: '2026-06-01', subject: { type: 'family', id: 'f-berg', name: 'Anna Berg' }, note: expect.stringContaining('Homework routine'), reason: { code: 'plan-follow-up.follow-up', params: { goal: 'Homework routine' } } },
      { kind: 'plan-follow-up', dueOn: '2026-06-24', subject: { type: 'family', id: 'f-berg', name: 'Anna Berg' }, note: expect.stringContaining('grandparents'), reason: { code: 'plan-follow-up.follow-up', params: { goal: 'Visits to the grandparents' } } },
    ]);
  });
});
