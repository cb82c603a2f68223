import type { AllStreamSubscription } from '@eventstore/db-client';
import type { SubscribeOptions, Subscription, SubscriptionHandler } from '../event-store.port';
import { toRecordedEvent } from './eventstoredb-mapping';

/**
 * Adapts a server-side catch-up subscription: iterating the stream and awaiting the handler
 * before pulling the next event keeps delivery sequential and applies backpressure.
 */
export class EventStoreDbSubscription implements Subscription {
  private closed = false;

  constructor(
    private readonly source: AllStreamSubscription,
    private readonly handler: SubscriptionHandler,
    private readonly options: SubscribeOptions,
    private readonly onClosed: (subscription: EventStoreDbSubscription) => void,
  ) {
    void this.run();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.onClosed(this);
    await this.source.unsubscribe();
  }

  private async run(): Promise<void> {
    try {
      await this.deliver();
      if (!this.closed) throw new Error('The EventStoreDB subscription ended unexpectedly');
    } catch (error) {
      // Unsubscribing cancels the gRPC call, which surfaces here as an error to ignore.
      if (this.closed) return;
      await this.close().catch(() => undefined);
      this.options.onError?.(error);
    }
  }

  private async deliver(): Promise<void> {
    for await (const resolved of this.source) {
      if (this.closed) return;
      const event = toRecordedEvent(resolved);
      // The server starts after the checkpoint already; the check guards against an inclusive start.
      if (event === undefined || event.position <= this.options.after) continue;
      await this.handler(event);
    }
  }
}
