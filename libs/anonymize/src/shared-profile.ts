/**
 * The one way a family leaves its municipality (DESIGN §5): a SharedProfile built by allowlist.
 * Every field is copied on purpose, one by one; nothing is spread, so a field added to the family
 * later never leaks by accident, and SharedProfile.parse refuses anything the contract lacks.
 */
import { createHmac } from 'node:crypto';
import { SharedProfile, type FamilyDetail } from '@familybank/contracts';
import { daysBetween, isoDate } from '@familybank/domain-core';
import { AVAILABILITY_PATTERNS, CARE_TYPES, COMPETENCES } from '@familybank/domain-family';
import { experienceBandOf, isoWeekOf, monthOf } from './calendar';
import { fewestFreePlaces, freePlacesByMonth, type FreePlacesRange } from './free-places';

/** The family as its own municipality holds it, personal data included (read-models' FamilyDetailDocument). */
export type LocalFamily = Omit<FamilyDetail, 'daysInStage'>;

export interface SharedProfileContext {
  /** The municipality's pseudonym secret; it never leaves the municipality. At least 16 bytes. */
  pseudonymKey: Buffer | string;
  now: Date;
  /**
   * Places promised in every coming month, instead of the family's assignments (which are counted
   * per month by default: a family placed January–June is free again from July).
   */
  committedCapacity?: number;
  /** Increases with every change of the family, so consumers keep the newest profile. */
  version: number;
  /**
   * A family whose availability was last confirmed more than this many days ago is not shared
   * (see isStale) until it is confirmed again. Without it, staleness is not checked.
   */
  staleAfterDays?: number;
}

export type NotSharedReason = 'network-family' | 'not-available' | 'no-consent' | 'no-valid-approval' | 'no-availability' | 'stale-availability';

const MIN_KEY_BYTES = 16;
const LANGUAGE = /^[a-z]{2}$/;
const MAX_SHARED_CAPACITY = 10;

/**
 * HMAC-SHA256 of `municipality:familyId` under the municipality's secret, base64url. Stable, so a
 * partner can follow updates of one family; keyed, so nobody without the secret can compute it
 * from a guessed family id. The municipality is part of the message so equal ids in two
 * municipalities never share a pseudonym.
 */
export function pseudonymOf(key: Buffer | string, municipality: string, familyId: string): string {
  // A short or empty key would make the pseudonym a plain hash that anyone can recompute from ids.
  if (Buffer.byteLength(key) < MIN_KEY_BYTES) throw new Error(`The pseudonym key must be at least ${MIN_KEY_BYTES} bytes`);
  return createHmac('sha256', key).update(`${municipality}:${familyId}`).digest('base64url');
}

/**
 * Why a family may not be shared now, or null when it may (DESIGN §4: consenting, approved,
 * available; with `staleAfterDays`, also confirmed recently enough). A network family is never
 * shared, whatever else holds: it is for its one child, inside its municipality.
 */
export function whyNotShared(family: LocalFamily, now: Date, staleAfterDays?: number): NotSharedReason | null {
  if (family.network !== undefined) return 'network-family';
  return whyNotOffered(family, now, staleAfterDays, true);
}

/** Available with a valid approval and an availability confirmed recently enough (and, to be shared, consenting). */
function whyNotOffered(family: LocalFamily, now: Date, staleAfterDays: number | undefined, consentNeeded: boolean): NotSharedReason | null {
  if (family.stage !== 'available') return 'not-available';
  if (consentNeeded && !family.consentToShare) return 'no-consent';
  if (!family.approval || family.approval.validUntil < isoDate(now)) return 'no-valid-approval';
  if (!family.availability) return 'no-availability';
  if (staleAfterDays !== undefined && isStale(family, now, staleAfterDays)) return 'stale-availability';
  return null;
}

/** The shared profile of the family, or null when it must not be shared (then publish a tombstone). */
export function toSharedProfile(family: LocalFamily, context: SharedProfileContext): SharedProfile | null {
  if (whyNotShared(family, context.now, context.staleAfterDays) !== null) return null;
  return profileOf(family, context);
}

/**
 * Why a network family is not a candidate for `requestId` now, or null when it is: registered for
 * that request, available with its (provisional or full) approval valid. No consent is asked: it
 * is never shared.
 */
export function whyNotNetworkCandidate(family: LocalFamily, requestId: string, now: Date, staleAfterDays?: number): NotSharedReason | 'other-request' | 'not-network' | null {
  if (family.network === undefined) return 'not-network';
  if (family.network.requestId !== requestId) return 'other-request';
  return whyNotOffered(family, now, staleAfterDays, false);
}

