import type { AppendResult, EventStore, ExpectedRevision, NewEvent, ReadAllOptions, RecordedEvent, SubscribeOptions, Subscription, SubscriptionHandler } from '@familybank/event-store';
import type { KeyStore } from './key-store';
import { decryptEventData, encryptEventData } from './personal-data-codec';

/**
 * The event store as the application sees it: personal fields are encrypted on the way in, per
 * subject (PERSONAL_FIELDS), and decrypted on the way out, so the domain, projections and
 * workflows see plaintext and the stored log holds ciphertext. Once a subject's key is destroyed,
 * its fields read "[erased]". Wraps any adapter (SQLite, EventStoreDB).
 */
export class EncryptingEventStore implements EventStore {
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
    return this.inner.appendToStream(streamId, sealed, options);
  }

  async readStream(streamId: string, options?: { fromRevision?: number }): Promise<RecordedEvent[]> {
    return this.openAll(await this.inner.readStream(streamId, options));
  }

  findEvent(streamId: string, eventId: string): Promise<{ revision: number; position: number } | undefined> {
    return this.inner.findEvent(streamId, eventId);
  }

  async readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.openAll(await this.inner.readAll(options));
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
