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
