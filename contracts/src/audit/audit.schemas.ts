import { Cursor, Id, IsoDate, MunicipalityCode, Timestamp, ACROSS_FIELDS } from '../common.schemas';
import { z } from '../zod';

/** What kind of read an audit entry records; `contact-release` is a release of contact details to a partner. */
export const AUDITED_READS = ['family-detail', 'family-list', 'family-history', 'family-assignments', 'family-support', 'request-contact', 'read-audit'] as const;
export type AuditedRead = (typeof AUDITED_READS)[number];

/**
 * Why a read happened: the `X-Purpose` header, a short code (`case-work`, `complaint`, `supervision`…),
 * never free text, so that no personal data can be written into the audit through it.
 */
export const PURPOSE_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;
export const PurposeHeader = z.string().regex(PURPOSE_PATTERN, 'Expected a purpose code: 2–40 lower-case letters, digits or "-", starting with a letter').openapi({ example: 'case-work' });

/** What a route that shows a family's personal data declares: its reads are recorded with this purpose unless X-Purpose names another. */
export interface AuditDeclaration {
  what: AuditedRead;
  purpose: string;
  /** Whether what it shows holds the family's contact details (a request's only once an assignment disclosed them). */
  contactDetails: boolean;
}

// An instant as OpenAPI's date-time allows it: with Z or an offset.
const instant = z.union([IsoDate, z.iso.datetime({ offset: true })]);

export const ReadAuditQuery = z
  .strictObject({
    familyId: Id.optional().openapi({ description: 'Only entries about this family of yours' }),
    requestId: Id.optional().openapi({ description: 'Only entries about this request (a partner’s family shown on it)' }),
    user: z.string().regex(/^[\x21-\x7E]{1,200}$/).optional().openapi({ description: 'Only what this user (the token subject) read' }),
    from: instant.optional().openapi({ description: 'From this day or instant (inclusive)' }),
    to: instant.optional().openapi({ description: 'Until this day (inclusive, the whole day) or instant (inclusive)' }),
    contactDetails: z.enum(['true', 'false']).optional().openapi({ description: 'true: only entries where contact details were shown or released' }),
    format: z.enum(['json', 'csv']).optional().openapi({ description: 'csv: the rows as text/csv (the same as Accept: text/csv); json by default' }),
    limit: z.coerce.number().int().min(1).max(1000).default(100).openapi({ description: 'Page size, 1–1000 (default 100)' }),
    cursor: Cursor.optional().openapi({ description: 'The nextCursor of the previous page' }),
  })
  .refine((query) => !query.from || !query.to || query.from.slice(0, 10) <= query.to.slice(0, 10), { params: ACROSS_FIELDS, message: '`from` must not be after `to`', path: ['from'] });
export type ReadAuditQuery = z.output<typeof ReadAuditQuery>;

export const ReadAuditEntry = z
  .object({
    at: Timestamp,
    user: z.string().openapi({ description: 'Who: the token subject, or system:<process> for a release by a workflow' }),
    action: z.enum(['read', 'released']).openapi({ description: 'read: shown to a user of yours; released: contact details sealed to another municipality' }),
    what: z.enum([...AUDITED_READS, 'contact-release']),
    operation: z.string().openapi({ description: 'The API operation that answered (operationId), or disclosure' }),
    purpose: z.string().openapi({ description: 'Why: the X-Purpose header, or the operation’s own purpose' }),
    contactDetails: z.boolean().openapi({ description: 'Whether the family’s contact details were shown or released' }),
    familyId: Id.optional(),
    requestId: Id.optional(),
    assignmentId: Id.optional(),
    partner: MunicipalityCode.optional().openapi({ description: 'The partner that owns the family (read on a request), or the municipality the details were released to' }),
    correlationId: z.string(),
    entryId: z.string(),
  })
  .openapi('ReadAuditEntry');
export type ReadAuditEntry = z.infer<typeof ReadAuditEntry>;

export const ReadAuditPage = z
  .object({
    rows: z.array(ReadAuditEntry),
    nextCursor: Cursor.nullable().openapi({ description: 'Pass as cursor to get the next page; null on the last page' }),
  })
  .openapi('ReadAuditPage');
