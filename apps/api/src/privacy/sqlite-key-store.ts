import Database from 'better-sqlite3';
import { randomBytes } from 'node:crypto';
import { preparePrivateFile } from '@familybank/event-store';
import { KEY_BYTES, unwrapKey, wrapKey } from './field-cipher';
import { SubjectErasedError, type KeyStore } from './key-store';

const CACHED_KEYS = 10_000;

/** The default adapter's file under DATA_DIR. */
export const KEYS_FILE = 'keys.sqlite';

/**
 * Data keys wrapped under the master key, one row per subject, in their own file (keys.sqlite).
 * FULL sync: a key is durable before the first event it encrypts is appended. Destroying a key
 * deletes its row with `secure_delete` (the bytes are overwritten, not left in free pages) and
 * truncates the WAL, which held the row's earlier page images. Erased subjects are remembered, so
 * that a late write cannot create a new key for them.
 */
export class SqliteKeyStore implements KeyStore {
  private readonly db: Database.Database;
  private readonly statements;
  /** Unwrapped keys, most recently used last; a destroyed key leaves it at once. */
  private readonly cache = new Map<string, Buffer>();

  constructor(
    filename: string,
    private readonly masterKey: Buffer,
  ) {
    preparePrivateFile(filename);
    this.db = new Database(filename);
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
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
  }

  async keyForWriting(subject: string): Promise<Buffer> {
    const known = this.read(subject);
    if (known) return known;
    if (this.statements.erased.get(subject)) throw new SubjectErasedError(subject);
    const key = randomBytes(KEY_BYTES);
    this.statements.insert.run(subject, wrapKey(this.masterKey, key, subject), new Date().toISOString());
    // Another process may have created it first: the stored one wins.
    return this.read(subject)!;
  }

  async keyForReading(subject: string): Promise<Buffer | undefined> {
    return this.read(subject);
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
    this.db.close();
  }

  private read(subject: string): Buffer | undefined {
    const cached = this.cache.get(subject);
    if (cached) {
      this.cache.delete(subject);
      this.cache.set(subject, cached);
      return cached;
    }
    const row = this.statements.get.get(subject);
    if (!row) return undefined;
    const key = unwrapKey(this.masterKey, row.wrapped, subject);
    this.cache.set(subject, key);
    if (this.cache.size > CACHED_KEYS) this.cache.delete(this.cache.keys().next().value!);
    return key;
  }
}
