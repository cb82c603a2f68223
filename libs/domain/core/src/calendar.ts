/** Calendar helpers on ISO dates (YYYY-MM-DD, UTC); pure, no clock access. */

export type IsoDate = string;

export function isoDate(instant: Date): IsoDate {
  return instant.toISOString().slice(0, 10);
}

export function daysBetween(from: Date, to: Date): number {
  return Math.floor((to.getTime() - from.getTime()) / 86_400_000);
}

/** Monday–Friday days strictly after `from`'s date up to and including `to`'s date. */
export function workingDaysBetween(from: Date, to: Date): number {
  const start = Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate());
  const end = Date.UTC(to.getUTCFullYear(), to.getUTCMonth(), to.getUTCDate());
  let count = 0;
  for (let day = start + 86_400_000; day <= end; day += 86_400_000) {
    const weekday = new Date(day).getUTCDay();
    if (weekday !== 0 && weekday !== 6) count++;
  }
  return count;
}

/**
 * ISO 8601 week of a date, e.g. 2026-W53; zero-padded, so weeks compare correctly as strings. The
 * week belongs to the year of its Thursday (2027-01-01 → 2026-W53, 2024-12-30 → 2025-W01).
 */
export function isoWeekOf(date: IsoDate): string {
  const day = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(day)) throw new RangeError(`Not an ISO date: ${date}`);
  const mondayBased = (new Date(day).getUTCDay() + 6) % 7;
  const thursday = new Date(day + (3 - mondayBased) * 86_400_000);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/** YYYY-MM of an ISO date. */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}

/** The month after a YYYY-MM month, e.g. 2026-12 → 2027-01. */
export function nextMonth(month: string): string {
  const year = Number(month.slice(0, 4));
  const index = Number(month.slice(5, 7));
  return index === 12 ? `${String(year + 1).padStart(4, '0')}-01` : `${month.slice(0, 4)}-${String(index + 1).padStart(2, '0')}`;
}
