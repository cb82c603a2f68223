import { READ_AUDIT_STREAM_PREFIX, type ReadAuditEvent } from '@familybank/domain-audit';
import type { RecordedEvent } from '@familybank/event-store';
import { ofFamily } from '../document-store';
import type { Projection } from '../projection';

/** One line of the audit of reads: one reader, one family (or a partner's family on a request), one moment. */
export interface ReadAuditEntry {
  entryId: string;
  at: string;
  user: string;
  /** read: shown to a user of ours; released: the contact details were sealed to another municipality. */
  action: 'read' | 'released';
  what: string;
  operation: string;
  purpose: string;
  contactDetails: boolean;
  familyId?: string;
  requestId?: string;
  assignmentId?: string;
  /** The partner that owns the family (a read on a request), or the municipality the details were released to. */
  partner?: string;
  correlationId: string;
}

export const READ_AUDIT = 'read-audit';
const TYPES: ReadonlySet<string> = new Set<ReadAuditEvent['type']>(['PersonalDataRead', 'ContactDetailsReleased']);

/** A read of a list page names many families: one entry each, so a query by family finds it. */
const subjectCount = (event: RecordedEvent) => (event.type === 'PersonalDataRead' ? (event.data as Extract<ReadAuditEvent, { type: 'PersonalDataRead' }>['data']).subjects.length : 1);

export const readAuditProjection: Projection<ReadAuditEntry> = {
  name: 'read-audit',
  version: 1,
  collection: READ_AUDIT,
  streamPrefix: READ_AUDIT_STREAM_PREFIX,
  handles: TYPES,
  listedByFamily: true,
  documentId: (event) => `${event.eventId}:0`,
  documentIds: (event) => Array.from({ length: subjectCount(event) }, (_, index) => `${event.eventId}:${index}`),
  evolve: (document, event, documentId = `${event.eventId}:0`) => document ?? auditEntry(event as RecordedEvent & ReadAuditEvent, Number(documentId.split(':').at(-1))),
};

export function auditEntry(event: RecordedEvent & ReadAuditEvent, index: number): ReadAuditEntry {
  const base = { entryId: `${event.eventId}:${index}`, correlationId: event.metadata.correlationId };
  switch (event.type) {
    case 'PersonalDataRead': {
      const { user, what, operation, purpose, readAt, subjects } = event.data;
      const subject = subjects[index]!;
      return { ...base, at: readAt, user, action: 'read', what, operation, purpose, ...subject };
    }
    case 'ContactDetailsReleased': {
      const { familyId, recipient, offerId: _offerId, assignmentId, releasedAt, releasedBy } = event.data;
      return { ...base, at: releasedAt, user: releasedBy, action: 'released', what: 'contact-release', operation: 'disclosure', purpose: 'assignment', contactDetails: true, familyId, assignmentId, partner: recipient };
    }
  }
}

/** The filters of GET /v1/audit/reads as a where clause over the entries. */
export function readAuditWhere(filter: { familyId?: string; user?: string; from?: string; to?: string; contactDetails?: boolean; requestId?: string }): { sql: string; params: unknown[] } | undefined {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    conditions.push(sql);
    params.push(value);
  };
  if (filter.familyId !== undefined) add(ofFamily(filter.familyId).sql, filter.familyId);
  if (filter.requestId !== undefined) add("json_extract(body, '$.requestId') = ?", filter.requestId);
  if (filter.user !== undefined) add("json_extract(body, '$.user') = ?", filter.user);
  if (filter.from !== undefined) add("json_extract(body, '$.at') >= ?", filter.from);
  if (filter.to !== undefined) add("json_extract(body, '$.at') <= ?", filter.to);
  if (filter.contactDetails !== undefined) add("json_extract(body, '$.contactDetails') = ?", filter.contactDetails ? 1 : 0);
  return conditions.length > 0 ? { sql: conditions.join(' AND '), params } : undefined;
}
