import { randomUUID } from 'node:crypto';
import type { EventMetadata, EventStore, NewEvent, RecordedEvent } from '../event-store.port';

export interface EventStoreHarness {
  open(): Promise<EventStore>;
  /** A second independent connection to the same store, if the adapter supports it. */
  openAnother?(): Promise<EventStore>;
  /** Close and reopen the same underlying storage. */
  reopen?(store: EventStore): Promise<EventStore>;
  cleanup?(): Promise<void>;
  /**
   * True when the adapter checks every event id against the whole store (SQLite). EventStoreDB
   * does not index ids: it recognises a retry only at its original expected revision and does
   * not notice an id reused in another stream, so those tests are skipped for it.
   */
  strictEventIds?: boolean;
}

/** Shared by the contract's parts: the store under test is opened in the suite's beforeAll. */
export interface ContractContext {
  harness: EventStoreHarness;
  store(): EventStore;
  /** Registers a store opened by a test so the suite closes it afterwards. */
  track(store: EventStore): EventStore;
  /** Reopens the store under test through `harness.reopen`; later tests use the reopened one. */
  reopen(): Promise<EventStore>;
}

/** Unique per call so the suite can run against a shared server and stores that are not empty. */
export function newStreamId(prefix = 'contract'): string {
  return `${prefix}-${randomUUID()}`;
}

export function newMetadata(overrides: Partial<EventMetadata> = {}): EventMetadata {
  return {
    actor: 'user:contract-test',
    municipality: '0630',
    correlationId: randomUUID(),
    causationId: randomUUID(),
    occurredAt: '2024-05-01T10:00:00.000Z',
    schemaVersion: 1,
    ...overrides,
  };
}

export function newEvent(overrides: Partial<NewEvent> = {}): NewEvent {
  return { eventId: randomUUID(), type: 'ContractTested', data: { n: 0 }, metadata: newMetadata(), ...overrides };
}

export function newEvents(count: number, type = 'ContractTested'): NewEvent[] {
  return Array.from({ length: count }, (_, n) => newEvent({ type, data: { n } }));
}

/** Events of the given streams only: a shared store may hold anything else. */
export async function readAllOf(store: EventStore, streamIds: readonly string[], after = 0): Promise<RecordedEvent[]> {
  const wanted = new Set(streamIds);
  return (await store.readAll({ after })).filter((event) => wanted.has(event.streamId));
}

export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Settles all appends and tells fulfilled from rejected without failing on the first rejection. */
export async function settle<T>(promises: ReadonlyArray<Promise<T>>): Promise<{ fulfilled: T[]; rejected: unknown[] }> {
  const results = await Promise.allSettled(promises);
  return {
    fulfilled: results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : [])),
    rejected: results.flatMap((result) => (result.status === 'rejected' ? [result.reason as unknown] : [])),
  };
}

/** Each promise's outcome, in order, as `{ fulfilled: value }` or `{ rejected: reason }`. */
export async function settleEach<T>(promises: ReadonlyArray<Promise<T>>): Promise<{ results: Array<{ fulfilled: T } | { rejected: unknown }> }> {
  const results = await Promise.allSettled(promises);
  return { results: results.map((result) => (result.status === 'fulfilled' ? { fulfilled: result.value } : { rejected: result.reason as unknown })) };
}
