import Database from 'better-sqlite3';
import type { RejectionReason } from './envelope-codec';
import { preparePrivateFile } from '@familybank/event-store';

/** Enough to see what arrived; a flood of huge forged messages must not fill the disk. */
export const MAX_DEAD_LETTER_BYTES = 64 * 1024;

export interface DeadLetterInput {
  topic: string;
  offset: number;
  key: string;
  rawValue: string | null;
  reason: RejectionReason;
  detail: string;
  receivedAt?: string;
}

export interface DeadLetter extends Required<DeadLetterInput> {
  id: number;
  /** Size of the value as received; `rawValue` holds at most MAX_DEAD_LETTER_BYTES of it. */
  rawBytes: number;
  truncated: boolean;
}

interface DeadLetterRow {
  id: number;
  topic: string;
  message_offset: number;
  key: string;
  raw_value: string | null;
  raw_bytes: number;
  reason: RejectionReason;
  detail: string;
  received_at: string;
}

// One row per message: a message redelivered after a crash is recorded once.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS dead_letters (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    topic          TEXT    NOT NULL,
    message_offset INTEGER NOT NULL,
    key            TEXT    NOT NULL,
    raw_value      TEXT,
    raw_bytes      INTEGER NOT NULL,
    reason         TEXT    NOT NULL,
    detail         TEXT    NOT NULL,
    received_at    TEXT    NOT NULL,
    UNIQUE (topic, message_offset)
  );
`;

/** Messages a consumer refused, kept for a person to look at (they are never retried automatically). */
export class DeadLetterStore {
  private readonly insert: Database.Statement<[string, number, string, string | null, number, string, string, string]>;
  private readonly select: Database.Statement<[number], DeadLetterRow>;

  private constructor(
    private readonly db: Database.Database,
    private readonly ownsDatabase: boolean,
  ) {
    db.exec(SCHEMA);
    this.insert = db.prepare(
      `INSERT INTO dead_letters (topic, message_offset, key, raw_value, raw_bytes, reason, detail, received_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (topic, message_offset) DO NOTHING`,
    );
    this.select = db.prepare('SELECT * FROM dead_letters ORDER BY id DESC LIMIT ?');
  }

  /** In an open database (e.g. the node's read-model file), or in a file of its own. */
  static open(database: Database.Database | string): DeadLetterStore {
    if (typeof database !== 'string') return new DeadLetterStore(database, false);
    preparePrivateFile(database);
    const db = new Database(database);
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    return new DeadLetterStore(db, true);
  }

  record(letter: DeadLetterInput): void {
    const rawBytes = letter.rawValue === null ? 0 : Buffer.byteLength(letter.rawValue, 'utf8');
    const rawValue = letter.rawValue === null ? null : truncateUtf8(letter.rawValue, MAX_DEAD_LETTER_BYTES);
    const receivedAt = letter.receivedAt ?? new Date().toISOString();
    this.insert.run(letter.topic, letter.offset, letter.key, rawValue, rawBytes, letter.reason, letter.detail, receivedAt);
  }

  /** Newest first. */
  list({ limit = 100 }: { limit?: number } = {}): DeadLetter[] {
    return this.select.all(limit).map((row) => ({
      id: row.id,
      topic: row.topic,
      offset: row.message_offset,
      key: row.key,
      rawValue: row.raw_value,
      rawBytes: row.raw_bytes,
      truncated: row.raw_value !== null && Buffer.byteLength(row.raw_value, 'utf8') < row.raw_bytes,
      reason: row.reason,
      detail: row.detail,
      receivedAt: row.received_at,
    }));
  }

  /** Closes the file only if this store opened it. */
  close(): void {
    if (this.ownsDatabase) this.db.close();
  }
}

/** Cuts at a character boundary, so the stored text is valid UTF-8. */
function truncateUtf8(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  let end = maxBytes;
  while (end > 0 && (bytes[end] & 0xc0) === 0x80) end -= 1; // step back off continuation bytes
  return bytes.subarray(0, end).toString('utf8');
}
