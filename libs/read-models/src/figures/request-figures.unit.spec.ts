import { foldProjection } from '../testing';
import { requestFactsProjection } from './request-facts.projection';
import { networkShareRows, requestsFilledRows, requestsWaitingRows, waitingNow } from './request-figures';
import { NOW, requestEvents } from './testing/two-years.fixture';

const requests = [...foldProjection(requestFactsProjection, requestEvents).values()];
const twoYears = { from: '2025-01-01', to: '2026-12-31' };

describe('figure: requests waiting', () => {
  it('counts the requests open on each period’s last day (today for the current one) and the days they waited', () => {
    // 2025-12-31: only r3 (opened 2025-11-15) waits: 15 days of November + 31 of December.
    // 2026 as of today 2026-12-15: only r4 (opened 2026-03-01) waits: Mar–Nov 275 days + 14.
    expect(requestsWaitingRows(requests, twoYears, 'year', NOW)).toEqual([
      { period: '2025', periodStart: '2025-01-01', periodEnd: '2025-12-31', asOf: '2025-12-31', waiting: 1, averageDaysWaiting: 46, longestDaysWaiting: 46 },
      { period: '2026', periodStart: '2026-01-01', periodEnd: '2026-12-31', asOf: '2026-12-15', waiting: 1, averageDaysWaiting: 289, longestDaysWaiting: 289 },
    ]);
    expect(waitingNow(requests, NOW)).toEqual({ count: 1, averageDays: 289, longestDays: 289 });
  });

  it('a request filled within the quarter no longer waits at its end; one opened in it does', () => {
    const [q1, q2] = requestsWaitingRows(requests, { from: '2025-01-01', to: '2025-06-30' }, 'quarter', NOW);
    expect(q1).toMatchObject({ period: '2025-Q1', waiting: 0, averageDaysWaiting: null });
    // r2 opened 2025-05-10: 21 days of May + 30 of June.
    expect(q2).toMatchObject({ period: '2025-Q2', asOf: '2025-06-30', waiting: 1, averageDaysWaiting: 51 });
  });

  it('leaves out periods that have not begun', () => {
    const rows = requestsWaitingRows(requests, { from: '2026-11-01', to: '2027-02-28' }, 'month', NOW);
    expect(rows.map((row) => row.period)).toEqual(['2026-11', '2026-12']);
  });
});

describe('figure: requests filled', () => {
  it('counts requests opened and filled per period, with the days from opening to filling', () => {
    // 2025: r1 2025-01-06 → 2025-03-01 is 54 days, r2 2025-05-10 → 2025-07-20 is 71; 2026: r5 2026-09-10 → 2026-10-05 is 25.
    expect(requestsFilledRows(requests, twoYears, 'year')).toEqual([
      { period: '2025', periodStart: '2025-01-01', periodEnd: '2025-12-31', opened: 3, filled: 2, averageDaysToFill: 62.5, longestDaysToFill: 71 },
      { period: '2026', periodStart: '2026-01-01', periodEnd: '2026-12-31', opened: 2, filled: 1, averageDaysToFill: 25, longestDaysToFill: 25 },
    ]);
  });
});

describe('figure: network share', () => {
  it('counts an assignment whose family is one of the request’s network candidates, with the target in every row', () => {
    // 2025: r1 (its candidate ps-aunt) and r2 (ps-stranger, not its candidate); 2026: r5 (its candidate).
    expect(networkShareRows(requests, twoYears, 'year', 33)).toEqual([
      { period: '2025', periodStart: '2025-01-01', periodEnd: '2025-12-31', assignments: 2, fromNetwork: 1, sharePercent: 50, targetPercent: 33 },
      { period: '2026', periodStart: '2026-01-01', periodEnd: '2026-12-31', assignments: 1, fromNetwork: 1, sharePercent: 100, targetPercent: 33 },
    ]);
  });

  it('a period without assignments has no share (null), not 0 %', () => {
    const [row] = networkShareRows(requests, { from: '2025-04-01', to: '2025-06-30' }, 'quarter', 40);
    expect(row).toMatchObject({ period: '2025-Q2', assignments: 0, sharePercent: null, targetPercent: 40 });
  });
});
