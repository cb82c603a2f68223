import { unwrap, type FamilybankClient } from '@familybank/api-client';
import { EnrolmentParams, WithdrawEnrolmentBody } from '@familybank/contracts';
import { householdName } from '../family/FamilyStepForm';

/** Stages whose families hold an approval and so take part in supervision and courses. */
const SUPPORTED_STAGES = ['approved', 'available'] as const;

/** The approved families of the municipality, by id → household name (for pickers and attendance lists). */
export async function supportedFamilies(api: FamilybankClient): Promise<Record<string, string>> {
  const pages = await Promise.all(SUPPORTED_STAGES.map((stage) => unwrap(api.GET('/v1/families', { params: { query: { stage, limit: 200 } } }))));
  return Object.fromEntries(pages.flatMap((page) => page.items.map((family) => [family.familyId, householdName(family)] as const)));
}

/** Course sessions as rows of the form: a row without a date is left out, each kept one gets an id (s1, s2…). */
export function sessionsFromRows(body: Record<string, unknown>): Record<string, unknown> {
  const rows = (body['sessions'] as Array<{ on?: string; topic?: string } | undefined> | undefined) ?? [];
  return { ...body, sessions: rows.filter((row) => row?.on).map((row, index) => ({ sessionId: `s${index + 1}`, ...row })) };
}

/**
 * The withdrawal form picks the family (the route's path) and gives a reason (its body): checked with
 * the API's own schemas for both, then split into the two.
 */
export const WithdrawalForm = WithdrawEnrolmentBody.extend({ familyId: EnrolmentParams.shape.familyId });

export function splitWithdrawal(form: unknown): { familyId: string; body: { reason?: string } } {
  const { familyId, ...body } = form as { familyId: string; reason?: string };
  return { familyId, body };
}
