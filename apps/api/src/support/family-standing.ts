import { APPROVED_STAGES } from '@familybank/domain-family';
import type { FamilyStanding } from '@familybank/domain-support';
import { familyDetailProjection, type DocumentStore, type FamilyDetailDocument } from '@familybank/read-models';

/**
 * The look-up a support command carries (the decider owns the rule): whether the family is one of
 * the caller's own and holds an approval now, as its detail read model shows it. The stages are
 * the family's own rule for a contact person, so all support after approval follows one rule.
 */
export function familyStanding(documents: DocumentStore, municipality: string, familyId: string): FamilyStanding {
  const found = documents.get<FamilyDetailDocument>(familyDetailProjection.collection, familyId);
  if (!found || found.municipality !== municipality) return 'unknown';
  return APPROVED_STAGES.includes(found.body.stage) ? 'approved' : 'not-approved';
}
