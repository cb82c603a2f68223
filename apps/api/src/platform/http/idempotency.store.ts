import Database from 'better-sqlite3';
import { preparePrivateFile } from '@familybank/event-store';

export interface StoredResponse {
  fingerprint: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** First results of POSTs by (municipality, Idempotency-Key). */
export class IdempotencyStore {
  private readonly db: Database.Database;
  private readonly find;
  private readonly save;

  constructor(filename: string) {
    preparePrivateFile(filename);
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    // NORMAL: an answer lost to a power cut costs nothing but a replay: the retried command has the
    // same command id (from the key), so the event store recognises it and records nothing twice.
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS idempotent_responses (
      municipality TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL,
      status INTEGER NOT NULL, headers TEXT NOT NULL, body TEXT NOT NULL, stored_at TEXT NOT NULL,
      PRIMARY KEY (municipality, key))`);
    this.find = this.db.prepare<[string, string], { fingerprint: string; status: number; headers: string; body: string }>(
      'SELECT fingerprint, status, headers, body FROM idempotent_responses WHERE municipality = ? AND key = ?',
    );
    this.save = this.db.prepare('INSERT OR IGNORE INTO idempotent_responses VALUES (?, ?, ?, ?, ?, ?, ?)');
  }

  get(municipality: string, key: string): StoredResponse | undefined {
    const row = this.find.get(municipality, key);
    return row && { fingerprint: row.fingerprint, status: row.status, headers: JSON.parse(row.headers), body: JSON.parse(row.body) };
  }

  put(municipality: string, key: string, response: StoredResponse, now: Date): void {
    this.save.run(municipality, key, response.fingerprint, response.status, JSON.stringify(response.headers), JSON.stringify(response.body), now.toISOString());
  }

  close(): void {
    this.db.close();
  }
}
