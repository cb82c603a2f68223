import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { RecordedEvent, SubscribeOptions, Subscription, SubscriptionHandler } from '../event-store.port';

const BATCH_SIZE = 500;

export interface PollingSubscriptionOptions extends SubscribeOptions {
  handler: SubscriptionHandler;
  /** Events with position > `after`, in global order, at most `limit` of them. */
  read(after: number, limit: number): Promise<RecordedEvent[]>;
  pollIntervalMs: number;
  onClosed(subscription: PollingSubscription): void;
}

/**
 * Catch-up subscription over a store that can only be read: it reads in batches from its
 * checkpoint and, once caught up, sleeps until woken by a local commit or until the poll
 * interval elapses (which is how appends made by other processes are noticed).
 */
export class PollingSubscription implements Subscription {
  private closed = false;
  private woken = false;
  private wakeUp: (() => void) | undefined;
  private checkpoint: number;

  constructor(private readonly options: PollingSubscriptionOptions) {
    this.checkpoint = options.after;
    void this.run();
  }

  /** The store calls this right after a commit so local appends skip the poll delay. */
  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  close(): Promise<void> {
    // Every delivery re-checks `closed` first, so nothing is delivered once this returns,
    // without waiting for an in-flight handler (which may itself be the caller).
    this.stop();
    return Promise.resolve();
  }

  private async run(): Promise<void> {
    // Let subscribeToAll return before the first handler call.
    await Promise.resolve();
    try {
      await this.deliverForever();
    } catch (error) {
      if (this.closed) return;
      this.stop();
      this.options.onError?.(error);
    }
  }

  private async deliverForever(): Promise<void> {
    while (!this.closed) {
      const batch = await this.options.read(this.checkpoint, BATCH_SIZE);
      for (const event of batch) {
        if (this.closed) return;
        await this.options.handler(event);
        this.checkpoint = event.position;
      }
      if (batch.length < BATCH_SIZE) await this.sleep();
      else await yieldToEventLoop(); // a long catch-up must not starve timers and I/O
    }
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
