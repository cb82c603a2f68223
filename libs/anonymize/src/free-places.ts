/**
 * Capacity per period (DESIGN §4): a family placed January–June is still free from July. The
 * places free are computed per month from the family's reservations, and shared as coarsely as
 * the rest of the profile: months, never the exact dates of another child's placement.
 */
import { monthOf, nextMonth } from '@familybank/domain-core';

export interface PlacedPeriod {
  period: { from: string; to: string };
  children: number;
}

/** Consecutive months with the same number of free places; the last range has no end. */
export interface FreePlacesRange {
  from: string;
  to?: string;
  places: number;
}

/**
 * Places free in each month from today's month on: the capacity minus the children of every
 * reservation touching the month. A month a placement only partly covers counts as taken, so a
 * partner rather misses a family than is refused. Reservations that ended before today are past.
 */
export function freePlacesByMonth(capacity: number, placements: readonly PlacedPeriod[], today: string): FreePlacesRange[] {
  const current = monthOf(today);
  const coming = placements
    .filter((placement) => placement.period.to >= today && placement.period.from <= placement.period.to)
    .map((placement) => ({ from: monthOf(placement.period.from), to: monthOf(placement.period.to), children: placement.children }));
  const last = coming.reduce((latest, placement) => (placement.to > latest ? placement.to : latest), current);
  const ranges: FreePlacesRange[] = [];
  // Bounded by the latest reservation's month: a few dozen months at most.
  for (let month = current; month <= last; month = nextMonth(month)) {
    const taken = coming.filter((placement) => placement.from <= month && month <= placement.to).reduce((sum, placement) => sum + placement.children, 0);
    const places = Math.max(0, capacity - taken);
    const previous = ranges.at(-1);
    if (previous && previous.places === places) previous.to = month;
    else ranges.push({ from: month, to: month, places });
  }
  // After the last reservation every place is free, with no end.
  const tail = ranges.at(-1);
  if (tail && tail.places === capacity) delete tail.to;
  else ranges.push({ from: nextMonth(last), places: capacity });
  return ranges;
}

/** The fewest places free in any coming month: what a consumer that knows no months may rely on. */
export const fewestFreePlaces = (ranges: readonly FreePlacesRange[]): number => Math.min(...ranges.map((range) => range.places));
