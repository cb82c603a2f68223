import { Logger } from '@nestjs/common';
import Database from 'better-sqlite3';
import { preparePrivateFile } from '@familybank/event-store';

/** How long a key is remembered unless configured (IDEMPOTENCY_TTL_HOURS). */
export const DEFAULT_IDEMPOTENCY_TTL_HOURS = 24;
const EXPIRE_EVERY_MS = 60_000;

/**
 * What is kept of a first successful POST: a hash of the request (method, path, body) and when.
 * No response body and no header: those hold personal data, and a replay reads the resource again.
 */
export interface IdempotencyRecord {
  fingerprint: string;
  storedAt: Date;
}

/**
 * Keys of successful POSTs by (municipality, Idempotency-Key), forgotten after the TTL. A key
 * forgotten (or never stored: a full disk) is still safe: the command id derives from the key, so
 * the event store recognises the retried command and records nothing twice.
 */
export class IdempotencyStore {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly ttlMs: number;
  private expiredAt = Number.NEGATIVE_INFINITY;
  /**
   * Keys put during one run of JavaScript, written together in one transaction as soon as it ends
   * (a microtask, before the responses that put them are written): the commands of one group commit
   * finish together, so their keys cost one commit, not one each. `get` sees them meanwhile.
   */
  private pending = new Map<string, { municipality: string; key: string; fingerprint: string; storedAt: number }>();
  private flushQueued = false;
  private readonly logger = new Logger('Idempotency');

  constructor(filename: string, options: { ttlHours?: number } = {}) {
    this.ttlMs = (options.ttlHours ?? DEFAULT_IDEMPOTENCY_TTL_HOURS) * 3_600_000;
    preparePrivateFile(filename);
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    // 16 MiB of pages (SQLite's default is 2 MiB): a day's keys of a busy node stay in memory, and
    // every POST with a key seeks in them.
    this.db.pragma('cache_size = -16000');
    // NORMAL: a key lost to a power cut costs nothing but a re-run that appends nothing (see above).
    this.db.pragma('synchronous = NORMAL');
    // Forgotten rows are overwritten, not left in free pages of the file.
    this.db.pragma('secure_delete = ON');
    this.forgetStoredResponses();
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotency_keys (
      municipality TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, stored_at INTEGER NOT NULL,
      PRIMARY KEY (municipality, key));
      CREATE INDEX IF NOT EXISTS idempotency_keys_stored_at ON idempotency_keys (stored_at)`);
    this.statements = {
      find: this.db.prepare<[string, string, number], { fingerprint: string; stored_at: number }>(
        'SELECT fingerprint, stored_at FROM idempotency_keys WHERE municipality = ? AND key = ? AND stored_at > ?',
      ),
      // A key that expired may be stored again: it starts a new period.
      save: this.db.prepare('INSERT OR REPLACE INTO idempotency_keys VALUES (?, ?, ?, ?)'),
      expire: this.db.prepare<[number]>('DELETE FROM idempotency_keys WHERE stored_at <= ?'),
      count: this.db.prepare<[], { n: number }>('SELECT count(*) AS n FROM idempotency_keys'),
    };
  }

  /** The record of the key, unless it expired. */
  get(municipality: string, key: string, now: Date): IdempotencyRecord | undefined {
    const waiting = this.pending.get(slot(municipality, key));
    if (waiting && waiting.storedAt > now.getTime() - this.ttlMs) return { fingerprint: waiting.fingerprint, storedAt: new Date(waiting.storedAt) };
    const row = this.statements.find.get(municipality, key, now.getTime() - this.ttlMs);
    return row && { fingerprint: row.fingerprint, storedAt: new Date(row.stored_at) };
  }

  /**
   * Keeps the key, and forgets every key older than the TTL at most once a minute (a key past its
   * TTL is never found: `get` asks for younger ones), rather than with every POST.
   */
  put(municipality: string, key: string, fingerprint: string, now: Date): void {
    if (now.getTime() - this.expiredAt >= EXPIRE_EVERY_MS) this.expire(now);
    this.pending.set(slot(municipality, key), { municipality, key, fingerprint, storedAt: now.getTime() });
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => this.flush());
  }

  /**
   * Writes the keys waiting. A failure (a full disk) forgets them, as a failed write did before:
   * a retry then runs its command again, which the event store recognises (see above).
   */
  flush(): void {
    this.flushQueued = false;
    if (this.pending.size === 0 || !this.db.open) return;
    const keys = [...this.pending.values()];
    this.pending = new Map();
    try {
      this.db.transaction(() => keys.forEach((entry) => this.statements.save.run(entry.municipality, entry.key, entry.fingerprint, entry.storedAt)))();
    } catch (error) {
      this.logger.warn(`Could not keep ${keys.length} Idempotency-Key(s): ${(error as Error).message}`);
    }
  }

  /** Forgets every key older than the TTL; returns how many keys are left. */
  expire(now: Date): number {
    this.flush();
    this.statements.expire.run(now.getTime() - this.ttlMs);
    this.expiredAt = now.getTime();
    return this.statements.count.get()!.n;
  }

  close(): void {
    this.flush();
    this.db.close();
  }

  /** Earlier releases kept whole response bodies (with personal data): dropped, and the WAL emptied. */
  private forgetStoredResponses(): void {
    const legacy = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'idempotent_responses'").get();
    if (!legacy) return;
    this.db.exec('DROP TABLE idempotent_responses');
    this.db.exec('VACUUM');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }
}

const slot = (municipality: string, key: string) => `${municipality}\u0000${key}`;
