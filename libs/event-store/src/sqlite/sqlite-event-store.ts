import type Database from 'better-sqlite3';
import { assertNoRepeatedIds } from '../append-rules';
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
import { GroupCommitQueue } from './group-commit-queue';
import { PollingSubscription } from './polling-subscription';
import { type PendingAppend, SqliteGroupWriter } from './sqlite-group-writer';
import { openDatabase, type SynchronousMode } from './sqlite-schema';
import { prepareStatements, toRecordedEvent, type Statements } from './sqlite-statements';
import { toStorageError } from './sqlite-storage-errors';
import { WalSync } from './wal-sync';

export interface SqliteEventStoreOptions {
  /** A file path, or ':memory:' for a private in-memory store. */
  filename: string;
  /** FULL (default) makes each commit survive power loss; NORMAL may lose the latest commits then. */
  synchronous?: SynchronousMode;
  /** How often subscriptions look for events appended by other connections. */
  pollIntervalMs?: number;
}

/** What one group may hold: enough to amortise an fsync, few enough to keep its latency short. */
const GROUP_LIMITS = { maxItems: 256, maxWeight: 4096 };

interface QueuedAppend extends PendingAppend {
  resolve(result: AppendResult): void;
  reject(error: unknown): void;
}

/**
 * Embedded event store: one SQLite file in WAL mode. Appends made concurrently are committed
 * together (group commit: one transaction, one fsync), each checked on its own.
 *
 * With FULL (the default, on a file) the fsync of each commit runs off the main thread (see
 * WalSync): the connection runs with NORMAL, and nothing leaves the store before the fsync that
 * covers it has completed: an append resolves, and a subscriber is woken, only then, and a read
 * that returns an event not yet known to be on disk waits for the next fsync before it returns.
 */
export class SqliteEventStore implements EventStore {
  private readonly statements: Statements;
  private readonly writer: SqliteGroupWriter;
  private readonly queue: GroupCommitQueue<QueuedAppend>;
  private readonly subscriptions = new Set<PollingSubscription>();
  private readonly counters = { commits: 0, appends: 0 };
  private closed = false;
  /**
   * Events up to this position are known to be on disk (with `walSync`). It starts at 0: the first
   * read after opening waits for one fsync, which also covers another process's commits of the moment.
   */
  private durablePosition = 0;
  /** The position and WalSync ticket of the last own commit: a row at or below it is covered by that ticket. */
  private lastCommit = { position: 0, ticket: 0 };

  private constructor(
    private readonly db: Database.Database,
    private readonly pollIntervalMs: number,
    private readonly walSync: WalSync | undefined,
  ) {
    this.statements = prepareStatements(db);
    this.writer = new SqliteGroupWriter(db, this.statements);
    this.queue = new GroupCommitQueue((group) => this.commitGroup(group), (append) => append.events.length, GROUP_LIMITS);
  }

