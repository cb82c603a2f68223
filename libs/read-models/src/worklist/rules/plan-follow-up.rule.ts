import type { DevelopmentPlan } from '@familybank/contracts';
import { familyDetailProjection, type FamilyDetailDocument } from '../../families/family-detail.projection';
import { householdName } from '../../families/family-events';
import { developmentPlansProjection } from '../../support/development-plans.projection';
import { condition } from '../../search/where';
import { addDays, type WorklistRule } from '../worklist-rule';
import { noted } from '../worklist-notes';

/** How far ahead a follow-up is listed: a plan's follow-ups lie months apart, so two weeks is time to book the visit. */
export const PLAN_FOLLOW_UP_WINDOW_DAYS = 14;

/**
 * Development-plan follow-ups (seeds 001, 004): one item per open goal whose follow-up falls within
 * the window or is past, due on its follow-up day. Achieved and dropped goals have none.
 */
export const planFollowUpRule: WorklistRule = {
  kind: 'plan-follow-up',
  items(source, { today }) {
    const until = addDays(today, PLAN_FOLLOW_UP_WINDOW_DAYS);
    const plans = source.documents<DevelopmentPlan>(developmentPlansProjection.collection, condition(`json_extract(body, '$.nextFollowUpDue') <= ?`, until));
    if (plans.length === 0) return [];
    const families = new Map(source.documents<FamilyDetailDocument>(familyDetailProjection.collection).map((family) => [family.familyId, family]));
    return plans.flatMap((plan) => {
      const family = families.get(plan.familyId);
      if (!family) return [];
      return plan.goals
        .filter((goal) => goal.status === 'open' && goal.followUpOn !== undefined && goal.followUpOn <= until)
        .map((goal) => ({
          kind: 'plan-follow-up' as const,
          dueOn: goal.followUpOn!,
          subject: { type: 'family' as const, id: plan.familyId, name: householdName(family.adults) },
          ...noted({ code: 'plan-follow-up.follow-up', params: { goal: goal.title } }),
        }));
    });
  },
};
