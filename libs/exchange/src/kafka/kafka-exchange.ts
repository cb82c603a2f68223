import { Kafka, Partitioners, type Admin, type KafkaConfig, type Producer } from 'kafkajs';
import { GroupAlreadySubscribedError } from '../errors';
import {
  assertValidMessage,
  assertValidTopicName,
  type Exchange,
  type ExchangeSubscription,
  type Message,
  type MessageHandler,
  type SubscribeOptions,
  type TopicOptions,
} from '../exchange.port';
import { groupByTopic, kafkaLogging, type KafkaLogEntry, type KafkaLogLevel } from './kafka-messages';
import { KafkaSubscription } from './kafka-subscription';
import { KafkaTopics, type TopicSettings } from './kafka-topics';

export type { KafkaLogEntry, KafkaLogLevel } from './kafka-messages';

export interface KafkaExchangeOptions extends Partial<TopicSettings> {
  brokers: string[];
  /** Names this node in the brokers' logs and quotas. */
  clientId: string;
  /** TLS and SASL for production brokers, passed to kafkajs unchanged. */
  ssl?: KafkaConfig['ssl'];
  sasl?: KafkaConfig['sasl'];
  /** How long a fetch may wait on the broker for new messages (default 1000); it bounds how long closing a consumer takes. */
  maxWaitTimeInMs?: number;
  /** A consumer silent for this long leaves its group (kafkajs default 30000). */
  sessionTimeoutMs?: number;
  /** How long `close` waits for consumers whose handler is still running (default 10000). */
  shutdownTimeoutMs?: number;
  /** Receives kafkajs's log at `logLevel` and above; without it kafkajs logs nothing. */
  log?: (entry: KafkaLogEntry) => void;
  logLevel?: KafkaLogLevel;
}

/** What the producer guarantees; checked by the adapter's tests. */
export interface ProducerSettings {
  idempotent: boolean;
  maxInFlightRequests: number;
  acks: number;
}

const PRODUCER = { idempotent: true, maxInFlightRequests: 1, acks: -1 } as const;

/**
 * The production exchange: Apache Kafka through kafkajs (DESIGN §5).
 *
 * - Topics have one partition (per-key order, the directory's total order) and are created
 *   explicitly; the pool is log-compacted. Nothing is auto-created: publishing to or subscribing
 *   to a missing topic fails with UnknownTopicError.
 * - One idempotent producer (acks from all in-sync replicas, one request in flight): a retried send
 *   neither duplicates nor reorders. A publish resolves once every message is acknowledged; across
 *   topics it is not atomic (a failed call may have been partly accepted), which consumers
 *   absorb by being idempotent by message id.
 * - Each subscription is a consumer in its group, committing after each handled message.
 */
export class KafkaExchange implements Exchange {
  private readonly subscriptions = new Set<KafkaSubscription>();
  private closed = false;

  private constructor(
    private readonly kafka: Kafka,
    private readonly admin: Admin,
    private readonly producer: Producer,
    private readonly topics: KafkaTopics,
    private readonly options: KafkaExchangeOptions,
  ) {}

  static async connect(options: KafkaExchangeOptions): Promise<KafkaExchange> {
    const kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      ssl: options.ssl,
      sasl: options.sasl,
      ...kafkaLogging(options.log, options.logLevel),
    });
    const admin = kafka.admin();
    const producer = kafka.producer({
      idempotent: PRODUCER.idempotent,
      maxInFlightRequests: PRODUCER.maxInFlightRequests,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    try {
      await admin.connect();
      await producer.connect();
    } catch (error) {
      await Promise.allSettled([producer.disconnect(), admin.disconnect()]);
      throw error;
    }
    const topics = new KafkaTopics(admin, { ...options, replicationFactor: options.replicationFactor ?? 1 });
    return new KafkaExchange(kafka, admin, producer, topics, options);
  }

  async ensureTopic(topic: string, options: TopicOptions): Promise<void> {
    this.assertOpen();
    await this.topics.ensure(topic, options);
  }

  async publish(messages: readonly Message[]): Promise<void> {
    this.assertOpen();
    messages.forEach(assertValidMessage);
    if (messages.length === 0) return;
    // Checked first: the idempotent producer would retry a missing topic forever.
    await this.topics.assertExist(messages.map((message) => message.topic));
    await this.producer.sendBatch({ acks: PRODUCER.acks, topicMessages: groupByTopic(messages) });
  }

  async subscribe(options: SubscribeOptions, handler: MessageHandler): Promise<ExchangeSubscription> {
    this.assertOpen();
    if (options.topics.length === 0) throw new Error('Subscribe to at least one topic');
    options.topics.forEach(assertValidTopicName);
    for (const topic of options.topics) {
      const taken = [...this.subscriptions].some((subscription) => subscription.groupId === options.groupId && subscription.holds(topic));
      if (taken) throw new GroupAlreadySubscribedError(options.groupId, topic);
    }
    const subscription = new KafkaSubscription(this.kafka, {
      ...options,
      handler,
      consumerConfig: { maxWaitTimeInMs: this.options.maxWaitTimeInMs ?? 1_000, sessionTimeout: this.options.sessionTimeoutMs },
      onDisconnected: (done) => this.subscriptions.delete(done),
    });
    // Claimed before the first await, so two concurrent calls for one group cannot both pass the check.
    this.subscriptions.add(subscription);
    try {
      await this.topics.assertExist(options.topics);
      await subscription.start(options.from === 'beginning' ? await this.earliestOffsets(options.topics) : undefined);
    } catch (error) {
      this.subscriptions.delete(subscription);
      throw error;
    }
    return subscription;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    const subscriptions = [...this.subscriptions];
    await Promise.all(subscriptions.map((subscription) => subscription.close()));
    // Graceful: consumers leave their groups once their handler in flight returned, within bounds.
    await withinMs(Promise.all(subscriptions.map((subscription) => subscription.disconnected())), this.options.shutdownTimeoutMs ?? 10_000);
    await Promise.allSettled([this.producer.disconnect(), this.admin.disconnect()]);
  }

  producerSettings(): ProducerSettings {
    return { idempotent: this.producer.isIdempotent(), maxInFlightRequests: PRODUCER.maxInFlightRequests, acks: PRODUCER.acks };
  }

  private async earliestOffsets(topics: readonly string[]): Promise<Map<string, Map<number, string>>> {
    const unique = [...new Set(topics)];
    return new Map(await Promise.all(unique.map(async (topic) => [topic, await this.topics.earliestOffsets(topic)] as const)));
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The exchange is closed');
  }
}

async function withinMs(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  try {
    await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
