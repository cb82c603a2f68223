import Database from 'better-sqlite3';
import { preparePrivateFile } from '@familybank/event-store';

/** How far the erasure processor has read the log (erasures.sqlite): ids and positions only. */
export class ErasureProgress {
  private readonly db: Database.Database;

  constructor(filename: string) {
    preparePrivateFile(filename);
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    // NORMAL: a checkpoint lost to a power cut is read again; destroying a key twice changes nothing.
    this.db.pragma('synchronous = NORMAL');
    this.db.exec('CREATE TABLE IF NOT EXISTS checkpoint (id INTEGER PRIMARY KEY CHECK (id = 1), position INTEGER NOT NULL)');
  }

  position(): number {
    return (this.db.prepare('SELECT position FROM checkpoint WHERE id = 1').get() as { position: number } | undefined)?.position ?? 0;
  }

  save(position: number): void {
    this.db.prepare('INSERT INTO checkpoint (id, position) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET position = excluded.position').run(position);
  }

  close(): void {
    this.db.close();
  }
}
