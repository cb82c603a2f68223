import type { FamilyStanding } from '@familybank/domain-support';
import type { DocumentStore } from '@familybank/read-models';
import { familyDetailProjection, type FamilyDetailDocument } from '@familybank/read-models';

/** Stages in which a family that once was approved no longer receives support. */
const NO_SUPPORT_STAGES = new Set(['retired', 'rejected']);

/**
 * The look-up a support command carries (the decider owns the rule): whether the family is one of
 * the caller's own and holds an approval, as its detail read model shows it.
 */
export function familyStanding(documents: DocumentStore, municipality: string, familyId: string): FamilyStanding {
  const found = documents.get<FamilyDetailDocument>(familyDetailProjection.collection, familyId);
  if (!found || found.municipality !== municipality) return 'unknown';
  return found.body.approval !== undefined && !NO_SUPPORT_STAGES.has(found.body.stage) ? 'approved' : 'not-approved';
}
