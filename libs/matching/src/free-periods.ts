/**
 * Capacity per period: a profile says how many places are free per month (availability.freePlaces),
 * and a request needs its places in every month of its period. A profile from an older node
 * without months has one freeCapacity for all of them.
 */
import type { ExclusionReason, MatchReason, SharedProfile } from '@familybank/contracts';
import { nextMonth } from '@familybank/domain-core';
import type { PreparedNeeds } from './prepared-needs';

type Ranges = NonNullable<SharedProfile['availability']['freePlaces']>;

/** Whether `places` are free in every month from `from` to `to`; the ranges are sorted and do not overlap. */
export function roomThroughout(ranges: Ranges, from: string, to: string, places: number): boolean {
  if (to < from) return true;
  let uncovered = from;
  for (const range of ranges) {
    if (range.to !== undefined && range.to < uncovered) continue;
    // A month left out has no free place; a range with too few places overlaps the period.
    if (range.from > uncovered || range.places < places) return false;
    if (range.to === undefined || range.to >= to) return true;
    uncovered = nextMonth(range.to);
  }
  return false;
}

export function hasRoomInPeriod(needs: PreparedNeeds, candidate: SharedProfile): boolean {
  const ranges = candidate.availability.freePlaces;
  if (ranges === undefined) return candidate.freeCapacity >= needs.places;
  return roomThroughout(ranges, needs.periodFromMonth, needs.periodToMonth, needs.places);
}

/** Why a family has no room for the request. */
export function noRoomReason(needs: PreparedNeeds, candidate: SharedProfile): ExclusionReason {
  const ranges = candidate.availability.freePlaces;
  if (ranges === undefined) return { code: 'capacity.too-few', params: { free: candidate.freeCapacity, needed: needs.places } };
  return { code: 'capacity.not-throughout', params: { places: needs.places, from: needs.periodFromMonth, to: needs.periodToMonth, free: ranges } };
}

/** For a family that has room: the request's months checked against the free months (no points, only the reason). */
export function roomReason(needs: PreparedNeeds, candidate: SharedProfile): MatchReason | undefined {
  const ranges = candidate.availability.freePlaces;
  if (ranges === undefined) return undefined;
  const limited = ranges.some((range) => range.to !== undefined);
  return { code: 'period.free-throughout', params: { places: needs.places, from: needs.periodFromMonth, to: needs.periodToMonth, ...(limited && { free: ranges }) } };
}
