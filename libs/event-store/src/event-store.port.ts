/**
 * The event store port. Adapters (SQLite embedded, EventStoreDB production) implement it and
 * must pass the shared contract suite in `./contract/event-store.contract.ts`.
 *
 * Revisions are 0-based per stream (the first event of a stream has revision 0), as in
 * EventStoreDB. Positions are the global order over all streams, strictly increasing, > 0.
 */

/** Metadata every event carries; recorded by the application, never trusted from clients. */
export interface EventMetadata {
  /** Who acted: the user's subject from the token, or `system:<process>` for automated steps. */
  actor: string;
  /** Municipality code (e.g. "0630") that owns the stream. */
  municipality: string;
  correlationId: string;
  causationId: string;
  /** ISO-8601 timestamp of when the command was decided. */
  occurredAt: string;
  schemaVersion: number;
}

export interface NewEvent<Type extends string = string, Data = unknown> {
  /** UUID. Derived from the command id so a retried command is recognised (idempotent append). */
  eventId: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
}

export interface RecordedEvent<Type extends string = string, Data = unknown> extends NewEvent<Type, Data> {
  streamId: string;
  revision: number;
  position: number;
  /** ISO-8601 timestamp of when the store wrote it. */
  recordedAt: string;
}

/**
 * - `'any'`: append whatever the stream's state;
 * - `'no-stream'`: the stream must not exist yet;
 * - a number: the stream's last revision must be exactly this.
 */
export type ExpectedRevision = 'any' | 'no-stream' | number;

export interface AppendResult {
  /** Revision of the last event now in the stream. */
  nextExpectedRevision: number;
  /** Global position of the last appended event. */
  lastPosition: number;
}

export interface ReadAllOptions {
  /** Read events with position strictly greater than this; 0 reads from the start. */
  after?: number;
  /** Maximum number of events returned. */
  limit?: number;
}

export interface Subscription {
  /** Stops delivery; resolves when the subscription will deliver nothing more. */
  close(): Promise<void>;
}

export type SubscriptionHandler = (event: RecordedEvent) => void | Promise<void>;

export interface SubscribeOptions {
  /** Deliver events with position strictly greater than this (a stored checkpoint). */
  after: number;
  /** Called when the handler throws; the subscription stops after it. */
  onError?: (error: unknown) => void;
}

export interface EventStore {
  /**
   * Appends atomically when the stream is at `expectedRevision`; resolves once the events are
   * durable. Rejects with WrongExpectedRevisionError, DuplicateEventIdError, or
   * StorageUnavailableError when the storage cannot write now.
   */
  appendToStream(streamId: string, events: readonly NewEvent[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult>;
  /**
   * The stream's events in revision order, from `fromRevision` (default 0) onwards; an empty
   * array when the stream does not exist or has no event at or after `fromRevision`.
   */
  readStream(streamId: string, options?: { fromRevision?: number }): Promise<RecordedEvent[]>;
  /**
   * Where the event with this id is stored IN THIS STREAM, or undefined (also when the id is
   * stored in another stream): the already-applied check of a command, without reading the stream.
   */
  findEvent(streamId: string, eventId: string): Promise<{ revision: number; position: number } | undefined>;
  /** Events of all streams in global order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Position of the last event in the store, 0 when empty. */
  lastPosition(): Promise<number>;
  /**
   * Delivers every event after `options.after`, then every new one, in global order, one at a time
   * (the handler's promise is awaited before the next event).
   */
  subscribeToAll(handler: SubscriptionHandler, options: SubscribeOptions): Subscription;
  close(): Promise<void>;
}
