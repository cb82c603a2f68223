import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { preparePrivateFile, WalSync } from '@familybank/event-store';
import { KEY_BYTES, unwrapKey, wrapKey } from './field-cipher';
import { SubjectErasedError, type KeyStore } from './key-store';

const CACHED_KEYS = 10_000;

/** The default adapter's file under DATA_DIR. */
export const KEYS_FILE = 'keys.sqlite';

/**
 * Data keys wrapped under the master key, one row per subject, in their own file (keys.sqlite).
 * FULL durability: a key is on disk before the first event it encrypts is appended. The commit's
 * fsync runs off the main thread (WalSync: NORMAL on the connection, then an fsync of the WAL that
 * keyForWriting waits for), so concurrent registrations share one fsync instead of stalling the
 * event loop one after the other. Destroying a key
 * deletes its row with `secure_delete` (the bytes are overwritten, not left in free pages) and
 * truncates the WAL, which held the row's earlier page images. Erased subjects are remembered, so
 * that a late write cannot create a new key for them.
 */
export class SqliteKeyStore implements KeyStore {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly sync: WalSync;
  /**
   * Unwrapped keys, most recently used last; a destroyed key leaves it at once. `ticket`: the
   * WalSync ticket taken when the row was seen, which a key used for writing must be durable for.
   */
  private readonly cache = new Map<string, { key: Buffer; ticket: number }>();

  constructor(
    filename: string,
    private readonly masterKey: Buffer,
  ) {
    preparePrivateFile(filename);
    this.db = new Database(filename);
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('secure_delete = ON');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS data_keys (subject TEXT PRIMARY KEY, wrapped BLOB NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS erased_subjects (subject TEXT PRIMARY KEY, erased_at TEXT NOT NULL);
    `);
    this.statements = {
      get: this.db.prepare<[string], { wrapped: Buffer }>('SELECT wrapped FROM data_keys WHERE subject = ?'),
      insert: this.db.prepare('INSERT OR IGNORE INTO data_keys (subject, wrapped, created_at) VALUES (?, ?, ?)'),
      erased: this.db.prepare<[string], { subject: string }>('SELECT subject FROM erased_subjects WHERE subject = ?'),
      erase: this.db.prepare('INSERT OR IGNORE INTO erased_subjects (subject, erased_at) VALUES (?, ?)'),
      delete: this.db.prepare('DELETE FROM data_keys WHERE subject = ?'),
    };
    this.sync = new WalSync(`${filename}-wal`);
  }

  async keyForWriting(subject: string): Promise<Buffer> {
    let known = this.read(subject);
    if (!known) {
      if (this.statements.erased.get(subject)) throw new SubjectErasedError(subject);
      const key = randomBytes(KEY_BYTES);
      this.statements.insert.run(subject, wrapKey(this.masterKey, key, subject), new Date().toISOString());
      // Another process may have created it first: the stored one wins.
      known = this.read(subject)!;
    }
    // Ours or another process's, the row may not be on disk yet: no event is encrypted with it before.
    await this.sync.durable(known.ticket);
    return known.key;
  }

  async keyForReading(subject: string): Promise<Buffer | undefined> {
    return this.read(subject)?.key;
  }

  async destroy(subject: string): Promise<void> {
    this.cache.delete(subject);
    this.db.transaction(() => {
      this.statements.erase.run(subject, new Date().toISOString());
      this.statements.delete.run(subject);
    })();
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  close(): void {
    this.cache.clear();
    this.sync.closeSync();
    this.db.close();
  }

  private read(subject: string): { key: Buffer; ticket: number } | undefined {
    const cached = this.cache.get(subject);
    if (cached) {
      this.cache.delete(subject);
      this.cache.set(subject, cached);
      return cached;
    }
    const row = this.statements.get.get(subject);
    if (!row) return undefined;
    const entry = { key: unwrapKey(this.masterKey, row.wrapped, subject), ticket: this.sync.mark() };
    this.cache.set(subject, entry);
    if (this.cache.size > CACHED_KEYS) this.cache.delete(this.cache.keys().next().value!);
    return entry;
  }
}
