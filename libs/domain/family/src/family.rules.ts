import { ensure } from '@familybank/domain-core';
import { FamilyErrors } from './family.errors';
import type { RegisteredFamily } from './family.state';
import type { Adult } from './family.types';
import { CHECK_KINDS, type FamilyStage } from './vocabulary';

/** Rules shared by the family's commands: each an `ensure` sentence. */
export function inStage(family: RegisteredFamily, action: string, allowed: readonly FamilyStage[]): void {
  ensure(allowed.includes(family.status), () => FamilyErrors.notInStage(action, family.status, allowed));
}

export function ensureUniqueAdults(adults: readonly Adult[]): void {
  const seen = new Set<string>();
  for (const { adultId } of adults) {
    ensure(!seen.has(adultId), () => FamilyErrors.duplicateAdult(adultId));
    seen.add(adultId);
  }
}

/** No approval while any adult's check is missing; remarks block unless assessed acceptable. */
export function ensureChecksAllowApproval(family: RegisteredFamily): void {
  const expected = family.adults.flatMap(({ adultId }) => CHECK_KINDS.map((kind) => ({ adultId, kind })));
  const resultOf = (adultId: string, kind: string) => family.checks.find((check) => check.adultId === adultId && check.kind === kind);
  const missing = expected.filter(({ adultId, kind }) => resultOf(adultId, kind)?.result === undefined);
  ensure(missing.length === 0, () => FamilyErrors.checksMissing(missing));
  const blocking = expected.filter(({ adultId, kind }) => {
    const check = resultOf(adultId, kind);
    return check?.result?.outcome === 'remarks' && check.assessment?.acceptable !== true;
  });
  ensure(blocking.length === 0, () => FamilyErrors.checksNotClear(blocking));
}
