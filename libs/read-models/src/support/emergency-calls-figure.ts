import type { EmergencyCallView } from '@familybank/contracts';
import type { FamilyFacts } from '../figures/family-facts.projection';

/**
 * The emergency-calls figure counts calls per family by day. Calls reach it two ways: as support
 * notes of kind `emergency-call` on the family (folded into FamilyFacts) and as calls to the
 * emergency line with category and duration (the `emergency-calls` collection). This adds the
 * latter's days to each family's, so one figure counts both.
 */
export function withEmergencyLineCalls(families: readonly FamilyFacts[], calls: ReadonlyArray<Pick<EmergencyCallView, 'familyId' | 'receivedOn'>>): FamilyFacts[] {
  const daysByFamily = new Map<string, string[]>();
  for (const call of calls) daysByFamily.set(call.familyId, [...(daysByFamily.get(call.familyId) ?? []), call.receivedOn]);
  return families.map((family) => {
    const days = daysByFamily.get(family.familyId);
    return days ? { ...family, emergencyCalls: [...family.emergencyCalls, ...days].sort() } : family;
  });
}
