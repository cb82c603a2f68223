import { familyDetailProjection, type FamilyDetailDocument } from '../../families/family-detail.projection';
import { householdName } from '../../families/family-events';
import { condition } from '../../search/where';
import { addWorkingDays, type WorklistRule } from '../worklist-rule';
import { noted } from '../worklist-notes';

/** Fast follow-up after a family's first contact is what recruits it (seeds): every lead is due a first contact. */
export const firstContactRule: WorklistRule = {
  kind: 'first-contact',
  items(source, { policy }) {
    const leads = source.documents<FamilyDetailDocument>(familyDetailProjection.collection, condition(`json_extract(body, '$.stage') = 'lead'`));
    return leads
      .filter((family) => family.stage === 'lead')
      .map((family) => ({
        kind: 'first-contact',
        dueOn: addWorkingDays(family.registeredAt.slice(0, 10), policy.firstContactDueWorkingDays),
        subject: { type: 'family', id: family.familyId, name: householdName(family.adults) },
        ...noted({ code: 'first-contact.make', params: { registeredOn: family.registeredAt.slice(0, 10) } }),
      }));
  },
};
