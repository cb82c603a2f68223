import type { AvailableFamily } from '@familybank/contracts';
import type { Projection } from '../projection';
import { familyDetailProjection, type FamilyDetailDocument } from './family-detail.projection';
import { FAMILY_EVENT_TYPES, familyIdOf, householdName, type RecordedFamilyEvent } from './family-events';

/**
 * Families available now. It keeps the family's detail as working state (a document per family
 * under its own collection) and derives the available entry from it, so both read models agree.
 */
export interface AvailabilityTracking {
  detail: FamilyDetailDocument;
  available: AvailableFamily | null;
}

export const availableFamiliesProjection: Projection<AvailabilityTracking> = {
  name: 'available-families',
  version: 5,
  collection: 'available-families',
  streamPrefix: 'family-',
  handles: FAMILY_EVENT_TYPES,
  documentId: familyIdOf,
  evolve: (tracking, event) => evolveAvailability(tracking, event as RecordedFamilyEvent),
};

export function evolveAvailability(tracking: AvailabilityTracking | null, event: RecordedFamilyEvent): AvailabilityTracking | null {
  const detail = familyDetailProjection.evolve(tracking?.detail ?? null, event);
  return detail === null ? null : { detail, available: availableEntry(detail) };
}

function availableEntry(detail: FamilyDetailDocument): AvailableFamily | null {
  const { approval, availability } = detail;
  if (detail.stage !== 'available' || !approval || !availability) return null;
  return {
    familyId: detail.familyId,
    municipality: detail.municipality,
    householdName: householdName(detail.adults),
    region: detail.region,
    careTypes: availability.careTypes,
    capacity: availability.capacity,
    ageRange: approval.ageRange,
    periods: availability.periods,
    patterns: availability.patterns,
    languages: detail.languages,
    competences: detail.competences,
    approvalValidUntil: approval.validUntil,
    availabilityConfirmedOn: availability.confirmedOn,
    consentToShare: detail.consentToShare,
  };
}
