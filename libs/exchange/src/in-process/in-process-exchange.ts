import type Database from 'better-sqlite3';
import { GroupAlreadySubscribedError, TopicConfigurationError, UnknownTopicError } from '../errors';
import {
  assertValidMessage,
  assertValidTopicName,
  type DeliveredMessage,
  type Exchange,
  type ExchangeSubscription,
  type Message,
  type MessageHandler,
  type SubscribeOptions,
  type TopicOptions,
} from '../exchange.port';
import { openExchangeDatabase, prepareStatements, toDeliveredMessage, type Statements, type SynchronousMode } from './exchange-schema';
import { PollingConsumer, type ConsumerStorage } from './polling-consumer';

export interface InProcessExchangeOptions {
  /** A file path, or ':memory:' for a private exchange that ends with the process. */
  filename: string;
  /** FULL (default) makes an accepted publish survive power loss; NORMAL may lose the latest then. */
  synchronous?: SynchronousMode;
  /** How often caught-up consumers look for messages published through other connections. */
  pollIntervalMs?: number;
}

/**
 * The embedded default exchange: topics, messages and committed group offsets in one SQLite file,
 * so a restarted consumer resumes where its group left off, and several processes (nodes of a
 * demo, tests) can share one file.
 *
 * Compaction happens on write: publishing to a compacted topic deletes the earlier records of the
 * same key in the same transaction, so a reader from the beginning gets exactly the latest record
 * per key (Kafka gets there lazily). Tombstones are kept, so that a consumer that had read the key
 * before learns of its deletion; they cost one row per deleted key.
 */
export class InProcessExchange implements Exchange {
  private readonly statements: Statements;
  private readonly publishTransaction: Database.Transaction<(messages: readonly Message[], timestamp: string) => void>;
  private readonly consumers = new Set<PollingConsumer>();
  private readonly storage: ConsumerStorage;
  private closed = false;

  private constructor(
    private readonly db: Database.Database,
    private readonly pollIntervalMs: number,
  ) {
    this.statements = prepareStatements(db);
    this.publishTransaction = db.transaction((messages: readonly Message[], timestamp: string) => this.publishLocked(messages, timestamp));
    this.storage = {
      committedOffset: (groupId, topic) => this.committedOffset(groupId, topic),
      read: (topic, from, limit) => this.statements.read.all(topic, from, limit).map((row) => toDeliveredMessage(topic, row)),
      commit: (groupId, topic, nextOffset) => this.statements.commit.run(groupId, topic, nextOffset, new Date().toISOString()),
    };
  }

  static open(options: InProcessExchangeOptions): InProcessExchange {
    return new InProcessExchange(openExchangeDatabase(options.filename, options.synchronous), options.pollIntervalMs ?? 100);
  }

  async ensureTopic(topic: string, { compacted }: TopicOptions): Promise<void> {
    this.assertOpen();
    assertValidTopicName(topic);
    // IMMEDIATE so that two processes ensuring the same topic cannot both find it missing.
    this.db
      .transaction(() => {
        const existing = this.statements.topic.get(topic);
        if (!existing) this.statements.createTopic.run(topic, compacted ? 1 : 0, new Date().toISOString());
        else if (Boolean(existing.compacted) !== compacted) throw new TopicConfigurationError(topic, Boolean(existing.compacted));
      })
      .immediate();
  }

  async publish(messages: readonly Message[]): Promise<void> {
    this.assertOpen();
    messages.forEach(assertValidMessage);
    if (messages.length === 0) return;
    // One transaction for the whole call: either every message is accepted or none is.
    this.publishTransaction.immediate(messages, new Date().toISOString());
    this.consumers.forEach((consumer) => consumer.wake());
  }

  async subscribe(options: SubscribeOptions, handler: MessageHandler): Promise<ExchangeSubscription> {
    this.assertOpen();
    if (options.topics.length === 0) throw new Error('Subscribe to at least one topic');
    options.topics.forEach(assertValidTopicName);
    for (const topic of options.topics) {
      const taken = [...this.consumers].some((consumer) => consumer.groupId === options.groupId && consumer.isConsuming(topic));
      if (taken) throw new GroupAlreadySubscribedError(options.groupId, topic);
    }
    const consumer = new PollingConsumer({
      ...options,
      handler,
      storage: this.storage,
      pollIntervalMs: this.pollIntervalMs,
      onClosed: (closed) => this.consumers.delete(closed),
    });
    this.consumers.add(consumer);
    return consumer;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.consumers].map((consumer) => consumer.close()));
    this.db.close();
  }

  /** The group's next offset to handle in the topic (Kafka's committed offset); undefined if none. */
  committedOffset(groupId: string, topic: string): number | undefined {
    return this.statements.committed.get(groupId, topic)?.next_offset;
  }

  /** Every retained message of the topic, in offset order: for tests and diagnostics. */
  read(topic: string, options: { from?: number; limit?: number } = {}): DeliveredMessage[] {
    return this.storage.read(topic, options.from ?? 0, options.limit ?? -1);
  }

  /** The connection's settings as SQLite reports them, for health checks and tests. */
  settings(): { journalMode: string; synchronous: string } {
    const synchronousModes = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];
    return {
      journalMode: String(this.db.pragma('journal_mode', { simple: true })),
      synchronous: synchronousModes[Number(this.db.pragma('synchronous', { simple: true }))],
    };
  }

  /** Runs inside the write transaction, so offsets are handed out by one writer at a time. */
  private publishLocked(messages: readonly Message[], timestamp: string): void {
    const topics = new Map<string, { compacted: boolean; nextOffset: number }>();
    for (const message of messages) {
      let topic = topics.get(message.topic);
      if (!topic) {
        const row = this.statements.topic.get(message.topic);
        if (!row) throw new UnknownTopicError(message.topic);
        topic = { compacted: Boolean(row.compacted), nextOffset: row.next_offset };
        topics.set(message.topic, topic);
      }
      const offset = topic.nextOffset++;
      const headers = message.headers && Object.keys(message.headers).length > 0 ? JSON.stringify(message.headers) : null;
      this.statements.insertMessage.run(message.topic, offset, message.key, message.value, headers, timestamp);
      if (topic.compacted) this.statements.deleteSuperseded.run(message.topic, message.key, offset);
    }
    topics.forEach((topic, name) => this.statements.advanceTopic.run(topic.nextOffset, name));
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('The exchange is closed');
  }
}
