import type { EventStoreDBClient, ReadPosition, ResolvedEvent } from '@eventstore/db-client';
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
import {
  rawPosition,
  toActualRevision,
  toEsdbExpectedRevision,
  toEsdbPosition,
  toEventData,
  toNumericPosition,
  toRecordedEvent,
} from './eventstoredb-mapping';
import { toStorageError } from './eventstoredb-errors';
import { EventStoreDbSubscription } from './eventstoredb-subscription';

type EsdbModule = typeof import('@eventstore/db-client');

const PAGE_SIZE = 1000;

/**
 * Production adapter over EventStoreDB (v22.6+, for event positions on stream reads). Reading
 * $all needs a user allowed to read it (e.g. admin). Known gaps against the SQLite adapter, as
 * EventStoreDB does not index event ids: a retry is recognised only when re-sent with its
 * original expected revision, and an event id reused in another stream is not detected.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly subscriptions = new Set<EventStoreDbSubscription>();

  private constructor(
    private readonly esdb: EsdbModule,
    private readonly client: EventStoreDBClient,
  ) {}

  /**
   * The client module is loaded here rather than at import time (it pulls in gRPC, which the
   * SQLite deployment never needs), and the client itself connects on its first call.
   */
  static async connect(connectionString: string): Promise<EventStoreDbEventStore> {
    const esdb = await import('@eventstore/db-client');
    return new EventStoreDbEventStore(esdb, esdb.EventStoreDBClient.connectionString(connectionString));
  }

  /** For a client built with options a connection string cannot express; the store disposes it on close. */
  static async fromClient(client: EventStoreDBClient): Promise<EventStoreDbEventStore> {
    return new EventStoreDbEventStore(await import('@eventstore/db-client'), client);
  }

  async appendToStream(
    streamId: string,
    events: readonly NewEvent[],
    { expectedRevision }: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    assertNoRepeatedIds(streamId, events);
    return this.translating(() => this.append(streamId, events, expectedRevision), { writing: events.length > 0 });
  }

  async readStream(streamId: string, options: { fromRevision?: number } = {}): Promise<RecordedEvent[]> {
    return this.translating(() => this.collectStream(this.client.readStream(streamId, { fromRevision: BigInt(options.fromRevision ?? 0) })));
  }

  /**
   * EventStoreDB has no index by event id, so this reads the stream newest first and stops at
   * the match: a command is retried soon after it was first sent, so its events are near the
   * end. A miss reads the whole stream: the cost the SQLite adapter avoids with its index.
   */
  async findEvent(streamId: string, eventId: string): Promise<{ revision: number; position: number } | undefined> {
    return this.translating(async () => {
      const newestFirst = this.client.readStream(streamId, { direction: this.esdb.BACKWARDS, fromRevision: this.esdb.END });
      try {
        for await (const resolved of newestFirst) {
          const event = toRecordedEvent(resolved);
          if (event?.eventId === eventId) return { revision: event.revision, position: event.position };
        }
      } catch (error) {
        if (!(error instanceof this.esdb.StreamNotFoundError)) throw error;
      }
      return undefined;
    });
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.translating(() => this.readAllPages(options));
  }

  async lastPosition(): Promise<number> {
    return this.translating(async () => {
      const newestFirst = this.client.readAll({ direction: this.esdb.BACKWARDS, fromPosition: this.esdb.END });
      for await (const resolved of newestFirst) {
        const event = toRecordedEvent(resolved);
        if (event) return event.position;
      }
      return 0;
    });
  }

  subscribeToAll(handler: SubscriptionHandler, options: SubscribeOptions): Subscription {
    const source = this.client.subscribeToAll({
      fromPosition: options.after === 0 ? this.esdb.START : toEsdbPosition(options.after),
      filter: this.esdb.excludeSystemEvents(),
    });
    const subscription = new EventStoreDbSubscription(source, handler, options, (closed) => this.subscriptions.delete(closed));
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.close()));
    await this.client.dispose();
  }

  private async translating<T>(call: () => Promise<T>, { writing } = { writing: false }): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw toStorageError(this.esdb, error, { writing });
    }
  }

  private async append(streamId: string, events: readonly NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) return this.checkWithoutWriting(streamId, expectedRevision);
    try {
      const result = await this.client.appendToStream(streamId, events.map(toEventData), {
        expectedRevision: toEsdbExpectedRevision(expectedRevision),
      });
      // Only a client built with throwOnAppendFailure: false (see fromClient) reports a conflict this way.
      if (!result.success) {
        const actual = (await this.lastEventOf(streamId))?.revision ?? -1;
        return this.resolveConflict(streamId, events, expectedRevision, actual);
      }
      const revision = Number(result.nextExpectedRevision);
      // Without a position from the server (an idempotent retry may lack one), the stored event has it.
      const position = toNumericPosition(result.position) ?? (await this.positionOf(streamId, revision));
      return { nextExpectedRevision: revision, lastPosition: position };
    } catch (error) {
      if (!(error instanceof this.esdb.WrongExpectedVersionError)) throw error;
      return this.resolveConflict(streamId, events, expectedRevision, toActualRevision(error.actualVersion));
    }
  }

  private async readAllPages({ after = 0, limit = Number.POSITIVE_INFINITY }: ReadAllOptions): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    let cursor = after;
    for (let more = true; more && events.length < limit; ) {
      const from: ReadPosition = cursor === 0 ? this.esdb.START : toEsdbPosition(cursor);
      let read = 0;
      for await (const resolved of this.client.readAll({ fromPosition: from, maxCount: PAGE_SIZE })) {
        read += 1;
        const position = rawPosition(resolved) ?? 0;
        // The server starts at `from` inclusively, and system events only move the cursor.
        if (position <= cursor) continue;
        cursor = position;
        const event = toRecordedEvent(resolved);
        if (event) events.push(event);
        if (events.length >= limit) break;
      }
      more = read === PAGE_SIZE;
    }
    return events;
  }

  /** An empty batch writes nothing but still answers whether the expectation holds. */
  private async checkWithoutWriting(streamId: string, expected: ExpectedRevision): Promise<AppendResult> {
    const last = await this.lastEventOf(streamId);
    const current = last?.revision ?? -1;
    if (!satisfiesExpectedRevision(expected, current)) throw new WrongExpectedRevisionError(streamId, expected, current);
    return { nextExpectedRevision: current, lastPosition: last?.position ?? 0 };
  }

  /**
   * EventStoreDB reports a retry it cannot confirm as idempotent (re-sent at another expected
   * revision, or only partly matching) as a version conflict; look at the stream to tell apart.
   */
  private async resolveConflict(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
    actual: number,
  ): Promise<AppendResult> {
    const byId = new Map((await this.readStream(streamId)).map((event) => [event.eventId, event]));
    const previous = previousAppendResult(
      streamId,
      events,
      events.map((event) => byId.get(event.eventId)),
    );
    if (previous) return previous;
    throw new WrongExpectedRevisionError(streamId, expected, actual);
  }

  private async lastEventOf(streamId: string): Promise<RecordedEvent | undefined> {
    const read = this.client.readStream(streamId, { direction: this.esdb.BACKWARDS, fromRevision: this.esdb.END, maxCount: 1 });
    return (await this.collectStream(read))[0];
  }

  private async positionOf(streamId: string, revision: number): Promise<number> {
    const [event] = await this.collectStream(this.client.readStream(streamId, { fromRevision: BigInt(revision), maxCount: 1 }));
    return event?.position ?? 0;
  }

  private async collectStream(read: AsyncIterable<ResolvedEvent>): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    try {
      for await (const resolved of read) {
        const event = toRecordedEvent(resolved);
        if (event) events.push(event);
      }
    } catch (error) {
      if (error instanceof this.esdb.StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }
}
