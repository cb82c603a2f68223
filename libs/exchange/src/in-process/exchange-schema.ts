import Database from 'better-sqlite3';
import type { DeliveredMessage } from '../exchange.port';
import { preparePrivateFile } from '@familybank/event-store';

export type SynchronousMode = 'FULL' | 'NORMAL';

/**
 * One partition per topic, so the offset orders the whole topic (and thus every key).
 * `topics.next_offset` is the next offset to hand out; it survives compaction deleting the tail
 * of a topic, so offsets are never reused. `group_offsets.next_offset` follows Kafka: the offset
 * of the next message the group has not handled yet.
 */
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS topics (
    name        TEXT    PRIMARY KEY,
    compacted   INTEGER NOT NULL,
    next_offset INTEGER NOT NULL DEFAULT 0,
    created_at  TEXT    NOT NULL
  );
  CREATE TABLE IF NOT EXISTS messages (
    topic          TEXT    NOT NULL,
    message_offset INTEGER NOT NULL,
    key            TEXT    NOT NULL,
    value          TEXT,
    headers        TEXT,
    timestamp      TEXT    NOT NULL,
    PRIMARY KEY (topic, message_offset)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS messages_by_key ON messages (topic, key, message_offset);
  CREATE TABLE IF NOT EXISTS group_offsets (
    group_id     TEXT    NOT NULL,
    topic        TEXT    NOT NULL,
    next_offset  INTEGER NOT NULL,
    committed_at TEXT    NOT NULL,
    PRIMARY KEY (group_id, topic)
  ) WITHOUT ROWID;
`;

/**
 * Same pragmas as the event store, for the same reasons: WAL lets subscriptions and other
 * processes read while one writer publishes, FULL makes an accepted publish survive power loss,
 * and the busy timeout makes a second writer wait for the lock instead of failing.
 */
export function openExchangeDatabase(filename: string, synchronous: SynchronousMode = 'FULL'): Database.Database {
  preparePrivateFile(filename);
  const db = new Database(filename);
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.exec(SCHEMA);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

interface MessageRow {
  message_offset: number;
  key: string;
  value: string | null;
  headers: string | null;
  timestamp: string;
}

type InsertParams = [topic: string, offset: number, key: string, value: string | null, headers: string | null, timestamp: string];

/** Prepared once per connection. */
export function prepareStatements(db: Database.Database) {
  return {
    topic: db.prepare<[string], { compacted: number; next_offset: number }>('SELECT compacted, next_offset FROM topics WHERE name = ?'),
    createTopic: db.prepare<[string, number, string]>('INSERT INTO topics (name, compacted, created_at) VALUES (?, ?, ?)'),
    advanceTopic: db.prepare<[number, string]>('UPDATE topics SET next_offset = ? WHERE name = ?'),
    insertMessage: db.prepare<InsertParams>(
      'INSERT INTO messages (topic, message_offset, key, value, headers, timestamp) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    deleteSuperseded: db.prepare<[string, string, number]>('DELETE FROM messages WHERE topic = ? AND key = ? AND message_offset < ?'),
    read: db.prepare<[string, number, number], MessageRow>(
      'SELECT message_offset, key, value, headers, timestamp FROM messages WHERE topic = ? AND message_offset >= ? ORDER BY message_offset LIMIT ?',
    ),
    committed: db.prepare<[string, string], { next_offset: number }>('SELECT next_offset FROM group_offsets WHERE group_id = ? AND topic = ?'),
    commit: db.prepare<[string, string, number, string]>(
      `INSERT INTO group_offsets (group_id, topic, next_offset, committed_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (group_id, topic) DO UPDATE SET next_offset = excluded.next_offset, committed_at = excluded.committed_at`,
    ),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;

export function toDeliveredMessage(topic: string, row: MessageRow): DeliveredMessage {
  return {
    topic,
    key: row.key,
    value: row.value,
    headers: row.headers === null ? {} : (JSON.parse(row.headers) as Record<string, string>),
    offset: row.message_offset,
    timestamp: row.timestamp,
  };
}
