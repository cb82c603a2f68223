import type { Consumer, ConsumerConfig, EachMessagePayload, IMemberAssignment, Kafka } from 'kafkajs';
import type { DeliveredMessage, ExchangeSubscription, MessageHandler, SubscribeOptions } from '../exchange.port';
import { toDeliveredMessage } from './kafka-messages';

export interface KafkaSubscriptionOptions extends SubscribeOptions {
  handler: MessageHandler;
  consumerConfig: Omit<ConsumerConfig, 'groupId'>;
  /** Called once its consumer left the group and disconnected. */
  onDisconnected(subscription: KafkaSubscription): void;
}

/**
 * One kafkajs consumer in the subscription's group. Messages are handled one at a time (one
 * partition is consumed at a time) and the offset past a message is committed only after its
 * handler resolved (`autoCommit: false`), so a crash or close mid-handler redelivers it.
 *
 * Commits run beside the handler rather than before the next message: the broker's group
 * coordinator lingers ~5 ms per write, which would cap a consumer at ~200 messages a second.
 * While one commit is in flight, newer offsets wait and go in the next one, so the committed
 * offset never passes a message whose handler has not resolved. Stopping flushes them first.
 *
 * `'beginning'` seeks every partition to its earliest retained offset the first time the group
 * assigns it to this consumer, whatever the group committed; `'committed'` resumes from the
 * group's offsets, or from the earliest for a group that has none (`fromBeginning`).
 */
export class KafkaSubscription implements ExchangeSubscription {
  private readonly consumer: Consumer;
  private readonly topics: string[];
  private readonly failed = new Set<string>();
  private readonly positioned = new Set<string>();
  private started = false;
  private stopped = false;
  private handling = false;
  /** Offsets past handled messages, not committed yet, per `topic:partition`. */
  private readonly handled = new Map<string, { topic: string; partition: number; offset: string }>();
  private committing: Promise<void> | undefined;
  private commitError: unknown;
  private disconnecting: Promise<void> | undefined;

  constructor(
    kafka: Kafka,
    private readonly options: KafkaSubscriptionOptions,
  ) {
    this.topics = [...new Set(options.topics)];
    this.consumer = kafka.consumer({ ...options.consumerConfig, groupId: options.groupId, allowAutoTopicCreation: false });
  }

  get groupId(): string {
    return this.options.groupId;
  }

  /** True while this subscription holds the topic for its group (a failed topic stays paused, and held, until close). */
  holds(topic: string): boolean {
    return !this.stopped && this.topics.includes(topic);
  }

  /**
   * Joins the group and resolves once partitions are assigned. `earliest` holds, per topic, the
   * earliest offset of each partition: needed for `'beginning'` only.
   */
  async start(earliest?: ReadonlyMap<string, ReadonlyMap<number, string>>): Promise<void> {
    const { GROUP_JOIN, CRASH } = this.consumer.events;
    let setupError: Error | undefined;
    // Runs synchronously inside kafkajs's join, before the first fetch of this generation.
    this.consumer.on(GROUP_JOIN, ({ payload }) => {
      if (earliest) this.seekToBeginning(payload.memberAssignment, earliest);
    });
    this.consumer.on(CRASH, ({ payload }) => {
      if (payload.restart) return; // kafkajs rejoins by itself
      if (!this.started) setupError = payload.error;
      else if (!this.stopped) this.stop(payload.error);
    });
    try {
      await this.consumer.connect();
      await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
      await this.consumer.run({ autoCommit: false, eachMessage: (payload) => this.onMessage(payload) });
    } catch (error) {
      await this.consumer.disconnect().catch(() => undefined);
      throw error;
    }
    if (setupError) throw setupError;
    this.started = true;
  }

  async close(): Promise<void> {
    const disconnecting = this.stop();
    // Nothing is committed once close resolves (what was handled before is).
    await this.committing;
    // A handler in flight may be the caller: kafkajs's disconnect waits for it, so do not.
    if (!this.handling) await disconnecting;
  }

  /** Resolves once the consumer left the group, i.e. after any handler in flight returned. */
  disconnected(): Promise<void> {
    return this.disconnecting ?? Promise.resolve();
  }

  private async onMessage({ topic, partition, message }: EachMessagePayload): Promise<void> {
    if (this.stopped || this.failed.has(topic)) return;
    if (this.commitError !== undefined) {
      // To kafkajs, as a failed synchronous commit would be: it rejoins on a rebalance and
      // redelivers from the committed offset.
      const error = this.commitError;
      this.commitError = undefined;
      throw error;
    }
    const delivered = toDeliveredMessage(topic, message);
    this.handling = true;
    try {
      await this.options.handler(delivered);
    } catch (error) {
      if (!this.stopped) this.failTopic(topic, error, delivered);
      return;
    } finally {
      this.handling = false;
    }
    if (this.stopped) return;
    this.handled.set(`${topic}:${partition}`, { topic, partition, offset: (BigInt(message.offset) + 1n).toString() });
    this.committing ??= this.commitHandled();
  }

  /** Commits until nothing handled is left uncommitted; never rejects. */
  private async commitHandled(): Promise<void> {
    try {
      while (this.handled.size > 0) {
        const offsets = [...this.handled.values()];
        this.handled.clear();
        await this.consumer.commitOffsets(offsets);
      }
    } catch (error) {
      this.handled.clear(); // redelivered from the last commit that landed
      this.commitError = error;
    } finally {
      // Same tick as the last check of `handled`: a later offset starts a new round.
      this.committing = undefined;
    }
  }

  private failTopic(topic: string, error: unknown, message: DeliveredMessage): void {
    this.failed.add(topic);
    this.consumer.pause([{ topic }]);
    this.options.onError?.(error, message);
    // Nothing left to deliver: leave the group so another subscription can take its partitions.
    if (this.topics.every((each) => this.failed.has(each))) void this.stop();
  }

  private seekToBeginning(assignment: IMemberAssignment, earliest: ReadonlyMap<string, ReadonlyMap<number, string>>): void {
    for (const [topic, partitions] of Object.entries(assignment)) {
      for (const partition of partitions) {
        const key = `${topic}:${partition}`;
        if (this.positioned.has(key)) continue; // a later rebalance resumes from the commits
        this.positioned.add(key);
        this.consumer.seek({ topic, partition, offset: earliest.get(topic)?.get(partition) ?? '0' });
      }
    }
  }

  private stop(error?: unknown): Promise<void> {
    if (!this.disconnecting) {
      this.stopped = true;
      if (error !== undefined) this.options.onError?.(error);
      // Not awaited here: called from inside eachMessage, the disconnect waits for it to return.
      // The handled offsets are committed first: kafkajs drops commits once the consumer stops.
      this.disconnecting = Promise.resolve(this.committing)
        .then(() => this.consumer.disconnect())
        .catch(() => undefined)
        .finally(() => this.options.onDisconnected(this));
    }
    return this.disconnecting;
  }
}
