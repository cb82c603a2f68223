import { ensure } from '@familybank/domain-core';
import { SupportErrors } from './support.errors';

/**
 * Where a family of the caller's municipality stands, as the handler reads it before the command:
 * `unknown` (no such family of ours), `not-approved` (in recruitment, rejected, approval expired,
 * retired) or `approved` (approved, available or suspended). A look-up passed into the command, so
 * that the rule "support is for approved families" lives in the decider; never stored in an event.
 */
export type FamilyStanding = 'unknown' | 'not-approved' | 'approved';

export interface FamilyLookup {
  familyId: string;
  standing: FamilyStanding;
}

export function ensureApprovedFamily({ familyId, standing }: FamilyLookup): void {
  ensure(standing !== 'unknown', () => SupportErrors.familyNotFound(familyId));
  ensure(standing === 'approved', () => SupportErrors.familyNotApproved(familyId));
}
