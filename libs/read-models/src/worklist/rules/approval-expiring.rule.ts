import { APPROVED_STAGES } from '@familybank/domain-family';
import { familyDetailProjection, type FamilyDetailDocument } from '../../families/family-detail.projection';
import { householdName } from '../../families/family-events';
import { condition } from '../../search/where';
import { addDays, type WorklistRule } from '../worklist-rule';
import { noted } from '../worklist-notes';

/** Families holding an approval that runs out within the window (or ran out and the expiry sweep has not recorded it yet). */
export const approvalExpiringRule: WorklistRule = {
  kind: 'approval-expiring',
  items(source, { today, policy }) {
    const until = addDays(today, policy.approvalExpiryWindowDays);
    const stages = APPROVED_STAGES.map((stage) => `'${stage}'`).join(', ');
    const narrowing = condition(`json_extract(body, '$.stage') IN (${stages}) AND json_extract(body, '$.approval.validUntil') <= ?`, until);
    return source
      .documents<FamilyDetailDocument>(familyDetailProjection.collection, narrowing)
      .filter((family) => APPROVED_STAGES.includes(family.stage) && family.approval !== undefined && family.approval.validUntil <= until)
      // A network family's provisional approval is not renewed: provisional-approval-due lists it.
      .filter((family) => family.network?.status !== 'provisionally-approved')
      .map((family) => ({
        kind: 'approval-expiring',
        dueOn: family.approval!.validUntil,
        subject: { type: 'family', id: family.familyId, name: householdName(family.adults) },
        ...noted({ code: 'approval-expiring.renew', params: { validUntil: family.approval!.validUntil } }),
      }));
  },
};
