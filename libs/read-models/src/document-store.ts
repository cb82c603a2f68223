import Database from 'better-sqlite3';
import { foldForSearch, SEARCH_FOLD_SQL } from './search/fold';
import { PAGE_CACHE_KIB, preparePrivateFile } from '@familybank/event-store';

export interface ListOptions {
  /** SQL boolean expression over `body` (a JSON document), e.g. json_extract(body, '$.stage') = ? */
  where?: { sql: string; params: unknown[] };
  /** Continue after this sequence number (newest first, so: smaller than it). */
  before?: number;
  limit: number;
}

/**
 * The documents of one family in a collection whose projection is `listedByFamily`: an index
 * look-up (documents_by_family), so a family's page does not scan its municipality's.
 */
export const ofFamily = (familyId: string): { sql: string; params: unknown[] } => ({ sql: 'family_id = ?', params: [familyId] });

/** The family a document belongs to, for the by-family index: its `familyId` when that is text. */
export function familyIdIn(body: unknown): string | undefined {
  const familyId = typeof body === 'object' && body !== null ? (body as { familyId?: unknown }).familyId : undefined;
  return typeof familyId === 'string' ? familyId : undefined;
}

export interface StoredDocument<Doc> {
  seq: number;
  body: Doc;
}

export interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

/** Cursors are opaque to clients: the sequence number of the last item, base64url-encoded. */
export const encodeCursor = (seq: number): string => Buffer.from(JSON.stringify({ seq })).toString('base64url');

