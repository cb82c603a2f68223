import { familyDetailProjection, type FamilyDetailDocument } from '../../families/family-detail.projection';
import { householdName } from '../../families/family-events';
import { condition } from '../../search/where';
import type { WorklistRule } from '../worklist-rule';
import { noted } from '../worklist-notes';

/**
 * Network families provisionally approved for their one child: the full assessment is due by the
 * deadline, after which the provisional approval lapses. Listed from the provisional approval on:
 * the assessment is work to do, not a renewal (approval-expiring leaves them out).
 */
export const provisionalApprovalDueRule: WorklistRule = {
  kind: 'provisional-approval-due',
  items(source) {
    const narrowing = condition(`json_extract(body, '$.network.status') = ?`, 'provisionally-approved');
    return source
      .documents<FamilyDetailDocument>(familyDetailProjection.collection, narrowing)
      .flatMap((family) => {
        const deadline = family.network?.status === 'provisionally-approved' ? family.network.provisionalApproval?.deadline : undefined;
        if (deadline === undefined) return [];
        return [
          {
            kind: 'provisional-approval-due' as const,
            dueOn: deadline,
            subject: { type: 'family' as const, id: family.familyId, name: householdName(family.adults) },
            ...noted({ code: 'provisional-approval-due.assess', params: { deadline } }),
          },
        ];
      });
  },
};
