import { MAX_CALL_MINUTES } from '@familybank/domain-support';
import { ACROSS_FIELDS, Id, IsoDate, LongText, PageQuery, ShortText, Timestamp, pageOf } from '../common.schemas';
import { z } from '../zod';
import { EmergencyCallCategory, Month, RecordedBy } from './support.schemas';

export const RecordEmergencyCallBody = z
  .strictObject({
    receivedAt: z.iso.datetime({ offset: true }).openapi({ description: 'When the call came in (not in the future)', example: '2026-11-27T23:40:00Z' }),
    category: EmergencyCallCategory,
    durationMinutes: z.number().int().min(1).max(MAX_CALL_MINUTES),
    answeredBy: ShortText.optional().openapi({ description: 'Who answered, e.g. the on-call worker of the residential institution' }),
    note: LongText.optional(),
  })
  .openapi('RecordEmergencyCall');

export const EmergencyCallView = z
  .object({
    callId: Id,
    familyId: Id,
    receivedAt: Timestamp,
    receivedOn: IsoDate.openapi({ description: 'The day of receivedAt (UTC): what the period filters compare' }),
    category: EmergencyCallCategory,
    durationMinutes: z.number().int(),
    answeredBy: z.string().optional(),
    note: z.string().optional(),
    recordedBy: RecordedBy,
    recordedAt: Timestamp,
  })
  .openapi('EmergencyCall');
export type EmergencyCallView = z.infer<typeof EmergencyCallView>;
export const EmergencyCallPage = pageOf(EmergencyCallView, 'EmergencyCallPage');

const period = {
  from: IsoDate.optional().openapi({ description: 'Calls received on or after this day' }),
  to: IsoDate.optional().openapi({ description: 'Calls received on or before this day' }),
};
const fromNotAfterTo = (query: { from?: string; to?: string }) => query.from === undefined || query.to === undefined || query.from <= query.to;

export const FamilyEmergencyCallsQuery = PageQuery.extend(period).refine(fromNotAfterTo, { params: ACROSS_FIELDS, message: '`from` is after `to`', path: ['from'] });
export const EmergencyCallsQuery = PageQuery.extend({ ...period, category: EmergencyCallCategory.optional() }).refine(fromNotAfterTo, { params: ACROSS_FIELDS,
  message: '`from` is after `to`',
  path: ['from'],
});

/** At most ten years of months in one answer. */
export const MAX_REPORT_MONTHS = 120;

export const EmergencyCallsPerMonthQuery = z
  .object({ from: Month, to: Month })
  .refine((query) => query.from <= query.to, { params: ACROSS_FIELDS, message: '`from` is after `to`', path: ['from'] })
  .refine((query) => monthsBetween(query.from, query.to) <= MAX_REPORT_MONTHS, { params: ACROSS_FIELDS, message: `At most ${MAX_REPORT_MONTHS} months`, path: ['to'] });

export const EmergencyCallMonth = z
  .object({
    month: Month,
    calls: z.number().int().min(0),
    minutes: z.number().int().min(0).openapi({ description: 'The calls’ durations added up' }),
    byCategory: z.record(z.string(), z.number().int().min(0)).openapi({ description: 'Calls per category; categories without calls are left out' }),
  })
  .openapi('EmergencyCallMonth');
export type EmergencyCallMonth = z.infer<typeof EmergencyCallMonth>;

export const EmergencyCallsPerMonth = z
  .object({
    from: Month,
    to: Month,
    months: z.array(EmergencyCallMonth).openapi({ description: 'Every month of the period, oldest first; a month without calls counts zero' }),
    total: EmergencyCallMonth.omit({ month: true }),
  })
  .openapi('EmergencyCallsPerMonth');
export type EmergencyCallsPerMonth = z.infer<typeof EmergencyCallsPerMonth>;

/** Months from `from` to `to`, both included. */
export function monthsBetween(from: string, to: string): number {
  const index = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
  return index(to) - index(from) + 1;
}
