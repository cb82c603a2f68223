import { familyDetailProjection, type FamilyDetailDocument } from '../../families/family-detail.projection';
import { householdName } from '../../families/family-events';
import { condition } from '../../search/where';
import { addDays, type WorklistRule } from '../worklist-rule';
import { noted } from '../worklist-notes';

/**
 * A background check with remarks blocks approval until an approver assesses it; only during the
 * checks stage (after approval or rejection nothing is left to decide). Due some days after the
 * first such result arrived.
 */
export const checkAssessmentRule: WorklistRule = {
  kind: 'check-assessment',
  items(source, { policy }) {
    const families = source.documents<FamilyDetailDocument>(familyDetailProjection.collection, condition(`json_extract(body, '$.stage') = 'background-checks'`));
    return families.flatMap((family) => {
      const waiting = family.stage === 'background-checks' ? family.checks.filter((check) => check.outcome === 'remarks' && !check.assessment) : [];
      if (waiting.length === 0) return [];
      const firstReceived = waiting.map((check) => check.receivedOn!).sort()[0]!;
      return [
        {
          kind: 'check-assessment' as const,
          dueOn: addDays(firstReceived, policy.checkAssessmentDueDays),
          subject: { type: 'family' as const, id: family.familyId, name: householdName(family.adults) },
          ...noted({ code: 'check-assessment.assess', params: { checks: waiting.map((check) => ({ kind: check.kind, adultId: check.adultId })) } }),
        },
      ];
    });
  },
};
