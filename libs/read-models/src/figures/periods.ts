import type { FigureGrouping } from '@familybank/contracts';
import { daysBetween, isoDate, type IsoDate } from '@familybank/domain-core';

/** One row's calendar period, clipped to the requested period. */
export interface Bucket {
  label: string;
  start: IsoDate;
  end: IsoDate;
}

export interface Period {
  from: IsoDate;
  to: IsoDate;
}

const utc = (date: IsoDate) => new Date(`${date}T00:00:00Z`);
const plusDays = (date: IsoDate, days: number): IsoDate => isoDate(new Date(utc(date).getTime() + days * 86_400_000));

/** 2025-07, 2025-Q3 or 2025: the label of the period a date falls in. */
export function periodLabel(date: IsoDate, grouping: FigureGrouping): string {
  const [year, month] = [date.slice(0, 4), Number(date.slice(5, 7))];
  if (grouping === 'year') return year;
  if (grouping === 'quarter') return `${year}-Q${Math.ceil(month / 3)}`;
  return date.slice(0, 7);
}

/** First and last day of the calendar period that starts a date's label. */
function calendarPeriodOf(date: IsoDate, grouping: FigureGrouping): Period {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1;
  const firstMonth = grouping === 'year' ? 0 : grouping === 'quarter' ? month - (month % 3) : month;
  const months = grouping === 'year' ? 12 : grouping === 'quarter' ? 3 : 1;
  const start = new Date(Date.UTC(year, firstMonth, 1));
  const end = new Date(Date.UTC(year, firstMonth + months, 0));
  return { from: isoDate(start), to: isoDate(end) };
}

/** The calendar periods from `from` to `to`, in order, the first and last clipped to the period. */
export function bucketsOf(period: Period, grouping: FigureGrouping): Bucket[] {
  const buckets: Bucket[] = [];
  for (let day = period.from; day <= period.to; ) {
    const calendar = calendarPeriodOf(day, grouping);
    buckets.push({ label: periodLabel(day, grouping), start: day, end: calendar.to < period.to ? calendar.to : period.to });
    day = plusDays(calendar.to, 1);
  }
  return buckets;
}

export const within = (date: IsoDate | null | undefined, bucket: Bucket): date is IsoDate => !!date && date >= bucket.start && date <= bucket.end;

/**
 * The requested period, or the figure's default: history (1 January of the year before `to`, to
 * today), or `aheadDays` from today on. A bound given alone keeps the other on its side of it.
 */
export function resolvePeriod(query: { from?: IsoDate; to?: IsoDate }, now: Date, defaults: 'history' | { aheadDays: number }): Period {
  const today = isoDate(now);
  if (defaults === 'history') {
    const to = query.to ?? (query.from && query.from > today ? query.from : today);
    // 1 January of the year before `to`, a four-digit year however early `to` is (the year 0329 gives 0328).
    const year = String(Math.max(0, Number(to.slice(0, 4)) - 1)).padStart(4, '0');
    return { from: query.from ?? `${year}-01-01`, to };
  }
  const from = query.from ?? (query.to && query.to < today ? query.to : today);
  return { from, to: query.to ?? plusDays(from, defaults.aheadDays) };
}

/** Whole days between two dates. */
export const daysFrom = (from: IsoDate, to: IsoDate): number => daysBetween(utc(from), utc(to));

export { plusDays };

/** Count, average (one decimal), minimum and maximum of some day counts; null when there are none. */
export function dayStatistics(values: readonly number[]): { count: number; average: number | null; shortest: number | null; longest: number | null } {
  if (values.length === 0) return { count: 0, average: null, shortest: null, longest: null };
  const total = values.reduce((sum, value) => sum + value, 0);
  return { count: values.length, average: oneDecimal(total / values.length), shortest: Math.min(...values), longest: Math.max(...values) };
}

export const oneDecimal = (value: number): number => Math.round(value * 10) / 10;

/** part / whole × 100 with one decimal; null when the whole is 0. */
export const percent = (part: number, whole: number): number | null => (whole === 0 ? null : oneDecimal((part / whole) * 100));
