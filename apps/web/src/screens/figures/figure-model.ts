import { FigureQuery } from '@familybank/contracts';
import { unwrap, type FamilybankClient } from '@familybank/api-client';

/** The figures the console charts, in the order a leader reads them (issue 9). */
export const FIGURES = ['requests-waiting', 'network-share', 'recruitment-funnel', 'time-to-approval', 'approvals-expiring'] as const;
export type FigureName = (typeof FIGURES)[number];
export type Grouping = 'month' | 'quarter' | 'year';
export type Row = Record<string, string | number | null>;

export interface FigureSpec {
  /** Row fields shown in the table after the period, in order. */
  columns: readonly string[];
  bars: readonly string[];
  lines: readonly string[];
  /** Bars stack (parts of one whole), rather than stand side by side. */
  stacked?: boolean;
  /** The funnel's rows are periods × channels: the chart sums each channel over the period. */
  byChannel?: boolean;
}

export const FIGURE_SPECS: Record<FigureName, FigureSpec> = {
  'requests-waiting': { columns: ['waiting', 'averageDaysWaiting', 'longestDaysWaiting'], bars: ['waiting'], lines: ['averageDaysWaiting'] },
  'network-share': { columns: ['assignments', 'fromNetwork', 'sharePercent', 'targetPercent'], bars: ['sharePercent'], lines: ['targetPercent'] },
  'recruitment-funnel': { columns: ['sourceChannel', 'leads', 'contacted', 'approved', 'conversionPercent'], bars: ['leads', 'contacted', 'approved'], lines: [], byChannel: true },
  'time-to-approval': { columns: ['approvals', 'averageDaysFromFirstContact', 'shortestDays', 'longestDays'], bars: ['averageDaysFromFirstContact'], lines: [] },
  'approvals-expiring': { columns: ['expiring', 'current', 'renewed', 'expired', 'retired'], bars: ['current', 'renewed', 'expired', 'retired'], lines: [], stacked: true },
};

export interface Selection {
  from: string;
  to: string;
  grouping: Grouping;
}
export interface Query {
  from?: string;
  to?: string;
  grouping: Grouping;
}

/** The selection as the API's query: an empty day is left out, so the figure's own default period applies. */
export function figureQuery(selection: Selection): Query {
  return { grouping: selection.grouping, ...(selection.from ? { from: selection.from } : {}), ...(selection.to ? { to: selection.to } : {}) };
}

/** Checks the selection with the API's own query schema; issues by field (`from`, `to`) with zod's code. */
export function checkSelection(selection: Selection): Record<string, string> {
  const result = FigureQuery.safeParse(figureQuery(selection));
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[String(issue.path[0] ?? 'from')] ??= issue.code;
  return errors;
}

export const figurePath = (name: FigureName) => `/v1/figures/${name}` as '/v1/figures/requests-waiting';

/** The CSV file's name says what it holds: figure, period and grouping. */
export function csvFileName(name: FigureName, query: Query): string {
  return `${name}_${query.from ?? 'default'}_${query.to ?? 'today'}_${query.grouping}.csv`;
}

/**
 * The figure's CSV through the typed client (so the request carries the token), as a Blob: the
 * browser cannot download a URL that needs an Authorization header.
 */
export async function fetchCsv(api: FamilybankClient, name: FigureName, query: Query): Promise<Blob> {
  const data: unknown = await unwrap(api.GET(figurePath(name), { params: { query: { ...query, format: 'csv' } }, parseAs: 'blob' }));
  if (!(data instanceof Blob)) throw new Error(`The CSV of ${name} did not arrive as a file`);
  return data;
}

/** Rows for the chart: each period labelled, or for the funnel one bar group per channel summed over the period. */
export function chartRows(spec: FigureSpec, rows: readonly Row[]): Row[] {
  if (!spec.byChannel) return rows.map((row) => ({ ...row, label: String(row['period']) }));
  const byChannel = new Map<string, Row>();
  for (const row of rows) {
    const channel = String(row['sourceChannel']);
    const sum = byChannel.get(channel) ?? { label: channel };
    for (const key of spec.bars) sum[key] = Number(sum[key] ?? 0) + Number(row[key] ?? 0);
    byChannel.set(channel, sum);
  }
  return [...byChannel.values()];
}
