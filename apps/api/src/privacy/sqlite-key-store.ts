import Database from 'better-sqlite3';
import { preparePrivateFile, WalSync } from '@familybank/event-store';
import { KEY_BYTES, unwrapKey, wrapKey } from './field-cipher';
import { randomBytesPooled } from './random-bytes';
import { SubjectErasedError, type KeyStore } from './key-store';

const CACHED_KEYS = 10_000;

/** An unwrapped key, and the WalSync ticket taken when its row was seen (see keyForWriting). */
interface KnownKey {
  key: Buffer;
  ticket: number;
}

/** The default adapter's file under DATA_DIR. */
export const KEYS_FILE = 'keys.sqlite';

/**
 * Data keys wrapped under the master key, one row per subject, in their own file (keys.sqlite).
 * FULL durability: a key is on disk before the first event it encrypts is appended. The commit's
 * fsync runs off the main thread (WalSync: NORMAL on the connection, then an fsync of the WAL that
 * keyForWriting waits for), and the keys asked for in one turn of the event loop are inserted in one
 * transaction, so concurrent registrations share one commit and one fsync instead of stalling the
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
  private readonly cache = new Map<string, KnownKey>();
  /** Keys being made, inserted together in one transaction per turn of the event loop. */
  private readonly creating = new Map<string, Promise<KnownKey>>();
  private batch: Array<{ subject: string; key: Buffer; resolve(known: KnownKey): void; reject(error: unknown): void }> = [];
  private flushing: NodeJS.Immediate | undefined;

  constructor(
    filename: string,
    private readonly masterKey: Buffer,
  ) {
    preparePrivateFile(filename);
    this.db = new Database(filename);
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('journal_mode = WAL');
    // 16 MiB of pages (SQLite's default is 2 MiB): the subject index stays in memory as families are added.
    this.db.pragma('cache_size = -16000');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('secure_delete = ON');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS data_keys (subject TEXT PRIMARY KEY, wrapped BLOB NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS erased_subjects (subject TEXT PRIMARY KEY, erased_at TEXT NOT NULL);
    `);
    this.statements = {
      get: this.db.prepare<[string], { wrapped: Buffer }>('SELECT wrapped FROM data_keys WHERE subject = ?'),
      // Never for an erased subject, even one erased (by another process) since the caller looked.
      insert: this.db.prepare<[string, Buffer, string, string]>(
        'INSERT OR IGNORE INTO data_keys (subject, wrapped, created_at) SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM erased_subjects WHERE subject = ?)',
      ),
      erase: this.db.prepare('INSERT OR IGNORE INTO erased_subjects (subject, erased_at) VALUES (?, ?)'),
      delete: this.db.prepare('DELETE FROM data_keys WHERE subject = ?'),
    };
    this.sync = new WalSync(`${filename}-wal`);
  }

  async keyForWriting(subject: string): Promise<Buffer> {
    // Not in memory: no look-up first. The batched INSERT OR IGNORE finds a stored key (or an
    // erased subject) itself, so a new family costs one shared commit and no reads of its own.
    const known = this.cached(subject) ?? (await this.create(subject));
    // Ours or another process's, the row may not be on disk yet: no event is encrypted with it before.
    await this.sync.durable(known.ticket);
    return known.key;
  }

  /**
   * The subject's key: a new one, inserted with the others asked for in this turn of the event loop
   * (one commit), or the one already stored. The insert never writes for an erased subject.
   */
  private create(subject: string): Promise<KnownKey> {
    const pending = this.creating.get(subject);
    if (pending) return pending;
    const created = new Promise<KnownKey>((resolve, reject) => this.batch.push({ subject, key: randomBytesPooled(KEY_BYTES), resolve, reject }));
    this.creating.set(subject, created);
    this.flushing ??= setImmediate(() => this.flush());
    return created;
  }

  private flush(): void {
    this.flushing = undefined;
    const batch = this.batch;
    this.batch = [];
    batch.forEach(({ subject }) => this.creating.delete(subject));
    const now = new Date().toISOString();
    let inserted: boolean[];
    try {
      inserted = this.db.transaction(() => batch.map(({ subject, key }) => this.statements.insert.run(subject, wrapKey(this.masterKey, key, subject), now, subject).changes === 1))();
    } catch (error) {
      batch.forEach(({ reject }) => reject(error));
      return;
    }
    const ticket = this.sync.mark();
    batch.forEach(({ subject, key, resolve, reject }, index) => {
      if (inserted[index]) return resolve(this.remember(subject, { key, ticket }));
      // Not inserted: another process made this subject's key first (the stored one wins), or erased it.
      const stored = this.read(subject);
      if (stored) resolve(stored);
      else reject(new SubjectErasedError(subject));
    });
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
    if (this.flushing) clearImmediate(this.flushing);
    if (this.batch.length > 0) this.flush();
    this.cache.clear();
    this.sync.closeSync();
    this.db.close();
  }

  /** The key if it is in memory, made the most recently used. */
  private cached(subject: string): KnownKey | undefined {
    const cached = this.cache.get(subject);
    if (!cached) return undefined;
    this.cache.delete(subject);
    this.cache.set(subject, cached);
    return cached;
  }

  private read(subject: string): KnownKey | undefined {
    const cached = this.cached(subject);
    if (cached) return cached;
    const row = this.statements.get.get(subject);
    if (!row) return undefined;
    return this.remember(subject, { key: unwrapKey(this.masterKey, row.wrapped, subject), ticket: this.sync.mark() });
  }

  private remember(subject: string, known: KnownKey): KnownKey {
    this.cache.set(subject, known);
    if (this.cache.size > CACHED_KEYS) this.cache.delete(this.cache.keys().next().value!);
    return known;
  }
}
