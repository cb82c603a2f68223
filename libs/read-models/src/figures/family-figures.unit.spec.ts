import { foldProjection } from '../testing';
import { familyFactsProjection } from './family-facts.projection';
import {
  approvalsExpiringRows,
  availabilityFreshnessRows,
  emergencyCallsRows,
  expiringWithin90Days,
  familiesWaitingForNewAssignment,
  newAssignmentWishesRows,
  recruitmentFunnelRows,
  timeToApprovalRows,
} from './family-figures';
import { familyEvents, NEWSPAPER, NOW } from './testing/two-years.fixture';

const families = [...foldProjection(familyFactsProjection, familyEvents).values()];
const twoYears = { from: '2025-01-01', to: '2026-12-31' };
const year = (label: string) => ({ period: label, periodStart: `${label}-01-01`, periodEnd: `${label}-12-31` });

describe('figure: recruitment funnel', () => {
  it('groups leads by the year they registered, their channel and source detail; contacted and approved are what they reached', () => {
    // 2025: f1 and f3 from the newspaper (both contacted, f1 approved), f2 from social media (approved).
    // 2026: f4 a campaign lead never contacted, f5 a referral approved.
    expect(recruitmentFunnelRows(families, twoYears, 'year')).toEqual([
      { ...year('2025'), sourceChannel: 'campaign', sourceDetail: NEWSPAPER, leads: 2, contacted: 2, approved: 1, conversionPercent: 50 },
      { ...year('2025'), sourceChannel: 'social-media', sourceDetail: '', leads: 1, contacted: 1, approved: 1, conversionPercent: 100 },
      { ...year('2026'), sourceChannel: 'campaign', sourceDetail: '', leads: 1, contacted: 0, approved: 0, conversionPercent: 0 },
      { ...year('2026'), sourceChannel: 'family-referral', sourceDetail: '', leads: 1, contacted: 1, approved: 1, conversionPercent: 100 },
    ]);
  });
});

describe('figure: days from first contact to approval', () => {
  it('measures from the first contact’s date to the approval’s date, per period of approval', () => {
    // f1 2025-01-20 → 2025-04-30: 100 days; f2 2025-02-07 → 2025-06-07: 120 days; f5 2026-02-10 → 2026-05-21: 100 days.
    expect(timeToApprovalRows(families, twoYears, 'year')).toEqual([
      { ...year('2025'), approvals: 2, averageDaysFromFirstContact: 110, shortestDays: 100, longestDays: 120 },
      { ...year('2026'), approvals: 1, averageDaysFromFirstContact: 100, shortestDays: 100, longestDays: 100 },
    ]);
  });
});

describe('figure: approvals expiring', () => {
  it('places each approval term in the quarter of its valid-until date, with what became of it', () => {
    // f1's first term (2026-04-30) was renewed, f2's (2026-06-07) expired; f5 (2027-01-31) and f1's renewal (2027-02-28) are in force.
    const rows = approvalsExpiringRows(families, { from: '2026-01-01', to: '2027-03-31' }, 'quarter');
    expect(rows.map(({ period, expiring, current, renewed, expired, retired }) => ({ period, expiring, current, renewed, expired, retired }))).toEqual([
      { period: '2026-Q1', expiring: 0, current: 0, renewed: 0, expired: 0, retired: 0 },
      { period: '2026-Q2', expiring: 2, current: 0, renewed: 1, expired: 1, retired: 0 },
      { period: '2026-Q3', expiring: 0, current: 0, renewed: 0, expired: 0, retired: 0 },
      { period: '2026-Q4', expiring: 0, current: 0, renewed: 0, expired: 0, retired: 0 },
      { period: '2027-Q1', expiring: 2, current: 2, renewed: 0, expired: 0, retired: 0 },
    ]);
  });

  it('counts the approvals in force that run out within the next 90 days', () => {
    // Today 2026-12-15, 90 days on is 2027-03-15: f5 (2027-01-31) and f1 (2027-02-28).
    expect(expiringWithin90Days(families, NOW)).toBe(2);
    expect(expiringWithin90Days(families, new Date('2026-10-01T00:00:00Z'))).toBe(0);
  });
});

describe('figure: availability freshness', () => {
  const rows = availabilityFreshnessRows(families, twoYears, 'quarter', NOW, 60);
  const row = (period: string) => rows.find((candidate) => candidate.period === period);

  it('counts available families on each quarter’s last day and the days since each last confirmed', () => {
    // 2025-09-30: f1 confirmed 2025-08-01 (60 days: fresh), f2 declared 2025-06-10 (112 days: stale).
    expect(row('2025-Q3')).toEqual({ period: '2025-Q3', periodStart: '2025-07-01', periodEnd: '2025-09-30', asOf: '2025-09-30', available: 2, fresh: 1, stale: 1, averageDaysSinceConfirmed: 86, staleAfterDays: 60 });
    // 2026-06-30: f1 still on its 2025-08-01 confirmation (333 days), f2 expired on 2026-06-08, f5 declared 2026-05-25 (36 days).
    expect(row('2026-Q2')).toMatchObject({ available: 2, fresh: 1, stale: 1, averageDaysSinceConfirmed: 184.5 });
    // Today: f1 confirmed 2026-11-01 (44 days); f5 withdrew on 2026-09-30.
    expect(row('2026-Q4')).toMatchObject({ asOf: '2026-12-15', available: 1, fresh: 1, stale: 0, averageDaysSinceConfirmed: 44 });
  });

  it('before anyone declared availability there is nobody to count', () => {
    expect(row('2025-Q1')).toMatchObject({ available: 0, averageDaysSinceConfirmed: null });
  });
});

describe('figure: families wanting a new assignment', () => {
  it('counts ended assignments per period by the family’s wish, and the families still waiting for a new one', () => {
    // f1's assignment ended 2025-12-20 wanting a new one (not placed since); f5's ended 2026-08-31 not wanting one.
    expect(newAssignmentWishesRows(families, twoYears, 'year')).toEqual([
      { ...year('2025'), assignmentsEnded: 1, wantingNew: 1, notWantingNew: 0 },
      { ...year('2026'), assignmentsEnded: 1, wantingNew: 0, notWantingNew: 1 },
    ]);
    expect(familiesWaitingForNewAssignment(families)).toBe(1);
  });
});

describe('figure: emergency-line calls', () => {
  it('counts emergency calls recorded as support per month, and the families who called', () => {
    // f1 called twice in November 2025; f2 once in March 2026.
    const rows = emergencyCallsRows(families, { from: '2025-11-01', to: '2026-03-31' }, 'month');
    expect(rows.map(({ period, calls, families: callers }) => [period, calls, callers])).toEqual([
      ['2025-11', 2, 1],
      ['2025-12', 0, 0],
      ['2026-01', 0, 0],
      ['2026-02', 0, 0],
      ['2026-03', 1, 1],
    ]);
  });
});
