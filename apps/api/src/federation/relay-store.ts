import Database from 'better-sqlite3';
import type { DocumentStore } from '@familybank/read-models';
import { preparePrivateFile } from '@familybank/event-store';

/** Where earlier releases kept the relay's records: in the read-model store. */
const LEGACY_CHECKPOINT = 'outbox-relay';
const LEGACY_PUBLISHED = 'outbox-published-pool';

/** A family whose profile is on the pool topic; familyId is missing in entries written before it was stored. */
export interface PublishedEntry {
  pseudonym: string;
  familyId?: string;
  /** The profile version last accepted by the exchange: the same version is never published twice. */
  version?: number;
}

export interface PublishedRecord {
  municipality: string;
  familyId: string;
  entry: PublishedEntry;
}

/** What a batch changes once the exchange accepted it: profiles now out, tombstones now out. */
export type PublishedChange = { kind: 'published'; record: PublishedRecord } | { kind: 'withdrawn'; municipality: string; familyId: string };

/**
 * The outbox relay's own bookkeeping, in its own SQLite file (DATA_DIR/outbox.sqlite): how far it
 * published the log, and which profile version of each family is on the pool topic. Not a read
 * model: it says what partners were told, so it is never dropped or rebuilt with the read models.
 * NORMAL: a record lost to a power cut only re-publishes a batch, which partners recognise (message
 * ids derive from events; profiles are upserted by version).
 */
export class RelayStore {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(filename: string) {
    preparePrivateFile(filename);
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS published_pool (
        municipality TEXT NOT NULL,
        family_id TEXT NOT NULL,
        entry TEXT NOT NULL,
        PRIMARY KEY (municipality, family_id)
      );
    `);
    this.statements = {
      checkpoint: this.db.prepare<[], { position: number }>('SELECT position FROM checkpoint WHERE id = 1'),
      saveCheckpoint: this.db.prepare('INSERT INTO checkpoint (id, position) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET position = excluded.position'),
      published: this.db.prepare<[string, string], { entry: string }>('SELECT entry FROM published_pool WHERE municipality = ? AND family_id = ?'),
      all: this.db.prepare<[], { municipality: string; family_id: string; entry: string }>('SELECT municipality, family_id, entry FROM published_pool ORDER BY rowid'),
      put: this.db.prepare('INSERT INTO published_pool VALUES (?, ?, ?) ON CONFLICT (municipality, family_id) DO UPDATE SET entry = excluded.entry'),
      delete: this.db.prepare('DELETE FROM published_pool WHERE municipality = ? AND family_id = ?'),
    };
  }

  /** The log position published so far (0 before the first batch). */
  checkpoint(): number {
    return this.statements.checkpoint.get()?.position ?? 0;
  }

  published(municipality: string, familyId: string): PublishedEntry | undefined {
    const row = this.statements.published.get(municipality, familyId);
    return row && (JSON.parse(row.entry) as PublishedEntry);
  }

  allPublished(): PublishedRecord[] {
    return this.statements.all.all().map((row) => ({ municipality: row.municipality, familyId: row.family_id, entry: JSON.parse(row.entry) as PublishedEntry }));
  }

  /** Records what the exchange accepted, and (for a batch of the log) the new checkpoint, in one transaction. */
  record(changes: readonly PublishedChange[], checkpoint?: number): void {
    this.db.transaction(() => {
      for (const change of changes) {
        if (change.kind === 'published') this.statements.put.run(change.record.municipality, change.record.familyId, JSON.stringify(change.record.entry));
        else this.statements.delete.run(change.municipality, change.familyId);
      }
      if (checkpoint !== undefined) this.statements.saveCheckpoint.run(checkpoint);
    })();
  }

  /**
   * A data directory of an earlier release kept these records among the read models: they are
   * taken over once, so the relay neither starts again from the beginning of the log nor forgets
   * what it published. Entries that releases before that stored without their family id are
   * matched to their family by pseudonym (`familyOf`).
   */
  adoptLegacy(documents: DocumentStore, familyOf: (municipality: string, pseudonym: string) => string | undefined): void {
    if (this.statements.checkpoint.get() !== undefined) return;
    const position = documents.checkpoint(LEGACY_CHECKPOINT);
    const changes: PublishedChange[] = [];
    for (const { municipality, body } of documents.findAcrossMunicipalities<PublishedEntry>(LEGACY_PUBLISHED, { sql: '1 = 1', params: [] })) {
      const familyId = body.familyId ?? familyOf(municipality, body.pseudonym);
      if (familyId !== undefined) changes.push({ kind: 'published', record: { municipality, familyId, entry: { ...body, familyId } } });
    }
    this.record(changes, position);
  }

  close(): void {
    this.db.close();
  }
}
