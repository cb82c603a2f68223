import type Database from 'better-sqlite3';
import type { EventMetadata, RecordedEvent } from '../event-store.port';

export interface EventRow {
  position: number;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

export type InsertParams = [eventId: string, streamId: string, revision: number, type: string, data: string, metadata: string, recordedAt: string];

const COLUMNS = 'position, event_id, stream_id, revision, type, data, metadata, recorded_at';

/** A look-up in the unique index on event_id (the already-applied check), never a scan. */
export const FIND_EVENT_SQL = 'SELECT revision, position FROM events WHERE event_id = ? AND stream_id = ?';

/** Prepared once per connection: preparing is a noticeable share of a single-event append. */
export function prepareStatements(db: Database.Database) {
  return {
    /** A stream's revision: one seek in the unique index on (stream_id, revision); null for no stream. */
    lastRevision: db.prepare<[string], { revision: number | null }>('SELECT MAX(revision) AS revision FROM events WHERE stream_id = ?'),
    eventById: db.prepare<[string], Pick<EventRow, 'position' | 'stream_id' | 'revision'>>(
      'SELECT position, stream_id, revision FROM events WHERE event_id = ?',
    ),
    findEvent: db.prepare<[eventId: string, streamId: string], { revision: number; position: number }>(FIND_EVENT_SQL),
    positionOf: db.prepare<[string, number], { position: number }>(
      'SELECT position FROM events WHERE stream_id = ? AND revision = ?',
    ),
    insertEvent: db.prepare<InsertParams>(
      'INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    readStream: db.prepare<[string, number], EventRow>(
      `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision`,
    ),
    // LIMIT -1 means "no limit" in SQLite, which saves a second statement for unbounded reads.
    readAll: db.prepare<[number, number], EventRow>(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`),
    lastPosition: db.prepare<[], { position: number | null }>('SELECT MAX(position) AS position FROM events'),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;

export function toRecordedEvent(row: EventRow): RecordedEvent {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    type: row.type,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as EventMetadata,
    recordedAt: row.recorded_at,
  };
}
