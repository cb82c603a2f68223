import { fewestFreePlaces, freePlacesByMonth } from './free-places';

const placed = (from: string, to: string, children = 1) => ({ period: { from, to }, children });

describe('free places per month', () => {
  it('given no placement, then every place is free from this month on, with no end', () => {
    expect(freePlacesByMonth(2, [], '2026-11-20')).toEqual([{ from: '2026-11', places: 2 }]);
  });

  it('given a placement January–June, then the family is free before and again from July', () => {
    expect(freePlacesByMonth(1, [placed('2027-01-01', '2027-06-30')], '2026-11-20')).toEqual([
      { from: '2026-11', to: '2026-12', places: 1 },
      { from: '2027-01', to: '2027-06', places: 0 },
      { from: '2027-07', places: 1 },
    ]);
  });

  it('given a placement running this month, then this month is taken', () => {
    expect(freePlacesByMonth(1, [placed('2026-10-01', '2026-11-30')], '2026-11-20')).toEqual([
      { from: '2026-11', to: '2026-11', places: 0 },
      { from: '2026-12', places: 1 },
    ]);
  });

  it('given a placement that ended before today, then it takes nothing', () => {
    expect(freePlacesByMonth(1, [placed('2026-01-01', '2026-11-19')], '2026-11-20')).toEqual([{ from: '2026-11', places: 1 }]);
  });

  it('given overlapping placements and siblings, then their children add up, never below zero', () => {
    expect(freePlacesByMonth(2, [placed('2026-12-01', '2027-02-28', 2), placed('2027-02-01', '2027-03-31')], '2026-11-20')).toEqual([
      { from: '2026-11', to: '2026-11', places: 2 },
      { from: '2026-12', to: '2027-02', places: 0 },
      { from: '2027-03', to: '2027-03', places: 1 },
      { from: '2027-04', places: 2 },
    ]);
  });

  it('the fewest free places of any month is what a consumer without months may rely on', () => {
    expect(fewestFreePlaces(freePlacesByMonth(2, [placed('2027-01-01', '2027-06-30')], '2026-11-20'))).toBe(1);
    expect(fewestFreePlaces(freePlacesByMonth(2, [], '2026-11-20'))).toBe(2);
  });
});
