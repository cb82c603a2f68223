import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { DeliveredMessage, ExchangeSubscription, MessageHandler, SubscribeOptions } from '../exchange.port';

const BATCH_SIZE = 500;

/** What a consumer needs from the storage; synchronous because better-sqlite3 is. */
export interface ConsumerStorage {
  /** The group's next offset to handle in the topic, undefined if it never committed one. */
  committedOffset(groupId: string, topic: string): number | undefined;
  /** Messages with offset >= `from`, in offset order, at most `limit`. */
  read(topic: string, from: number, limit: number): DeliveredMessage[];
  commit(groupId: string, topic: string, nextOffset: number): void;
}

export interface PollingConsumerOptions extends SubscribeOptions {
  handler: MessageHandler;
  storage: ConsumerStorage;
  pollIntervalMs: number;
  onClosed(consumer: PollingConsumer): void;
}

/**
 * One consumer of a group: reads each topic from its position in batches, hands messages to the
 * handler one at a time (over all its topics, so a handler never runs concurrently with itself),
 * and commits after each handled message. Once caught up it sleeps until the exchange wakes it
 * after a local publish, or until the poll interval elapses (how publishes made by another
 * connection are noticed).
 */
export class PollingConsumer implements ExchangeSubscription {
  private closed = false;
  private woken = false;
  private wakeUp: (() => void) | undefined;
  /** Next offset to deliver, per topic still being delivered. */
  private readonly positions = new Map<string, number>();

  constructor(private readonly options: PollingConsumerOptions) {
    for (const topic of new Set(options.topics)) {
      const committed = options.from === 'committed' ? options.storage.committedOffset(options.groupId, topic) : undefined;
      this.positions.set(topic, committed ?? 0);
    }
    void this.run();
  }

  get groupId(): string {
    return this.options.groupId;
  }

  /** True while this consumer may still deliver the topic (not closed, not stopped by an error). */
  isConsuming(topic: string): boolean {
    return !this.closed && this.positions.has(topic);
  }

  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  close(): Promise<void> {
    // Every delivery and commit re-checks `closed`, so nothing happens once this returns, without
    // waiting for a handler in flight (which may be the caller). That handler's message is not
    // committed, so the group gets it again: what a consumer crash would do.
    this.stop();
    return Promise.resolve();
  }

  private async run(): Promise<void> {
    // Let subscribe return before the first handler call.
    await Promise.resolve();
    try {
      await this.deliverUntilClosed();
    } catch (error) {
      if (this.closed) return;
      this.stop();
      this.options.onError?.(error);
    }
  }

  private async deliverUntilClosed(): Promise<void> {
    while (!this.closed && this.positions.size > 0) {
      let fullBatch = false;
      for (const [topic, from] of [...this.positions]) {
        const batch = this.options.storage.read(topic, from, BATCH_SIZE);
        const deliveredAll = await this.deliver(topic, batch);
        if (this.closed) return;
        fullBatch ||= deliveredAll && batch.length === BATCH_SIZE;
      }
      if (fullBatch) await yieldToEventLoop(); // a long catch-up must not starve timers and I/O
      else await this.sleep();
    }
    // Every topic failed: nothing left to deliver, so release the group's claim on them.
    this.stop();
  }

  /** False when delivery of the batch stopped early (closed, or the handler failed). */
  private async deliver(topic: string, batch: readonly DeliveredMessage[]): Promise<boolean> {
    for (const message of batch) {
      if (this.closed) return false;
      try {
        await this.options.handler(message);
      } catch (error) {
        if (this.closed) return false;
        this.positions.delete(topic);
        this.options.onError?.(error, message);
        return false;
      }
      if (this.closed) return false;
      this.options.storage.commit(this.options.groupId, topic, message.offset + 1);
      this.positions.set(topic, message.offset + 1);
    }
    return true;
  }

  private sleep(): Promise<void> {
    if (this.woken || this.closed) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wakeUp?.(), this.options.pollIntervalMs);
      this.wakeUp = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        this.woken = false;
        resolve();
      };
    });
  }

  private stop(): void {
    if (this.closed) return;
    this.closed = true;
    this.wakeUp?.();
    this.options.onClosed(this);
  }
}
