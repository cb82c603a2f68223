/**
 * A family's lists that grow with its history (support records, assignments, the audit trail) are
 * paginated resources of their own, so the family detail and every command's answer stay bounded.
 */
import { Cursor, Id, IsoDate, PageQuery, Timestamp, pageOf } from '../common.schemas';
import { z } from '../zod';
import { Assignment, SupportRecordView } from './family.schemas';

/** Query schemas here are strict: a misspelt parameter (`?limt=`) is a 400, not silently the default page. */
const cursor = PageQuery.shape.cursor;
const limit = (fallback: number, max: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback).openapi({ description: `Page size, 1–${max} (default ${fallback})` });

export const SupportQuery = z.strictObject({ limit: limit(50, 200), cursor });
export const SupportPage = pageOf(SupportRecordView, 'SupportRecordPage');

export const ASSIGNMENT_STATUSES = ['active', 'ended'] as const;
export const AssignmentStatus = z.enum(ASSIGNMENT_STATUSES).openapi('AssignmentStatus', {
  description: 'active: the family holds the place (not ended, whatever its period); ended: the assignment was ended',
});

export const AssignmentRecord = Assignment.extend({
  familyId: Id,
  status: AssignmentStatus,
  reservedAt: Timestamp.openapi({ description: 'When the place was reserved for the request' }),
  ending: z
    .object({
      endedOn: IsoDate,
      reason: z.string(),
      wantsNewAssignment: z.boolean().openapi({ description: 'Retention: did the family want a new assignment?' }),
      endedBy: z.string().openapi({ description: 'Who ended it: a token subject, or system:<process>' }),
      recordedAt: Timestamp,
    })
    .optional()
    .openapi({ description: 'Present when status is ended' }),
}).openapi('AssignmentRecord');
export type AssignmentRecord = z.infer<typeof AssignmentRecord>;

export const AssignmentsQuery = z.strictObject({
  status: AssignmentStatus.optional().openapi({ description: 'Only active or only ended assignments; default both' }),
  limit: limit(50, 200),
  cursor,
});
export const AssignmentPage = pageOf(AssignmentRecord, 'AssignmentRecordPage');

export const StoredEventView = z
  .object({
    eventId: z.string(),
    type: z.string(),
    revision: z.number().int(),
    position: z.number().int(),
    occurredAt: Timestamp,
    recordedAt: Timestamp,
    actor: z.string(),
    correlationId: z.string(),
    causationId: z.string(),
    schemaVersion: z.number().int(),
    data: z.record(z.string(), z.unknown()),
  })
  .openapi('StoredEvent');

export const MAX_EVENTS_PAGE = 500;
export const FamilyEventsQuery = z.strictObject({ limit: limit(100, MAX_EVENTS_PAGE), cursor });
export const FamilyEventsResponse = z
  .object({
    familyId: Id,
    revision: z.number().int().openapi({ description: 'The family’s current revision (its last event), whichever page this is' }),
    items: z.array(StoredEventView).openapi({ description: 'Events in stream order, oldest first' }),
    nextCursor: Cursor.nullable().openapi({ description: 'Pass as cursor to get the next (later) events; null on the last page' }),
  })
  .openapi('FamilyEvents');
