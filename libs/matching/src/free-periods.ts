/**
 * Capacity per period: a profile says how many places are free per month (availability.freePlaces),
 * and a request needs its places in every month of its period. A profile from an older node
 * without months has one freeCapacity for all of them.
 */
import type { SharedProfile } from '@familybank/contracts';
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

const span = (from: string, to: string) => (from === to ? from : `${from}–${to}`);

/** "1 in 2026-11–2026-12, 1 from 2027-07": the months the profile says are free. */
export function describeFreePlaces(ranges: Ranges): string {
  if (ranges.length === 0) return 'no free month';
  return ranges.map((range) => (range.to === undefined ? `${range.places} from ${range.from}` : `${range.places} in ${span(range.from, range.to)}`)).join(', ');
}

/** Why a family has no room for the request, for the caseworker. */
export function explainNoRoom(needs: PreparedNeeds, candidate: SharedProfile): string {
  const ranges = candidate.availability.freePlaces;
  if (ranges === undefined) return `${candidate.freeCapacity} free place(s), ${needs.places} needed`;
  return `Not ${needs.places} free place(s) in every month of ${span(needs.periodFromMonth, needs.periodToMonth)}; free: ${describeFreePlaces(ranges)}`;
}

/** For a family that has room: the request's months checked against the free months (no points, only the reason). */
export function explainRoom(needs: PreparedNeeds, candidate: SharedProfile): string | undefined {
  const ranges = candidate.availability.freePlaces;
  if (ranges === undefined) return undefined;
  const limited = ranges.some((range) => range.to !== undefined);
  const free = limited ? ` (free: ${describeFreePlaces(ranges)})` : '';
  return `${needs.places} place(s) needed and free in every month of ${span(needs.periodFromMonth, needs.periodToMonth)}${free}`;
}
