import { bucketsOf, periodLabel, resolvePeriod } from './periods';

describe('figure periods', () => {
  it('labels a date by month, quarter and year', () => {
    expect(['month', 'quarter', 'year'].map((grouping) => periodLabel('2025-08-14', grouping as 'month'))).toEqual(['2025-08', '2025-Q3', '2025']);
  });

  it('splits a period into calendar periods, clipping the first and the last', () => {
    expect(bucketsOf({ from: '2025-02-15', to: '2025-10-10' }, 'quarter')).toEqual([
      { label: '2025-Q1', start: '2025-02-15', end: '2025-03-31' },
      { label: '2025-Q2', start: '2025-04-01', end: '2025-06-30' },
      { label: '2025-Q3', start: '2025-07-01', end: '2025-09-30' },
      { label: '2025-Q4', start: '2025-10-01', end: '2025-10-10' },
    ]);
    expect(bucketsOf({ from: '2024-02-01', to: '2024-03-31' }, 'month').map((bucket) => bucket.end)).toEqual(['2024-02-29', '2024-03-31']);
  });

  it('defaults to 1 January of last year until today, or to the next days for a figure that looks ahead', () => {
    const now = new Date('2026-12-15T10:00:00Z');
    expect(resolvePeriod({}, now, 'history')).toEqual({ from: '2025-01-01', to: '2026-12-15' });
    expect(resolvePeriod({ to: '2024-06-30' }, now, 'history')).toEqual({ from: '2023-01-01', to: '2024-06-30' });
    // An early year stays a four-digit date (a 500 once: "328-01-01" broke the response's contract).
    expect(resolvePeriod({ to: '0329-02-03' }, now, 'history')).toEqual({ from: '0328-01-01', to: '0329-02-03' });
    expect(resolvePeriod({ to: '0000-02-03' }, now, 'history')).toEqual({ from: '0000-01-01', to: '0000-02-03' });
    expect(resolvePeriod({}, now, { aheadDays: 90 })).toEqual({ from: '2026-12-15', to: '2027-03-15' });
  });
});
