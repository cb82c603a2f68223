import type { DeliveredMessage, Exchange, ExchangeSubscription, Message, MessageHandler, SubscribeOptions, TopicOptions } from './exchange.port';

/**
 * Runs the federation in a namespace of a shared broker: every topic and consumer group gets the
 * prefix on the way in and loses it on the way out, so callers keep using the topic names of
 * DESIGN §5. Lets test runs (or a staging federation) share one broker without seeing each other.
 */
export class NamespacedExchange implements Exchange {
  constructor(
    private readonly inner: Exchange,
    private readonly namespace: string,
  ) {
    if (!/^[A-Za-z0-9_-]{1,40}$/.test(namespace)) throw new Error(`Invalid exchange namespace "${namespace}"`);
  }

  ensureTopic(topic: string, options: TopicOptions): Promise<void> {
    return this.inner.ensureTopic(this.outer(topic), options);
  }

  publish(messages: readonly Message[]): Promise<void> {
    return this.inner.publish(messages.map((message) => ({ ...message, topic: this.outer(message.topic) })));
  }

  subscribe(options: SubscribeOptions, handler: MessageHandler): Promise<ExchangeSubscription> {
    const strip = (message: DeliveredMessage): DeliveredMessage => ({ ...message, topic: message.topic.slice(this.namespace.length + 1) });
    return this.inner.subscribe(
      {
        ...options,
        groupId: this.outer(options.groupId),
        topics: options.topics.map((topic) => this.outer(topic)),
        onError: options.onError && ((error, failed) => options.onError!(error, failed && strip(failed))),
      },
      (message) => handler(strip(message)),
    );
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private outer(name: string): string {
    return `${this.namespace}.${name}`;
  }
}
