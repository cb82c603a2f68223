/**
 * Coarsening of dates for sharing: exact dates stay home, partners see ISO weeks and months.
 * All on ISO dates (YYYY-MM-DD) read as UTC days, like the domain's calendar.
 */
import type { EXPERIENCE_BANDS } from '@familybank/contracts';

export type ExperienceBand = (typeof EXPERIENCE_BANDS)[number];

const DAY_MS = 86_400_000;

/**
 * ISO 8601 week of a date, e.g. 2026-W53. The week belongs to the year of its Thursday, so the
 * first days of January can fall in the last week of the previous year and vice versa
 * (2027-01-01 → 2026-W53, 2024-12-30 → 2025-W01).
 */
export function isoWeekOf(date: string): string {
  const day = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(day)) throw new RangeError(`Not an ISO date: ${date}`);
  const mondayBased = (new Date(day).getUTCDay() + 6) % 7;
  const thursday = new Date(day + (3 - mondayBased) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** YYYY-MM of an ISO date. */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/**
 * How long the family has been approved, by calendar anniversaries of `approvedOn`: before the
 * first anniversary 'new', up to and including the third '1-3-years', after it 'over-3-years'.
 * Compared as strings, so a 29 February approval has its anniversary on 1 March in other years.
 */
export function experienceBandOf(approvedOn: string, today: string): ExperienceBand {
  const anniversary = (years: number) => `${String(Number(approvedOn.slice(0, 4)) + years).padStart(4, '0')}${approvedOn.slice(4)}`;
  if (today < anniversary(1)) return 'new';
  if (today <= anniversary(3)) return '1-3-years';
  return 'over-3-years';
}
