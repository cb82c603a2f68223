import type Database from 'better-sqlite3';
import { previousAppendResult, satisfiesExpectedRevision } from '../append-rules';
import { WrongExpectedRevisionError } from '../errors';
import type { AppendResult, ExpectedRevision, NewEvent } from '../event-store.port';
import { isStorageUnavailable, sqliteCode } from './sqlite-storage-errors';
import type { Statements } from './sqlite-statements';

/** One appendToStream call waiting for its group. Data is serialised when the call is made. */
export interface PendingAppend {
  streamId: string;
  events: readonly NewEvent[];
  serialised: ReadonlyArray<{ data: string; metadata: string }>;
  expectedRevision: ExpectedRevision;
}

export type AppendOutcome = { ok: true; result: AppendResult } | { ok: false; error: unknown };

export interface GroupResult {
  /** One per member, in order. */
  outcomes: AppendOutcome[];
  /** Whether any member stored events, so that subscribers are worth waking. */
  stored: boolean;
}

/**
 * Writes a group of appends in ONE immediate transaction (one fsync at COMMIT), each member in
 * its own savepoint: a member that breaks a rule (expected revision, repeated ids, a constraint)
 * is rolled back alone and fails alone, while later members see what earlier ones wrote.
 * A failure of the storage itself (full, read-only, I/O, busy) aborts the whole transaction and
 * is thrown, so nothing of the group is stored.
 */
export class SqliteGroupWriter {
  private readonly control;

  constructor(
    private readonly db: Database.Database,
    private readonly statements: Statements,
  ) {
    const run = (sql: string) => {
      const statement = db.prepare(sql);
      return () => void statement.run();
    };
    this.control = {
      // IMMEDIATE takes the write lock before any member reads a stream's revision, so a writer
      // on another connection cannot slip in between a member's check and its insert.
      begin: run('BEGIN IMMEDIATE'),
      commit: run('COMMIT'),
      rollback: run('ROLLBACK'),
      savepoint: run('SAVEPOINT group_member'),
      release: run('RELEASE group_member'),
      rollbackToSavepoint: run('ROLLBACK TO group_member'),
    };
  }

  /** Returns after COMMIT, or throws with nothing of the group stored. */
  write(group: readonly PendingAppend[]): GroupResult {
    this.control.begin();
    try {
      const outcomes = group.map((member) => this.writeMember(member));
      this.control.commit();
      return { outcomes, stored: outcomes.some((outcome, index) => outcome.ok && group[index].events.length > 0) };
    } catch (error) {
      // SQLite may already have rolled back on its own (it does for some I/O and full-disk errors).
      if (this.db.inTransaction) this.control.rollback();
      throw error;
    }
  }

  private writeMember(member: PendingAppend): AppendOutcome {
    this.control.savepoint();
    try {
      const result = this.append(member);
      this.control.release();
      return { ok: true, result };
    } catch (error) {
      if (isStorageUnavailable(error) || !this.db.inTransaction) throw error;
      this.control.rollbackToSavepoint();
      this.control.release();
      return { ok: false, error: this.translateConstraintError(error, member) };
    }
  }

  /** Inside the transaction: every read sees the latest committed state plus earlier members. */
  private append({ streamId, events, serialised, expectedRevision }: PendingAppend): AppendResult {
    const current = this.statements.lastRevision.get(streamId)?.revision ?? -1;
    const previous = this.findPreviousAppend(streamId, events);
    if (previous) return previous;
    if (!satisfiesExpectedRevision(expectedRevision, current)) {
      throw new WrongExpectedRevisionError(streamId, expectedRevision, current);
    }
    if (events.length === 0) {
      return { nextExpectedRevision: current, lastPosition: this.statements.positionOf.get(streamId, current)?.position ?? 0 };
    }
    const recordedAt = new Date().toISOString();
    let lastPosition = 0;
    events.forEach((event, index) => {
      const { data, metadata } = serialised[index];
      const { lastInsertRowid } = this.statements.insertEvent.run(event.eventId, streamId, current + 1 + index, event.type, data, metadata, recordedAt);
      lastPosition = Number(lastInsertRowid);
    });
    return { nextExpectedRevision: current + events.length, lastPosition };
  }

  private findPreviousAppend(streamId: string, events: readonly NewEvent[]): AppendResult | undefined {
    const stored = events.map((event) => {
      const row = this.statements.eventById.get(event.eventId);
      return row && { streamId: row.stream_id, revision: row.revision, position: row.position };
    });
    return previousAppendResult(streamId, events, stored);
  }

  /**
   * Not expected to fire, since the immediate transaction serialises writers; it would if a row
   * were written behind the store's back, and the events table is then the truth to report.
   */
  private translateConstraintError(error: unknown, { streamId, expectedRevision }: PendingAppend): unknown {
    const isRevisionClash = sqliteCode(error)?.startsWith('SQLITE_CONSTRAINT') && (error as Error).message.includes('events.stream_id');
    if (!isRevisionClash) return error;
    return new WrongExpectedRevisionError(streamId, expectedRevision, this.statements.lastRevision.get(streamId)?.revision ?? -1);
  }
}
