import Database from 'better-sqlite3';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Checkpoints every SQLite file under the data directory into its main file and truncates its WAL,
 * through a connection of its own (the stores keep theirs): a WAL keeps old page images, with
 * whatever they held, until it is truncated. Returns the files whose WAL could not be emptied now
 * (a long reader); the next erasure or a restart empties them.
 */
export function truncateWalFiles(dataDir: string): string[] {
  const busy: string[] = [];
  for (const name of readdirSync(dataDir).filter((file) => file.endsWith('.sqlite'))) {
    const db = new Database(join(dataDir, name), { fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as Array<{ busy: number }>;
      if (result?.busy) busy.push(name);
    } finally {
      db.close();
    }
  }
  return busy;
}
