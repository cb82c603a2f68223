import type { AppendResult, EventStore, ExpectedRevision, NewEvent, ReadAllOptions, RecordedEvent, SubscribeOptions, Subscription, SubscriptionHandler } from '@familybank/event-store';
import type { KeyStore } from './key-store';
import { decryptEventData, encryptEventData } from './personal-data-codec';
import { RecentlyOpened } from './recently-opened';

/**
 * The event store as the application sees it: personal fields are encrypted on the way in, per
 * subject (PERSONAL_FIELDS), and decrypted on the way out, so the domain, projections and
 * workflows see plaintext and the stored log holds ciphertext. Once a subject's key is destroyed,
 * its fields read "[erased]". Wraps any adapter (SQLite, EventStoreDB).
 */
export class EncryptingEventStore implements EventStore {
  /** The newest events, opened once for all of the log's readers (see RecentlyOpened). */
  private readonly recent = new RecentlyOpened();
  /** Reads of the log under way, by the position they read after, with the appends completed when each began. */
  private readonly reading = new Map<number, { limit: number; appends: number; events: Promise<RecordedEvent[]> }>();
  /** Appends through this store that have completed: a read that began before one may miss its events. */
  private appendsCompleted = 0;

  constructor(
    private readonly inner: EventStore,
    private readonly keys: KeyStore,
  ) {}

  /** The log as stored (personal fields sealed): for readers of fields that are never personal. */
  get stored(): EventStore {
    return this.inner;
  }

  async appendToStream(streamId: string, events: readonly NewEvent[], options: { expectedRevision: ExpectedRevision }): Promise<AppendResult> {
    const sealed = await Promise.all(events.map(async (event) => ({ ...event, data: await encryptEventData(this.keys, streamId, event) })));
    try {
      return await this.inner.appendToStream(streamId, sealed, options);
    } finally {
      this.appendsCompleted++;
    }
  }

  async readStream(streamId: string, options?: { fromRevision?: number }): Promise<RecordedEvent[]> {
    return this.openAll(await this.inner.readStream(streamId, options));
  }

  findEvent(streamId: string, eventId: string): Promise<{ revision: number; position: number } | undefined> {
    return this.inner.findEvent(streamId, eventId);
  }

  /**
   * What is already opened comes from memory; only what follows it is read from the log and
   * decrypted (and kept for the next reader). The readers woken by one commit ask at the same
   * moment from the same position: they share one read instead of each reading and decrypting.
   * A read is shared only if no append completed since it began, so a reader always sees every
   * event whose append completed before it asked (a command's response waits for exactly that).
   */
  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.after ?? 0;
    const limit = options.limit ?? Number.POSITIVE_INFINITY;
    const cached = this.recent.after(after, limit) ?? [];
    if (cached.length === limit) return cached;
    const from = cached.length > 0 ? cached[cached.length - 1]!.position : after;
    const fresh = await this.readFrom(from, limit - cached.length);
    return cached.length > 0 ? cached.concat(fresh) : fresh;
  }

  private readFrom(from: number, limit: number): Promise<RecordedEvent[]> {
    const inFlight = this.reading.get(from);
    if (inFlight && inFlight.limit >= limit && inFlight.appends === this.appendsCompleted) return inFlight.events.then((events) => events.slice(0, limit));
    const token = this.recent.begin();
    const appends = this.appendsCompleted;
    const events = this.inner
      .readAll(Number.isFinite(limit) ? { after: from, limit } : { after: from })
      .then((stored) => this.openAll(stored))
      .then((opened) => {
        this.recent.add(token, from, opened);
        return opened;
      });
    const read = { limit, appends, events };
    this.reading.set(from, read);
    const done = () => {
      if (this.reading.get(from) === read) this.reading.delete(from);
    };
    events.then(done, done);
    return events;
  }

  /**
   * Drops every decrypted event kept in memory: called once a subject's key is destroyed, so the
   * erased values are read nowhere again, not even from a cache.
   */
  forgetOpened(): void {
    this.recent.forget();
    this.reading.clear();
  }

  lastPosition(): Promise<number> {
    return this.inner.lastPosition();
  }

  subscribeToAll(handler: SubscriptionHandler, options: SubscribeOptions): Subscription {
    return this.inner.subscribeToAll(async (event) => handler(await this.open(event)), options);
  }

  /** Closes the key store with the log: nothing reads or writes personal fields after. */
  async close(): Promise<void> {
    await this.inner.close();
    this.keys.close();
  }

  private openAll(events: RecordedEvent[]): Promise<RecordedEvent[]> {
    return Promise.all(events.map((event) => this.open(event)));
  }

  private async open(event: RecordedEvent): Promise<RecordedEvent> {
    const data = await decryptEventData(this.keys, event.streamId, event);
    return data === event.data ? event : { ...event, data };
  }
}
