import { daysBetween, isoDate, nextMonth, workingDaysBetween } from './calendar';

describe('calendar', () => {
  it('isoDate gives the UTC date', () => {
    expect(isoDate(new Date('2026-11-27T23:59:59.000Z'))).toBe('2026-11-27');
  });

  it('daysBetween counts whole days', () => {
    expect(daysBetween(new Date('2026-11-20T10:00:00Z'), new Date('2026-11-27T09:59:59Z'))).toBe(6);
    expect(daysBetween(new Date('2026-11-20T10:00:00Z'), new Date('2026-11-27T10:00:00Z'))).toBe(7);
  });

  it('workingDaysBetween skips Saturdays and Sundays', () => {
    // Friday 2026-11-27 → Monday 2026-11-30: only Monday counts.
    expect(workingDaysBetween(new Date('2026-11-27T12:00:00Z'), new Date('2026-11-30T08:00:00Z'))).toBe(1);
    // Monday → next Monday: five working days.
    expect(workingDaysBetween(new Date('2026-11-23T12:00:00Z'), new Date('2026-11-30T08:00:00Z'))).toBe(5);
    expect(workingDaysBetween(new Date('2026-11-23T12:00:00Z'), new Date('2026-11-23T18:00:00Z'))).toBe(0);
  });
});

describe('next month', () => {
  it.each([
    ['2026-01', '2026-02'],
    ['2026-09', '2026-10'],
    ['2026-12', '2027-01'],
  ])('after %s comes %s', (month, next) => {
    expect(nextMonth(month)).toBe(next);
  });
});
