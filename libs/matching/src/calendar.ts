/**
 * ISO weeks and months on ISO dates read as UTC days. The same arithmetic as the anonymize
 * library's: profiles carry weeks, needs carry dates, and both must land in the same week.
 */
const DAY_MS = 86_400_000;

/** ISO 8601 week, e.g. 2026-W53; zero-padded, so weeks compare correctly as strings. */
export function isoWeekOf(date: string): string {
  const day = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(day)) throw new RangeError(`Not an ISO date: ${date}`);
  const mondayBased = (new Date(day).getUTCDay() + 6) % 7;
  const thursday = new Date(day + (3 - mondayBased) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = 1 + Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY_MS));
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

export function monthOf(date: string): string {
  return date.slice(0, 7);
}
