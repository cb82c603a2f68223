import Database from 'better-sqlite3';
import { preparePrivateFile } from '@familybank/event-store';

/** One workflow instance as stored: its state and the municipality it acts for. */
export interface StoredInstance {
  manager: string;
  instanceId: string;
  municipality: string;
  state: unknown;
}

/** How far a manager has read the log, and up to where it only folded history it found on its first start. */
export interface ManagerProgress {
  position: number;
  activeFrom: number;
}

/**
 * The process managers' own state and checkpoints, in their own SQLite file. Not a read model: it
 * holds what the workflows promised to do, so it is never dropped with the read models. A batch's
 * states and checkpoints are written in one transaction, so a crash never leaves one without the other.
 */
export class WorkflowStore {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(filename: string, options: { synchronous?: 'FULL' | 'NORMAL' } = {}) {
    preparePrivateFile(filename);
    this.db = new Database(filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS progress (manager TEXT PRIMARY KEY, position INTEGER NOT NULL, active_from INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS instances (
        manager TEXT NOT NULL,
        instance_id TEXT NOT NULL,
        municipality TEXT NOT NULL,
        state TEXT NOT NULL,
        PRIMARY KEY (manager, instance_id)
      );
    `);
    this.statements = {
      progress: this.db.prepare<[string], { position: number; active_from: number }>('SELECT position, active_from FROM progress WHERE manager = ?'),
      begin: this.db.prepare('INSERT OR IGNORE INTO progress (manager, position, active_from) VALUES (?, 0, ?)'),
      advance: this.db.prepare('UPDATE progress SET position = ? WHERE manager = ?'),
      instance: this.db.prepare<[string, string], { municipality: string; state: string }>('SELECT municipality, state FROM instances WHERE manager = ? AND instance_id = ?'),
      instances: this.db.prepare<[string], { instance_id: string; municipality: string; state: string }>(
        'SELECT instance_id, municipality, state FROM instances WHERE manager = ? ORDER BY instance_id',
      ),
      save: this.db.prepare(
        `INSERT INTO instances (manager, instance_id, municipality, state) VALUES (?, ?, ?, ?)
         ON CONFLICT (manager, instance_id) DO UPDATE SET state = excluded.state`,
      ),
    };
  }

  progress(manager: string): ManagerProgress | undefined {
    const row = this.statements.progress.get(manager);
    return row && { position: row.position, activeFrom: row.active_from };
  }

  /** Registers a manager met for the first time; it acts only on events after `activeFrom`. */
  begin(manager: string, activeFrom: number): void {
    this.statements.begin.run(manager, activeFrom);
  }

  instance(manager: string, instanceId: string): StoredInstance | undefined {
    const row = this.statements.instance.get(manager, instanceId);
    return row && { manager, instanceId, municipality: row.municipality, state: JSON.parse(row.state) };
  }

  instances(manager: string): StoredInstance[] {
    return this.statements.instances.all(manager).map((row) => ({ manager, instanceId: row.instance_id, municipality: row.municipality, state: JSON.parse(row.state) }));
  }

  /** Writes the instances a batch changed and the managers' new positions, all or nothing. */
  save(instances: readonly StoredInstance[], positions: ReadonlyMap<string, number> = new Map()): void {
    this.db.transaction(() => {
      for (const { manager, instanceId, municipality, state } of instances) this.statements.save.run(manager, instanceId, municipality, JSON.stringify(state));
      for (const [manager, position] of positions) this.statements.advance.run(position, manager);
    })();
  }

  close(): void {
    this.db.close();
  }
}