/** The sequence a cursor stands for; NaN for a cursor this API did not issue. */
export function decodeCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  try {
    const seq = (JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { seq?: unknown }).seq;
    return typeof seq === 'number' && Number.isInteger(seq) ? seq : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/**
 * Read models as JSON documents in SQLite, one row per (collection, id), with the owning
 * municipality as a column so that no query can forget to scope by it.
 */
export class DocumentStore {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly checkpointsStatements = new Map<number, Database.Statement>();

  /**
   * NORMAL by default: every document is a projection of the event log, and a projection's
   * documents and checkpoint commit together, so commits lost to a power cut are folded again
   * from the log (or the whole file is rebuilt: `npm run rebuild-projections`).
   */
  constructor(filename: string, options: { synchronous?: 'FULL' | 'NORMAL' } = {}) {
    preparePrivateFile(filename);
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`cache_size = -${PAGE_CACHE_KIB}`);
    this.db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    this.db.pragma('busy_timeout = 5000');
    // Documents of an erased family are deleted and written again: their old bytes are overwritten, not left in free pages.
    this.db.pragma('secure_delete = ON');
    // Searches compare folded text (case, accents, Nordic spellings) inside the query, so SQLite filters and pages.
    this.db.function(SEARCH_FOLD_SQL, { deterministic: true }, (text: unknown) => (typeof text === 'string' ? foldForSearch(text) : null));
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS documents (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        collection TEXT NOT NULL,
        id TEXT NOT NULL,
        municipality TEXT NOT NULL,
        body TEXT NOT NULL,
        family_id TEXT,
        UNIQUE (collection, id)
      );
      CREATE INDEX IF NOT EXISTS documents_by_owner ON documents (collection, municipality, seq);
    `);
    this.migrateFamilyIndex();
    this.db.exec(`
      -- Lists of one family's records (support, assignments, calls, reads), newest first, without
      -- scanning the municipality's. Partial: only documents of projections listed by family carry
      -- family_id, so every other write skips this index.
      CREATE INDEX IF NOT EXISTS documents_by_family ON documents (collection, municipality, family_id, seq) WHERE family_id IS NOT NULL;
      CREATE TABLE IF NOT EXISTS checkpoints (projection TEXT PRIMARY KEY, position INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS projection_versions (projection TEXT PRIMARY KEY, version INTEGER NOT NULL);
    `);
    this.statements = {
      get: this.db.prepare<[string, string], { body: string; municipality: string }>('SELECT body, municipality FROM documents WHERE collection = ? AND id = ?'),
      upsert: this.db.prepare(
        `INSERT INTO documents (collection, id, municipality, body, family_id) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (collection, id) DO UPDATE SET body = excluded.body, municipality = excluded.municipality, family_id = excluded.family_id`,
      ),
      delete: this.db.prepare('DELETE FROM documents WHERE collection = ? AND id = ?'),
      checkpoint: this.db.prepare<[string], { position: number }>('SELECT position FROM checkpoints WHERE projection = ?'),
      saveCheckpoint: this.db.prepare(
        'INSERT INTO checkpoints (projection, position) VALUES (?, ?) ON CONFLICT (projection) DO UPDATE SET position = excluded.position',
      ),
    };
  }

  get<Doc>(collection: string, id: string): { body: Doc; municipality: string } | undefined {
    const row = this.statements.get.get(collection, id);
    return row && { body: JSON.parse(row.body) as Doc, municipality: row.municipality };
  }

  /** `familyId`: for documents listed per family (see `ofFamily`); others leave it out. */
  put(collection: string, id: string, municipality: string, body: unknown, familyId?: string): void {
    this.statements.upsert.run(collection, id, municipality, JSON.stringify(body), familyId ?? null);
  }

  delete(collection: string, id: string): void {
    this.statements.delete.run(collection, id);
  }

  list<Doc>(collection: string, municipality: string, options: ListOptions): Array<StoredDocument<Doc>> {
    const conditions = ['collection = ?', 'municipality = ?'];
    const params: unknown[] = [collection, municipality];
    if (options.before !== undefined) {
      conditions.push('seq < ?');
      params.push(options.before);
    }
    if (options.where) {
      conditions.push(`(${options.where.sql})`);
      params.push(...options.where.params);
    }
    const rows = this.db
      .prepare(`SELECT seq, body FROM documents WHERE ${conditions.join(' AND ')} ORDER BY seq DESC LIMIT ?`)
      .all(...params, options.limit) as Array<{ seq: number; body: string }>;
    return rows.map((row) => ({ seq: row.seq, body: JSON.parse(row.body) as Doc }));
  }

  /** One page, newest first, continuing before `before` (a decoded cursor). */
  page<Doc>(collection: string, municipality: string, options: { where?: ListOptions['where']; before?: number; limit: number }): Page<Doc> {
    const rows = this.list<Doc>(collection, municipality, { ...options, limit: options.limit + 1 });
    const items = rows.slice(0, options.limit);
    return { items: items.map((row) => row.body), nextCursor: rows.length > options.limit ? encodeCursor(items[items.length - 1]!.seq) : null };
  }

  all<Doc>(collection: string, municipality: string): Doc[] {
    return this.list<Doc>(collection, municipality, { limit: -1 }).map((row) => row.body);
  }

  /** Across municipalities: only for system processes (e.g. approval expiry), never for a user's query. */
  findAcrossMunicipalities<Doc>(collection: string, where: { sql: string; params: unknown[] }): Array<{ municipality: string; body: Doc }> {
    const rows = this.db
      .prepare(`SELECT municipality, body FROM documents WHERE collection = ? AND (${where.sql}) ORDER BY seq`)
      .all(collection, ...where.params) as Array<{ municipality: string; body: string }>;
    return rows.map((row) => ({ municipality: row.municipality, body: JSON.parse(row.body) as Doc }));
  }

  projectionVersion(projection: string): number | undefined {
    const row = this.db.prepare('SELECT version FROM projection_versions WHERE projection = ?').get(projection) as { version: number } | undefined;
    return row?.version;
  }

  saveProjectionVersion(projection: string, version: number): void {
    this.db.prepare('INSERT INTO projection_versions VALUES (?, ?) ON CONFLICT (projection) DO UPDATE SET version = excluded.version').run(projection, version);
  }

  checkpoint(projection: string): number {
    return this.statements.checkpoint.get(projection)?.position ?? 0;
  }

  saveCheckpoint(projection: string, position: number): void {
    this.statements.saveCheckpoint.run(projection, position);
  }

  /** Every named projection's checkpoint set to `position`, in one statement (the runner saves them all after each batch). */
  saveCheckpoints(projections: readonly string[], position: number): void {
    if (projections.length === 0) return;
    let statement = this.checkpointsStatements.get(projections.length);
    if (!statement) {
      statement = this.db.prepare(
        `INSERT INTO checkpoints (projection, position) VALUES ${projections.map(() => '(?, ?)').join(', ')} ON CONFLICT (projection) DO UPDATE SET position = excluded.position`,
      );
      this.checkpointsStatements.set(projections.length, statement);
    }
    statement.run(projections.flatMap((projection) => [projection, position]));
  }

  /** Drops a projection's documents and checkpoint, so that it rebuilds from the start of the log. */
  reset(projection: string, collection: string): void {
    this.transaction(() => {
      this.db.prepare('DELETE FROM documents WHERE collection = ?').run(collection);
      this.db.prepare('DELETE FROM checkpoints WHERE projection = ?').run(projection);
    });
  }

  /**
   * Rewrites the file without free space and empties the WAL: after an erasure's rebuild, no page
   * of the file or its WAL holds what the documents held before.
   */
  compact(): void {
    this.db.exec('VACUUM');
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /**
   * A file from before family_id: the column is added and filled from the documents that name a
   * family, and the expression index it replaces goes (it evaluated JSON on every write).
   */
  private migrateFamilyIndex(): void {
    const columns = this.db.prepare('SELECT name FROM pragma_table_info(?)').all('documents') as Array<{ name: string }>;
    if (columns.some((column) => column.name === 'family_id')) return;
    this.transaction(() => {
      this.db.exec('DROP INDEX IF EXISTS documents_by_family');
      this.db.exec('ALTER TABLE documents ADD COLUMN family_id TEXT');
      this.db.exec("UPDATE documents SET family_id = json_extract(body, '$.familyId') WHERE json_type(body, '$.familyId') = 'text'");
    });
  }

  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  close(): void {
    this.db.close();
  }
}
