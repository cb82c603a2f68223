/**
 * The exchange port: how municipalities publish and read integration messages (DESIGN §5).
 * Adapters (in-process SQLite embedded default, Kafka in production) implement it and must pass
 * the shared contract suite in `./contract/exchange.contract.ts`.
 *
 * The model is Kafka's, reduced to what we use: named topics, messages with a key, order kept
 * per key, consumer groups whose committed offsets survive restarts, at-least-once delivery.
 */

export interface Message {
  topic: string;
  /** Order is kept per key; compacted topics keep the latest value per key. Never empty. */
  key: string;
  /** `null` is a tombstone: on a compacted topic it deletes the key. */
  value: string | null;
  headers?: Record<string, string>;
}

export interface DeliveredMessage extends Message {
  /** Always present when delivered (`{}` when none were published), as Kafka reports them. */
  headers: Record<string, string>;
  /** Position in the topic: increasing, 0-based, with gaps where compaction removed records. */
  offset: number;
  /** ISO-8601 time at which the exchange accepted the message. */
  timestamp: string;
}

export interface TopicOptions {
  /** Log-compacted: a reader from the beginning ends with the latest value of every key. */
  compacted: boolean;
}

/**
 * - `'beginning'`: read every retained message, whatever the group committed before (bootstrap,
 *   rebuild); the group commits as it goes.
 * - `'committed'`: resume after the group's committed offset, or from the beginning if it has none.
 */
export type StartFrom = 'beginning' | 'committed';

export interface SubscribeOptions {
  groupId: string;
  topics: readonly string[];
  from: StartFrom;
  /**
   * Called when the handler throws (with the message it failed on) or the adapter fails. Delivery
   * of that message's topic stops for this subscription and its offset is not committed, so the
   * group gets the message again when it subscribes again from `'committed'`.
   */
  onError?: (error: unknown, failed?: DeliveredMessage) => void;
}

export type MessageHandler = (message: DeliveredMessage) => void | Promise<void>;

export interface ExchangeSubscription {
  /**
   * Stops delivery: resolves when nothing more will be delivered or committed by this
   * subscription. It does not wait for a handler in flight (the caller may be that handler);
   * whether that message gets committed is up to the adapter, so it may be delivered again.
   */
  close(): Promise<void>;
}

export interface Exchange {
  /** Creates the topic if missing. Fails if it exists with a different compaction setting. */
  ensureTopic(topic: string, options: TopicOptions): Promise<void>;
  /**
   * Resolves once the messages are durably accepted. Messages of one key keep the order of the
   * array and of successive (awaited) calls. Publishing to a topic that does not exist fails.
   */
  publish(messages: readonly Message[]): Promise<void>;
  /**
   * Delivers the topics' messages in order per topic, one at a time: the handler's promise is
   * awaited, and only then is the group's offset committed past the message (at-least-once: a
   * crash or close while handling means the message is delivered again). New messages keep being
   * delivered until `close`. Resolves once the subscription is set up.
   */
  subscribe(options: SubscribeOptions, handler: MessageHandler): Promise<ExchangeSubscription>;
  /** Closes every subscription and the connection. */
  close(): Promise<void>;
}

/** Kafka's rule for topic names, kept by every adapter so a name that works here works there. */
const TOPIC_NAME = /^[A-Za-z0-9._-]{1,249}$/;

export function assertValidTopicName(topic: string): void {
  if (!TOPIC_NAME.test(topic)) throw new Error(`Invalid topic name "${topic}": use 1–249 letters, digits, ".", "_" or "-"`);
}

/** Checks the shape adapters rely on before anything is written. */
export function assertValidMessage(message: Message): void {
  assertValidTopicName(message.topic);
  if (typeof message.key !== 'string' || message.key.length === 0) throw new Error(`A message on ${message.topic} needs a non-empty key`);
  if (message.value !== null && typeof message.value !== 'string') throw new Error(`The value of ${message.topic}/${message.key} must be a string or null`);
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    if (typeof value !== 'string') throw new Error(`Header ${name} of ${message.topic}/${message.key} must be a string`);
  }
}
