import { z } from './zod';

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected a date as YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
    message: 'Not a calendar date',
  })
  .openapi('IsoDate', { example: '2026-11-27' });

export const Timestamp = z.string().openapi('Timestamp', { format: 'date-time', example: '2026-11-27T09:30:00.000Z' });

export const Id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'Expected 1–64 letters, digits, "-" or "_"')
  .openapi('Id', { example: 'a1' });

export const MunicipalityCode = z
  .string()
  .regex(/^\d{4}$/, 'Expected a four-digit municipality code')
  .openapi('MunicipalityCode', { example: '0630' });

/** ISO 3166-2 subdivision, e.g. DK-83 (Region Syddanmark) or SE-AB (Stockholms län). */
export const Region = z
  .string()
  .regex(/^[A-Z]{2}-[0-9A-Z]{1,3}$/, 'Expected an ISO 3166-2 code such as DK-83')
  .openapi('Region', { example: 'DK-83' });

/** ISO 639-1 language code. */
export const Language = z.string().regex(/^[a-z]{2}$/, 'Expected an ISO 639-1 code such as da').openapi('Language', { example: 'da' });

export const ShortText = z.string().trim().min(1).max(200);
export const LongText = z.string().trim().min(1).max(2000);

export const InvalidParam = z
  .object({
    name: z.string().openapi({ description: 'Where the problem is: a JSON path into the body, or query./path./header. and the name' }),
    reason: z.string(),
    code: z.string().openapi({ description: 'Stable machine code of the problem, e.g. invalid_type' }),
  })
  .openapi('InvalidParam');

export const Problem = z
  .object({
    type: z.string().openapi({ description: 'Stable URI that identifies the kind of problem', example: 'urn:familybank:problem:validation' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string().openapi({ description: 'Stable code, e.g. FAMILY.CHECKS_NOT_CLEAR or REQUEST.VALIDATION', example: 'REQUEST.VALIDATION' }),
    invalidParams: z.array(InvalidParam).optional(),
    details: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('Problem', { description: 'RFC 9457 problem details, served as application/problem+json' });
export type Problem = z.infer<typeof Problem>;

/**
 * The answer to a command that was recorded while the read models could not follow (202): the
 * events are in the log and count; the resource shows them once the read side catches up.
 */
export const CommandReceipt = z
  .strictObject({
    status: z.literal('recorded'),
    commandId: z.string(),
    stream: z.string().openapi({ description: 'The event stream the command appended to' }),
    revision: z.number().int().openapi({ description: 'The stream revision after the command (the resource’s next ETag)' }),
    position: z.number().int().openapi({ description: 'Global log position of the command’s last event' }),
    appended: z.number().int().openapi({ description: 'Events the command appended (0: it was already recorded, or changed nothing)' }),
    readModels: z.literal('lagging'),
    detail: z.string(),
  })
  .openapi('CommandReceipt', { description: 'The command is recorded; the read models have not caught up yet, so the resource is not shown' });
export type CommandReceipt = z.infer<typeof CommandReceipt>;

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ description: 'Page size, 1–200' }),
  cursor: z.string().max(200).optional().openapi({ description: 'The nextCursor of the previous page' }),
});

export const pageOf = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({
      items: z.array(item),
      nextCursor: z.string().nullable().openapi({ description: 'Pass as cursor to get the next page; null on the last page' }),
    })
    .openapi(name);
