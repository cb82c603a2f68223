import fc from 'fast-check';
import { nextMonth } from '@familybank/domain-core';
import { roomThroughout } from './free-periods';
import { describeFreePlaces } from './reasons';

/** Twelve months from June 2026, then two years on to check the open end. */
const MONTHS = Array.from({ length: 36 }, (_, n) => n).reduce<string[]>((months) => [...months, months.length === 0 ? '2026-06' : nextMonth(months.at(-1)!)], []);

/**
 * Ranges as a profile shares them, built from free places per month: consecutive equal months
 * merged, months without a place left out, the last month's places from then on.
 */
function rangesOf(perMonth: number[]): Array<{ from: string; to?: string; places: number }> {
  const ranges: Array<{ from: string; to?: string; places: number }> = [];
  perMonth.forEach((places, index) => {
    const previous = ranges.at(-1);
    const month = MONTHS[index]!;
    if (previous && previous.places === places && previous.to === MONTHS[index - 1]) previous.to = month;
    else if (places > 0) ranges.push({ from: month, to: month, places });
  });
  const last = ranges.at(-1);
  if (last && last.to === MONTHS[perMonth.length - 1]) delete last.to;
  return ranges;
}

describe('room throughout a period', () => {
  it('agrees with checking every month of the period one by one (property)', () => {
    const perMonth = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 12, maxLength: 12 });
    const span = fc.tuple(fc.integer({ min: 0, max: 35 }), fc.integer({ min: 0, max: 35 })).map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);
    fc.assert(
      fc.property(perMonth, span, fc.integer({ min: 1, max: 3 }), (places, [from, to], needed) => {
        const placesIn = (index: number) => places[Math.min(index, places.length - 1)]!;
        const expected = Array.from({ length: to - from + 1 }, (_, n) => placesIn(from + n)).every((free) => free >= needed);
        expect(roomThroughout(rangesOf(places), MONTHS[from]!, MONTHS[to]!, needed)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('describes the free months for the caseworker', () => {
    expect(describeFreePlaces([{ from: '2026-12', to: '2026-12', places: 1 }, { from: '2027-07', places: 2 }])).toBe('1 in 2026-12, 2 from 2027-07');
    expect(describeFreePlaces([])).toBe('no free month');
  });
});