  static open(options: SqliteEventStoreOptions): SqliteEventStore {
    const synchronous = options.synchronous ?? 'FULL';
    const onDisk = options.filename !== ':memory:' && options.filename !== '';
    if (!onDisk || synchronous !== 'FULL') return new SqliteEventStore(openDatabase(options.filename, synchronous), options.pollIntervalMs ?? 200, undefined);
    // NORMAL on the connection plus WalSync's fsync before anything leaves the store is FULL.
    const db = openDatabase(options.filename, 'NORMAL');
    try {
      return new SqliteEventStore(db, options.pollIntervalMs ?? 200, new WalSync(`${options.filename}-wal`));
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /** Resolves once the group it joined has committed, so the events are durable by then. */
  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    { expectedRevision }: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    if (this.closed) throw new Error('The event store is closed');
    assertNoRepeatedIds(streamId, events);
    // Serialised now: a later change to the caller's objects cannot alter what is stored, and
    // data that cannot be serialised fails here, before it joins a group.
    const serialised = events.map((event) => ({ data: JSON.stringify(event.data ?? null), metadata: JSON.stringify(event.metadata) }));
    return new Promise((resolve, reject) => {
      this.queue.enqueue({ streamId, events: [...events], serialised, expectedRevision, resolve, reject });
    });
  }

  async readStream(streamId: string, options: { fromRevision?: number } = {}): Promise<RecordedEvent[]> {
    const events = this.reading(() => this.statements.readStream.all(streamId, options.fromRevision ?? 0).map(toRecordedEvent));
    await this.onDisk(events.at(-1)?.position ?? 0); // in revision order, so the last is the latest
    return events;
  }

  async findEvent(streamId: string, eventId: string): Promise<{ revision: number; position: number } | undefined> {
    const found = this.reading(() => this.statements.findEvent.get(eventId, streamId));
    if (found) await this.onDisk(found.position);
    return found;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.readAfter(options.after ?? 0, options.limit ?? -1);
  }

  async lastPosition(): Promise<number> {
    const position = this.reading(() => this.statements.lastPosition.get()?.position ?? 0);
    await this.onDisk(position);
    return position;
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

  /** Commits what is queued first: an append accepted before close is not dropped. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.queue.drain();
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.walSync?.close();
    this.db.close();
  }

  /** Committed transactions, and the appends they carried (their ratio is the grouping achieved). */
  stats(): { commits: number; appends: number } {
    return { ...this.counters };
  }

  /**
   * The connection's settings as SQLite reports them, for health checks and tests; `synchronous`
   * is the durability given (FULL when WalSync does the commit's fsync off the main thread, which
   * `fsyncOffMainThread` says).
   */
  settings(): { journalMode: string; synchronous: SynchronousMode | 'OFF' | 'EXTRA'; fsyncOffMainThread: boolean; busyTimeoutMs: number; foreignKeys: boolean; pageCacheKib: number } {
    const read = (pragma: string) => this.db.pragma(pragma, { simple: true });
    const synchronousModes = ['OFF', 'NORMAL', 'FULL', 'EXTRA'] as const;
    return {
      journalMode: String(read('journal_mode')),
      synchronous: this.walSync ? 'FULL' : synchronousModes[Number(read('synchronous'))],
      fsyncOffMainThread: this.walSync !== undefined,
      busyTimeoutMs: Number(read('busy_timeout')),
      foreignKeys: read('foreign_keys') === 1,
      pageCacheKib: -Number(read('cache_size')),
    };
  }

  /**
   * Test-only hook: runs a PRAGMA on the store's own connection, for limits that are per
   * connection (`max_page_count` to fill the store up, `busy_timeout`) when provoking failures.
   */
  pragmaForTests(pragma: string): unknown {
    return this.db.pragma(pragma, { simple: true });
  }

  private commitGroup(group: QueuedAppend[]): void {
    let result;
    try {
      result = this.writer.write(group);
    } catch (error) {
      const failure = toStorageError(error);
      group.forEach((append) => append.reject(failure));
      return;
    }
    this.counters.commits += 1;
    this.counters.appends += group.length;
    const settle = () => {
      group.forEach((append, index) => {
        const outcome = result.outcomes[index];
        if (outcome.ok) append.resolve(outcome.result);
        else append.reject(outcome.error);
      });
      if (result.stored) this.subscriptions.forEach((subscription) => subscription.wake());
    };
    if (!this.walSync) return settle();
    // Committed but not yet on disk: every member (a rule's refusal too, decided on what this
    // commit shows) waits for the fsync that covers it; the main thread serves others meanwhile.
    const position = Math.max(this.lastCommit.position, ...result.outcomes.map((outcome) => (outcome.ok ? outcome.result.lastPosition : 0)));
    this.lastCommit = { position, ticket: this.walSync.mark() };
    this.walSync.durable(this.lastCommit.ticket).then(
      () => {
        this.durablePosition = Math.max(this.durablePosition, position);
        settle();
      },
      (error: unknown) => group.forEach((append) => append.reject(error)),
    );
  }

  private async readAfter(after: number, limit: number): Promise<RecordedEvent[]> {
    const events = this.reading(() => this.statements.readAll.all(after, limit).map(toRecordedEvent));
    await this.onDisk(events.at(-1)?.position ?? 0);
    return events;
  }

  /**
   * Returns once the events up to `position`, just read, are known to be on disk. Another
   * process's commit, or one of ours whose fsync is in flight, may be visible before it is durable:
   * an fsync started after the read covers it (the WAL is one file for every connection).
   */
  private async onDisk(position: number): Promise<void> {
    if (!this.walSync || position <= this.durablePosition) return;
    const ticket = position <= this.lastCommit.position ? this.lastCommit.ticket : this.walSync.mark();
    await this.walSync.durable(ticket);
    this.durablePosition = Math.max(this.durablePosition, position);
  }

  private reading<T>(read: () => T): T {
    try {
      return read();
    } catch (error) {
      throw toStorageError(error);
    }
  }
}
