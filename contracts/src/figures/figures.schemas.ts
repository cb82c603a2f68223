import { ACROSS_FIELDS, IsoDate, MunicipalityCode, Timestamp } from '../common.schemas';
import { SourceChannel } from '../families/family.schemas';
import { z } from '../zod';

export const FIGURE_GROUPINGS = ['month', 'quarter', 'year'] as const;
export type FigureGrouping = (typeof FIGURE_GROUPINGS)[number];

/** Ten years of months is 120 rows per group: enough for any leader's report, bounded for the API. */
export const MAX_FIGURE_PERIOD_YEARS = 10;

const FigureGroupingSchema = z.enum(FIGURE_GROUPINGS).openapi('FigureGrouping', {
  description: 'Calendar periods the rows are grouped by; labels are 2025-07 (month), 2025-Q3 (quarter), 2025 (year)',
});

/** Strict: a misspelt parameter is a 400 that names it, not a silently different figure. */
export const FigureQuery = z
  .strictObject({
    from: IsoDate.optional().openapi({ description: 'First day of the period (inclusive); the default depends on the figure' }),
    to: IsoDate.optional().openapi({ description: 'Last day of the period (inclusive); the default depends on the figure' }),
    grouping: FigureGroupingSchema.default('month'),
    format: z.enum(['json', 'csv']).optional().openapi({ description: 'csv: the rows as text/csv (the same as Accept: text/csv); json by default' }),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, { params: ACROSS_FIELDS, message: '`from` must not be after `to`', path: ['from'] })
  .refine((query) => !query.from || !query.to || Number(query.to.slice(0, 4)) - Number(query.from.slice(0, 4)) <= MAX_FIGURE_PERIOD_YEARS, {
    params: ACROSS_FIELDS,
    message: `A period spans at most ${MAX_FIGURE_PERIOD_YEARS} years`,
    path: ['to'],
  });
export type FigureQuery = z.output<typeof FigureQuery>;

/** Every row starts with its period: the label and the days it covers (clipped to the requested period). */
const periodColumns = {
  period: z.string().openapi({ description: 'The period’s label: 2025-07, 2025-Q3 or 2025', example: '2025-Q3' }),
  periodStart: IsoDate,
  periodEnd: IsoDate,
};
/** A statistic over no cases is null (an empty cell in CSV), never 0. */
const measure = (description: string) => z.number().nullable().openapi({ description });
const count = (description: string) => z.number().int().min(0).openapi({ description });

export const RequestsWaitingRow = z
  .object({
    ...periodColumns,
    asOf: IsoDate.openapi({ description: 'The day counted: the period’s last day, or today for the current period' }),
    waiting: count('Requests open (neither filled, withdrawn nor expired) on asOf'),
    averageDaysWaiting: measure('Average days since those requests were opened, on asOf'),
    longestDaysWaiting: measure('The longest wait among them, in days'),
  })
  .openapi('RequestsWaitingRow');

export const RequestsFilledRow = z
  .object({
    ...periodColumns,
    opened: count('Requests opened in the period'),
    filled: count('Requests filled in the period'),
    averageDaysToFill: measure('Average days from opening to filling, of the requests filled in the period'),
    longestDaysToFill: measure('The longest of those, in days'),
  })
  .openapi('RequestsFilledRow');

export const NetworkShareRow = z
  .object({
    ...periodColumns,
    assignments: count('Assignments confirmed on your requests in the period'),
    fromNetwork: count('Of those, families from the child’s own network'),
    sharePercent: measure('fromNetwork / assignments × 100, one decimal'),
    targetPercent: z.number().openapi({ description: 'The share the municipality aims for (NETWORK_SHARE_TARGET_PERCENT, default 33)' }),
  })
  .openapi('NetworkShareRow');

export const RecruitmentFunnelRow = z
  .object({
    ...periodColumns,
    sourceChannel: SourceChannel,
    sourceDetail: z.string().openapi({ description: 'The campaign or event named at registration; empty when none was' }),
    leads: count('Families registered in the period through this channel'),
    contacted: count('Of those, families with a first contact by now'),
    approved: count('Of those, families approved by now'),
    conversionPercent: measure('approved / leads × 100, one decimal'),
  })
  .openapi('RecruitmentFunnelRow');

export const TimeToApprovalRow = z
  .object({
    ...periodColumns,
    approvals: count('Families approved in the period (first approvals; renewals are not counted)'),
    averageDaysFromFirstContact: measure('Average days from first contact to approval'),
    shortestDays: measure('The shortest, in days'),
    longestDays: measure('The longest, in days'),
  })
  .openapi('TimeToApprovalRow');

export const ApprovalsExpiringRow = z
  .object({
    ...periodColumns,
    expiring: count('Approvals whose valid-until date falls in the period'),
    current: count('Of those, still in force and not yet renewed'),
    renewed: count('Of those, renewed'),
    expired: count('Of those, expired'),
    retired: count('Of those, ended because the family retired'),
  })
  .openapi('ApprovalsExpiringRow');

export const AvailabilityFreshnessRow = z
  .object({
    ...periodColumns,
    asOf: IsoDate.openapi({ description: 'The day counted: the period’s last day, or today for the current period' }),
    available: count('Families available on asOf'),
    fresh: count('Of those, with availability confirmed within staleAfterDays'),
    stale: count('Of those, with availability not confirmed for more than staleAfterDays'),
    averageDaysSinceConfirmed: measure('Average days since availability was last confirmed'),
    staleAfterDays: z.number().int().openapi({ description: 'AVAILABILITY_STALE_AFTER_DAYS of this node' }),
  })
  .openapi('AvailabilityFreshnessRow');

export const NewAssignmentWishesRow = z
  .object({
    ...periodColumns,
    assignmentsEnded: count('Assignments of your families ended in the period'),
    wantingNew: count('Of those, the family wants a new assignment'),
    notWantingNew: count('Of those, the family does not'),
  })
  .openapi('NewAssignmentWishesRow');

export const EmergencyCallsRow = z
  .object({
    ...periodColumns,
    calls: count('Emergency-line calls in the period: calls recorded with category and duration, and support notes of kind emergency-call'),
    families: count('Distinct families who called'),
  })
  .openapi('EmergencyCallsRow');

/** The envelope every figure shares; `rows` is also what its CSV holds, one line per row. */
function figure<Row extends z.ZodObject, Extra extends z.ZodRawShape>(name: string, row: Row, extra: Extra) {
  return z
    .object({
      figure: z.literal(name),
      municipality: MunicipalityCode,
      asOf: Timestamp.openapi({ description: 'The clock’s now when the figure was computed' }),
      period: z.object({ from: IsoDate, to: IsoDate }),
      grouping: FigureGroupingSchema,
      ...extra,
      rows: z.array(row),
    })
    .openapi(`${name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase())}Figure`);
}

const nowSummary = z.object({ count: count('Now'), averageDays: measure('Average days'), longestDays: measure('Longest, in days') });

export const RequestsWaitingFigure = figure('requests-waiting', RequestsWaitingRow, {
  waitingNow: nowSummary.openapi({ description: 'Requests open today and how long they have waited' }),
});
export const RequestsFilledFigure = figure('requests-filled', RequestsFilledRow, {});
export const NetworkShareFigure = figure('network-share', NetworkShareRow, { targetPercent: z.number() });
export const RecruitmentFunnelFigure = figure('recruitment-funnel', RecruitmentFunnelRow, {});
export const TimeToApprovalFigure = figure('time-to-approval', TimeToApprovalRow, {});
export const ApprovalsExpiringFigure = figure('approvals-expiring', ApprovalsExpiringRow, {
  expiringWithin90Days: count('Approvals in force today whose valid-until date is within the next 90 days'),
});
export const AvailabilityFreshnessFigure = figure('availability-freshness', AvailabilityFreshnessRow, { staleAfterDays: z.number().int() });
export const NewAssignmentWishesFigure = figure('new-assignment-wishes', NewAssignmentWishesRow, {
  familiesWaitingNow: count('Families whose last assignment ended with the wish for a new one, not placed again since'),
});
export const EmergencyCallsFigure = figure('emergency-calls', EmergencyCallsRow, {});

export type RequestsWaitingFigure = z.infer<typeof RequestsWaitingFigure>;
export type RequestsFilledFigure = z.infer<typeof RequestsFilledFigure>;
export type NetworkShareFigure = z.infer<typeof NetworkShareFigure>;
export type RecruitmentFunnelFigure = z.infer<typeof RecruitmentFunnelFigure>;
export type TimeToApprovalFigure = z.infer<typeof TimeToApprovalFigure>;
export type ApprovalsExpiringFigure = z.infer<typeof ApprovalsExpiringFigure>;
export type AvailabilityFreshnessFigure = z.infer<typeof AvailabilityFreshnessFigure>;
export type NewAssignmentWishesFigure = z.infer<typeof NewAssignmentWishesFigure>;
export type EmergencyCallsFigure = z.infer<typeof EmergencyCallsFigure>;
export type FigureRowOf<F extends { rows: unknown[] }> = F['rows'][number];
