import { z } from './zod';

/**
 * YYYY-MM-DD that names a real day (leap years included). The calendar is in the pattern itself,
 * not only in a refinement, so that the OpenAPI document promises exactly what the server accepts.
 * Digits are [0-9], not \d, which other regex dialects read as any Unicode digit.
 */
const CALENDAR_DATE =
  /^(?:(?:[0-9]{2}(?:0[48]|[2468][048]|[13579][26])|(?:[02468][048]|[13579][26])00)-02-29|[0-9]{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)|02-(?:0[1-9]|1[0-9]|2[0-8])))$/;

export const IsoDate = z
  .string()
  .regex(CALENDAR_DATE, 'Expected a calendar date as YYYY-MM-DD')
  .openapi('IsoDate', { example: '2026-11-27' });

/**
 * IsoDate inline with an example of its own, for a field with a rule on the day (a deadline still
 * ahead): generators draw the example of a `$ref`'d IsoDate even where the field gives another.
 */
export const isoDateExample = (example: string, description: string) =>
  z.string().regex(CALENDAR_DATE, 'Expected a calendar date as YYYY-MM-DD').openapi({ example, description });

/**
 * Marks a refinement as a rule across well-formed fields (from after to; an empty change): the API
 * answers it 422 REQUEST.RULE_VIOLATED, not 400. Where JSON Schema has a keyword for the rule (an
 * empty change: minProperties), the schema adds it with `.openapi()`, so the document states it too.
 */
export const ACROSS_FIELDS = { acrossFields: true } as const;

export const Timestamp = z.string().openapi('Timestamp', { format: 'date-time', example: '2026-11-27T09:30:00.000Z' });

export const Id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'Expected 1–64 letters, digits, "-" or "_"')
  .openapi('Id', { example: 'a1' });

const MUNICIPALITY_CODE = /^[0-9]{4}$/;
export const MunicipalityCode = z.string().regex(MUNICIPALITY_CODE, 'Expected a four-digit municipality code').openapi('MunicipalityCode', { example: '0630' });
/** MunicipalityCode inline with an example of its own (see isoDateExample). */
export const municipalityCodeExample = (example: string) =>
  z.string().regex(MUNICIPALITY_CODE, 'Expected a four-digit municipality code').openapi({ example, description: 'A four-digit municipality code' });

/** ISO 3166-2 subdivision, e.g. DK-83 (Region Syddanmark) or SE-AB (Stockholms län). */
export const Region = z
  .string()
  .regex(/^[A-Z]{2}-[0-9A-Z]{1,3}$/, 'Expected an ISO 3166-2 code such as DK-83')
  .openapi('Region', { example: 'DK-83' });

/** ISO 639-1 language code. */
export const Language = z.string().regex(/^[a-z]{2}$/, 'Expected an ISO 639-1 code such as da').openapi('Language', { example: 'da' });

/** Any character JavaScript's trim() keeps, spelled out: `\S` means something else in other regex dialects. */
const NOT_BLANK = /[^\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

/**
 * Free text of at most `max` characters, not blank, stored trimmed. The limits are checked before
 * trimming and count code points, as JSON Schema's maxLength does (a string's `.length` counts
 * UTF-16 units, so an emoji would count twice), so that the server accepts what the document allows.
 */
export const text = (max: number) =>
  z
    .string()
    .refine((value) => [...value].length <= max, { message: `At most ${max} characters`, abort: true })
    .regex(NOT_BLANK, 'Must not be blank')
    .trim()
    .openapi({ maxLength: max });

export const ShortText = text(200);
export const LongText = text(2000);

/** An e-mail address: zod's own rule written without look-arounds, so that the document can carry it as its pattern. */
export const EMAIL = /^(?:[A-Za-z0-9_'+-]+\.)*[A-Za-z0-9_'+-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
export const Email = z.string().regex(EMAIL, 'Expected an e-mail address').openapi({ description: 'An e-mail address', example: 'family@example.org' });

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

/**
 * A page cursor exactly as the API issues it: a position (base64url of `{"seq":N}`, N up to 13
 * digits), a dot, and 16 base64url characters binding it to its list (operation, path and
 * filters). Spelled out as a pattern so that every string the document allows is one the server
 * can read; a well-formed cursor bound to another list is a 422 `REQUEST.INVALID_CURSOR`.
 */
const DIGIT_PAIR = '(?:[MN][DTjz]|O[DT])';
const POSITION_PATTERN = `eyJzZXEiOj(?:[BFJNRVZdhl]9|[EIMQUYcgk][w-z0-5](?:${DIGIT_PAIR}[AEIMQUYcgk][w-z0-5]){0,3}(?:fQ|(?:[MN][HXn3]|O[HX])0|${DIGIT_PAIR}[BFJNRVZdhl]9))`;
const CURSOR_PATTERN = new RegExp(`^${POSITION_PATTERN}\\.[A-Za-z0-9_-]{16}$`);
export const Cursor = z.string().regex(CURSOR_PATTERN, 'Not a cursor this API issued').openapi('Cursor', { description: 'Opaque; pass back the nextCursor of the previous page' });

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50).openapi({ description: 'Page size, 1–200' }),
  cursor: Cursor.optional().openapi({ description: 'The nextCursor of the previous page' }),
});

/**
 * `If-Match` on a write: the strong ETag of the revision the client read (`"3"`), or `*`. A weak
 * ETag never matches. A union rather than one pattern with an alternative: generators (schemathesis'
 * coverage phase) then see that a valid value needs its quotes, instead of drawing a bare `0`.
 * The example is `*` (any revision), the one value no state can make stale: a revision such as
 * "3" is current only for some resources at some time (412 otherwise); the description shows it.
 */
export const IfMatchHeader = z
  .union([z.literal('*'), z.string().regex(/^"(?:0|[1-9][0-9]{0,14})"$/)], { error: 'Expected the ETag of the resource, e.g. "3", or *' })
  .openapi({ example: '*' });

/** `Idempotency-Key` on a command: any visible ASCII, 1–200 characters. */
export const IdempotencyKeyHeader = z
  .string()
  .regex(/^[\x21-\x7E]{1,200}$/, 'Expected 1–200 visible ASCII characters')
  .openapi({ example: '6c1e7f3a-8a8b-4d5e-9f1e-2b3c4d5e6f70' });

export const pageOf = <T extends z.ZodType>(item: T, name: string) =>
  z
    .object({
      items: z.array(item),
      nextCursor: Cursor.nullable().openapi({ description: 'Pass as cursor to get the next page; null on the last page' }),
    })
    .openapi(name);
