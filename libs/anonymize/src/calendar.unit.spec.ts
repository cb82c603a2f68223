import { experienceBandOf, isoWeekOf, monthOf } from './calendar';

describe('ISO weeks', () => {
  it.each([
    ['2026-01-01', '2026-W01'], // a Thursday: week 1 is the week of the year's first Thursday
    ['2026-06-15', '2026-W25'],
    ['2026-12-28', '2026-W53'],
    ['2026-12-31', '2026-W53'],
    ['2027-01-01', '2026-W53'], // a Friday: still the last week of 2026
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2024-12-30', '2025-W01'], // a Monday: already the first week of 2025
    ['2025-12-29', '2026-W01'],
    ['2021-01-03', '2020-W53'],
    ['2024-02-29', '2024-W09'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeekOf(date)).toBe(week);
  });

  it('every day of a year maps to weeks in order, Monday starting each week', () => {
    let previous = isoWeekOf('2025-12-31');
    for (let day = Date.UTC(2026, 0, 1); day <= Date.UTC(2027, 11, 31); day += 86_400_000) {
      const date = new Date(day);
      const week = isoWeekOf(date.toISOString().slice(0, 10));
      expect(week >= previous).toBe(true);
      expect(week !== previous).toBe(date.getUTCDay() === 1);
      previous = week;
    }
  });

  it('refuses what is not a date', () => {
    expect(() => isoWeekOf('soon')).toThrow(RangeError);
  });
});

describe('months and experience bands', () => {
  it('a month is the date without its day', () => {
    expect(monthOf('2027-03-01')).toBe('2027-03');
  });

  it.each([
    ['2026-03-08', '2026-06-15', 'new'],
    ['2025-06-16', '2026-06-15', 'new'], // one day before the first anniversary
    ['2025-06-15', '2026-06-15', '1-3-years'],
    ['2023-06-15', '2026-06-15', '1-3-years'], // the third anniversary itself
    ['2023-06-14', '2026-06-15', 'over-3-years'],
    ['2015-01-01', '2026-06-15', 'over-3-years'],
    ['2024-02-29', '2025-02-28', 'new'],
    ['2024-02-29', '2025-03-01', '1-3-years'],
  ])('approved on %s, on %s the family is %s', (approvedOn, today, band) => {
    expect(experienceBandOf(approvedOn, today)).toBe(band);
  });
});