/**
 * A network family as its own municipality ranks it among its one request's candidates: the facts
 * of a shared profile, so the same engine ranks it, but it is NOT shared and never published (no
 * path to a partner calls this; toSharedProfile refuses every network family). Null when it is not
 * a candidate for that request (see whyNotNetworkCandidate).
 */
export function networkCandidateProfile(family: LocalFamily, requestId: string, context: SharedProfileContext): SharedProfile | null {
  if (whyNotNetworkCandidate(family, requestId, context.now, context.staleAfterDays) !== null) return null;
  return profileOf(family, context);
}

function profileOf(family: LocalFamily, context: SharedProfileContext): SharedProfile {
  const approval = family.approval!;
  const availability = family.availability!;
  const today = isoDate(context.now);
  const capacity = availability.capacity;
  const byMonth = cappedAt(
    MAX_SHARED_CAPACITY,
    context.committedCapacity === undefined
      ? freePlacesByMonth(capacity, family.assignments, today)
      : [{ from: monthOf(today), places: Math.max(0, capacity - context.committedCapacity) }],
  );

  const profile: SharedProfile = {
    pseudonym: pseudonymOf(context.pseudonymKey, family.municipality, family.familyId),
    municipality: family.municipality,
    region: family.region,
    careTypes: onlyKnown(availability.careTypes, CARE_TYPES),
    // The fewest places free in any coming month; freePlaces below says when more are free.
    freeCapacity: fewestFreePlaces(byMonth),
    ageRange: { min: approval.ageRange.min, max: approval.ageRange.max },
    competences: onlyKnown(family.competences, COMPETENCES),
    // Languages are validated on the way in; filtered again because a bad value here would leave the municipality.
    languages: unique(family.languages.filter((language) => LANGUAGE.test(language))),
    availability: {
      weeks: weeksOf(availability.periods, today),
      patterns: onlyKnown(availability.patterns, AVAILABILITY_PATTERNS),
      // Months, not the dates of another child's placement; months without a free place are left out.
      freePlaces: byMonth.filter((range) => range.places > 0).map(({ from, to, places }) => (to === undefined ? { from, places } : { from, to, places })),
    },
    availabilityConfirmed: monthOf(availability.confirmedOn),
    approvalValidUntil: monthOf(approval.validUntil),
    experience: experienceBandOf(approval.approvedOn, today),
    version: context.version,
  };
  return SharedProfile.parse(profile);
}

/**
 * Whether the family's availability was last confirmed more than `staleAfterDays` days ago, so the
 * family should be asked to confirm it again. A family without availability is not shared at all,
 * so it is never stale.
 */
export function isStale(family: LocalFamily, now: Date, staleAfterDays: number): boolean {
  if (!family.availability) return false;
  return daysBetween(new Date(`${family.availability.confirmedOn}T00:00:00Z`), new Date(`${isoDate(now)}T00:00:00Z`)) > staleAfterDays;
}

/**
 * Periods coarsened to ISO weeks, sorted. Periods that ended before today are dropped: they help
 * no match and would only tell partners more about the family's past.
 */
function weeksOf(periods: ReadonlyArray<{ from: string; to: string }>, today: string): Array<{ from: string; to: string }> {
  const weeks = periods
    .filter((period) => period.to >= today && period.from <= period.to)
    .map((period) => ({ from: isoWeekOf(period.from), to: isoWeekOf(period.to) }))
    .sort((a, b) => (a.from === b.from ? compare(a.to, b.to) : compare(a.from, b.from)));
  return weeks.filter((week, index) => index === 0 || week.from !== weeks[index - 1]!.from || week.to !== weeks[index - 1]!.to);
}

/** Shared capacity is capped; ranges that become equal by the cap are merged. */
function cappedAt(max: number, ranges: FreePlacesRange[]): FreePlacesRange[] {
  const capped: FreePlacesRange[] = [];
  for (const range of ranges) {
    const places = Math.min(range.places, max);
    const previous = capped.at(-1);
    if (previous && previous.places === places) {
      if (range.to === undefined) delete previous.to;
      else previous.to = range.to;
    } else capped.push({ ...range, places });
  }
  return capped;
}

function onlyKnown<T extends string>(values: readonly string[], vocabulary: readonly T[]): T[] {
  return unique(values.filter((value): value is T => (vocabulary as readonly string[]).includes(value)));
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
