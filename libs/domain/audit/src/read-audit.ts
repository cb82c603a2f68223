import { assertNever, type DecisionContext, type Message } from '@familybank/domain-core';

/**
 * The audit of reads (who saw a family's personal data, when, what and why) as events: one stream
 * per municipality and day, `read-audit-<municipality>-<YYYY-MM-DD>`, written through the command
 * gateway like every other fact. Entries hold ids only (family, request, assignment, the reader's
 * token subject), never the family's personal data, so erasing a family's data erases nothing here.
 */
export const READ_AUDIT_STREAM_PREFIX = 'read-audit-';
export const readAuditStreamId = (municipality: string, day: string) => `${READ_AUDIT_STREAM_PREFIX}${municipality}-${day}`;
/** The aggregate id of a day's stream: the UTC day itself. */
export const readAuditDay = (instant: Date | string) => (typeof instant === 'string' ? instant : instant.toISOString()).slice(0, 10);

/** The same reader reading the same thing for the same purpose again within this window is not recorded again. */
export const READ_COALESCING_WINDOW_MS = 10 * 60_000;
/** Subjects per event, like profile views: a list page stays one small event. */
export const MAX_SUBJECTS_PER_READ = 200;

export const AUDITED_READS = ['family-detail', 'family-list', 'family-history', 'family-assignments', 'family-support', 'request-contact', 'read-audit'] as const;
export type AuditedRead = (typeof AUDITED_READS)[number];

/** Whose data was read: an own family by id, or (on a request) a partner's family by assignment. */
export interface ReadSubject {
  familyId?: string;
  requestId?: string;
  assignmentId?: string;
  /** The partner municipality that owns the family, when it is not ours. */
  partner?: string;
  /** Whether what was shown held the family's contact details (address, phone, e-mail). */
  contactDetails: boolean;
}

export interface ReadData {
  /** The token subject of the reader. */
  user: string;
  what: AuditedRead;
  /** The operation that answered, e.g. getFamily. */
  operation: string;
  /** Why: from the X-Purpose header, or the operation's own purpose. A short code, never free text. */
  purpose: string;
  subjects: ReadSubject[];
}

export interface ContactReleaseData {
  familyId: string;
  /** The municipality the contact details were sealed to. */
  recipient: string;
  offerId: string;
  assignmentId: string;
  /** When the offer recorded the disclosure, and who (its actor) caused it. */
  releasedAt: string;
  releasedBy: string;
}

export type ReadAuditCommand = Message<'RecordRead', ReadData> | Message<'RecordContactRelease', ContactReleaseData>;
export type ReadAuditEvent = Message<'PersonalDataRead', ReadData & { readAt: string }> | Message<'ContactDetailsReleased', ContactReleaseData>;

/** When each reader last had each read recorded (within the window; older ones are forgotten, so it stays small). */
export interface ReadAuditState {
  lastRecorded: ReadonlyMap<string, number>;
}

const subjectKey = (subject: ReadSubject) => [subject.familyId, subject.partner, subject.requestId, subject.assignmentId, subject.contactDetails].join('|');
const readKey = (data: Omit<ReadData, 'subjects'>, subject: ReadSubject) => [data.user, data.what, data.operation, data.purpose, subjectKey(subject)].join('§');

/**
 * A read is recorded unless the same reader had the same read (operation, purpose, family, whether
 * contact details were shown) recorded within the window: reading a family ten times a minute is one
 * entry, so reads cannot flood the log, and the answer to "who saw it, and when" keeps every reader.
 */
export function decideReadAudit(command: ReadAuditCommand, state: ReadAuditState, context: DecisionContext): ReadAuditEvent[] {
  switch (command.type) {
    case 'RecordRead': {
      const now = context.now.getTime();
      const { subjects, ...read } = command.data;
      const seen = new Set<string>();
      const fresh = subjects.filter((subject) => {
        const key = readKey(read, subject);
        const last = state.lastRecorded.get(key);
        if (seen.has(key) || (last !== undefined && now - last < READ_COALESCING_WINDOW_MS)) return false;
        seen.add(key);
        return true;
      });
      const readAt = context.now.toISOString();
      return chunks(fresh, MAX_SUBJECTS_PER_READ).map((part): ReadAuditEvent => ({ type: 'PersonalDataRead', data: { ...read, subjects: part, readAt } }));
    }
    case 'RecordContactRelease':
      return [{ type: 'ContactDetailsReleased', data: command.data }];
    default:
      return assertNever(command);
  }
}

export function evolveReadAudit(state: ReadAuditState, event: ReadAuditEvent): ReadAuditState {
  switch (event.type) {
    case 'PersonalDataRead': {
      const at = Date.parse(event.data.readAt);
      const { subjects, readAt: _readAt, ...read } = event.data;
      const kept = [...state.lastRecorded].filter(([, last]) => at - last < READ_COALESCING_WINDOW_MS);
      return { lastRecorded: new Map([...kept, ...subjects.map((subject): [string, number] => [readKey(read, subject), at])]) };
    }
    case 'ContactDetailsReleased':
      return state;
    default:
      return assertNever(event);
  }
}

export const readAuditDecider = {
  decide: decideReadAudit,
  evolve: evolveReadAudit,
  initialState: (): ReadAuditState => ({ lastRecorded: new Map() }),
};

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));
}
