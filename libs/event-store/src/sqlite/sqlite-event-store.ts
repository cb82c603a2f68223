import Database from 'better-sqlite3';
import { assertNoRepeatedIds, previousAppendResult, satisfiesExpectedRevision } from '../append-rules';
import { WrongExpectedRevisionError } from '../errors';
import type {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  RecordedEvent,
  SubscribeOptions,
  Subscription,
  SubscriptionHandler,
} from '../event-store.port';
import { PollingSubscription } from './polling-subscription';
import { openDatabase, type SynchronousMode } from './sqlite-schema';
import { prepareStatements, toRecordedEvent, type Statements } from './sqlite-statements';

export interface SqliteEventStoreOptions {
  /** A file path, or ':memory:' for a private in-memory store. */
  filename: string;
  /** FULL (default) makes each commit survive power loss; NORMAL may lose the latest commits then. */
  synchronous?: SynchronousMode;
  /** How often subscriptions look for events appended by other connections. */
  pollIntervalMs?: number;
}

type AppendArgs = [streamId: string, events: readonly NewEvent[], expected: ExpectedRevision];

/** Embedded event store: one SQLite file in WAL mode, one immediate transaction per append. */
export class SqliteEventStore implements EventStore {
  private readonly statements: Statements;
  private readonly appendTransaction: Database.Transaction<(...args: AppendArgs) => AppendResult>;
  private readonly subscriptions = new Set<PollingSubscription>();
  private closed = false;

  private constructor(
    private readonly db: Database.Database,
    private readonly pollIntervalMs: number,
  ) {
    this.statements = prepareStatements(db);
    this.appendTransaction = db.transaction((...args: AppendArgs) => this.appendLocked(...args));
  }

  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    return new SqliteEventStore(openDatabase(options.filename, options.synchronous), options.pollIntervalMs ?? 200);
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    { expectedRevision }: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    assertNoRepeatedIds(streamId, events);
    let result: AppendResult;
    try {
      // IMMEDIATE takes the write lock before reading the stream's revision, so a writer on
      // another connection cannot slip in between the check and the insert.
      result = this.appendTransaction.immediate(streamId, events, expectedRevision);
    } catch (error) {
      throw this.translateConstraintError(error, streamId, expectedRevision);
    }
    if (events.length > 0) this.subscriptions.forEach((subscription) => subscription.wake());
    return result;
  }

  async readStream(streamId: string, options: { fromRevision?: number } = {}): Promise<RecordedEvent[]> {
    return this.statements.readStream.all(streamId, options.fromRevision ?? 0).map(toRecordedEvent);
  }

  async findEvent(streamId: string, eventId: string): Promise<{ revision: number; position: number } | undefined> {
    const row = this.statements.eventById.get(eventId);
    return row && row.stream_id === streamId ? { revision: row.revision, position: row.position } : undefined;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readAfter(options.after ?? 0, options.limit ?? -1);
  }

  async lastPosition(): Promise<number> {
    return this.statements.lastPosition.get()?.position ?? 0;
  }

  subscribeToAll(handler: SubscriptionHandler, options: SubscribeOptions): Subscription {
    if (this.closed) throw new Error('The event store is closed');
    const subscription = new PollingSubscription({
      ...options,
      handler,
      read: (after, limit) => this.readAfter(after, limit),
      pollIntervalMs: this.pollIntervalMs,
      onClosed: (closed) => this.subscriptions.delete(closed),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    this.db.close();
  }

  /** The connection's settings as SQLite reports them, for health checks and tests. */
  settings(): { journalMode: string; synchronous: SynchronousMode | 'OFF' | 'EXTRA'; busyTimeoutMs: number; foreignKeys: boolean } {
    const read = (pragma: string) => this.db.pragma(pragma, { simple: true });
    const synchronousModes = ['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const;
    return {
      journalMode: String(read('journal_mode')),
      synchronous: synchronousModes[Number(read('synchronous'))],
      busyTimeoutMs: Number(read('busy_timeout')),
      foreignKeys: read('foreign_keys') === 1,
    };
  }

  private readAfter(after: number, limit: number): RecordedEvent[] {
    return this.statements.readAll.all(after, limit).map(toRecordedEvent);
  }

  /** Runs inside the write transaction: every read here sees the latest committed state. */
  private appendLocked(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): AppendResult {
    const current = this.statements.streamRevision.get(streamId)?.revision ?? -1;
    const previous = this.findPreviousAppend(streamId, events);
    if (previous) return previous;
    if (!satisfiesExpectedRevision(expected, current)) {
      throw new WrongExpectedRevisionError(streamId, expected, current);
    }
    if (events.length === 0) {
      return { nextExpectedRevision: current, lastPosition: this.statements.positionOf.get(streamId, current)?.position ?? 0 };
    }
    return this.insert(streamId, events, current);
  }

  private insert(streamId: string, events: readonly NewEvent[], current: number): AppendResult {
    const recordedAt = new Date().toISOString();
    let lastPosition = 0;
    events.forEach((event, index) => {
      const { lastInsertRowid } = this.statements.insertEvent.run(
        event.eventId,
        streamId,
        current + 1 + index,
        event.type,
        JSON.stringify(event.data ?? null),
        JSON.stringify(event.metadata),
        recordedAt,
      );
      lastPosition = Number(lastInsertRowid);
    });
    const nextExpectedRevision = current + events.length;
    this.statements.upsertStream.run(streamId, nextExpectedRevision);
    return { nextExpectedRevision, lastPosition };
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
  private translateConstraintError(error: unknown, streamId: string, expected: ExpectedRevision): unknown {
    const isRevisionClash =
      error instanceof Database.SqliteError && error.code.startsWith('SQLITE_CONSTRAINT') && error.message.includes('events.stream_id');
    if (!isRevisionClash) return error;
    return new WrongExpectedRevisionError(streamId, expected, this.statements.lastRevision.get(streamId)?.revision ?? -1);
  }
}
