import { ConfigResourceTypes, type Admin } from 'kafkajs';
import { TopicConfigurationError, UnknownTopicError } from '../errors';
import { assertValidTopicName, type TopicOptions } from '../exchange.port';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Every topic: the broker stamps the time it accepted a record (the port's `timestamp`), not the
 * producer's clock.
 */
export const TOPIC_DEFAULTS: Readonly<Record<string, string>> = {
  'message.timestamp.type': 'LogAppendTime',
};

/**
 * Compacted topics (the pool). The cleaner only compacts closed segments, so segments roll hourly
 * and a tenth of superseded records is enough to start it; tombstones stay a week, so a partner
 * node that was down for less than that still learns of a withdrawal.
 */
export const COMPACTED_TOPIC_DEFAULTS: Readonly<Record<string, string>> = {
  'min.cleanable.dirty.ratio': '0.1',
  'segment.ms': String(HOUR_MS),
  'delete.retention.ms': String(7 * 24 * HOUR_MS),
};

export interface TopicSettings {
  replicationFactor: number;
  /** Added to (and overriding) TOPIC_DEFAULTS for every topic, e.g. `min.insync.replicas`. */
  topicConfig?: Record<string, string>;
  /** Added to (and overriding) COMPACTED_TOPIC_DEFAULTS for compacted topics. */
  compactedTopicConfig?: Record<string, string>;
}

/**
 * Creates topics and remembers which exist. One partition per topic, as the port's model has:
 * the offset orders the whole topic, so every key keeps its order and the directory its total
 * order. `cleanup.policy` follows `compacted` and cannot be overridden.
 */
export class KafkaTopics {
  /** Topics known to exist, with their compaction once ensured or described. */
  private readonly compaction = new Map<string, boolean | undefined>();

  constructor(
    private readonly admin: Admin,
    private readonly settings: TopicSettings,
  ) {}

  /** The configuration a topic is created with. */
  configFor(compacted: boolean): Record<string, string> {
    return compacted
      ? { ...TOPIC_DEFAULTS, ...this.settings.topicConfig, ...COMPACTED_TOPIC_DEFAULTS, ...this.settings.compactedTopicConfig, 'cleanup.policy': 'compact' }
      : { ...TOPIC_DEFAULTS, ...this.settings.topicConfig, 'cleanup.policy': 'delete' };
  }

  async ensure(topic: string, { compacted }: TopicOptions): Promise<void> {
    assertValidTopicName(topic);
    let actual = this.compaction.get(topic);
    if (actual === undefined) {
      const configEntries = Object.entries(this.configFor(compacted)).map(([name, value]) => ({ name, value }));
      let created: boolean;
      try {
        // False when the topic already exists (created by another node, or before a restart).
        created = await this.admin.createTopics({
          topics: [{ topic, numPartitions: 1, replicationFactor: this.settings.replicationFactor, configEntries }],
          waitForLeaders: true,
        });
      } catch (error) {
        // With broker ACLs a node may create only its own topics: a partner's topic it may read
        // is refused even when it exists. Existing (and visible) is what a reader needs.
        if (!isAuthorizationFailure(error)) throw error;
        await this.assertExist([topic]);
        created = false;
      }
      actual = created ? compacted : await this.describeCompaction(topic);
      this.compaction.set(topic, actual);
    }
    if (actual !== compacted) throw new TopicConfigurationError(topic, actual);
  }

  /** Fails with UnknownTopicError for the first topic that does not exist (the broker never auto-creates ours). */
  async assertExist(topics: Iterable<string>): Promise<void> {
    const unknown = [...new Set(topics)].filter((topic) => !this.compaction.has(topic));
    if (unknown.length === 0) return;
    const existing = new Set(await this.admin.listTopics());
    for (const topic of unknown) {
      if (!existing.has(topic)) throw new UnknownTopicError(topic);
      this.compaction.set(topic, this.compaction.get(topic));
    }
  }

  /** The earliest retained offset of every partition of the topic. */
  async earliestOffsets(topic: string): Promise<Map<number, string>> {
    const offsets = await this.admin.fetchTopicOffsets(topic);
    return new Map(offsets.map(({ partition, low }) => [partition, low]));
  }

  private async describeCompaction(topic: string): Promise<boolean> {
    // Needs DescribeConfigs on the topic, which broker ACLs grant with read (see broker-acls).
    const { resources } = await this.admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configNames: ['cleanup.policy'] }],
    });
    const policy = resources[0]?.configEntries.find((entry) => entry.configName === 'cleanup.policy')?.configValue ?? 'delete';
    return policy.split(',').some((part) => part.trim() === 'compact');
  }
}

/** kafkajs reports a refused topic creation as an aggregate of per-topic errors. */
function isAuthorizationFailure(error: unknown): boolean {
  const errors = (error as { errors?: unknown[] } | undefined)?.errors;
  const all = Array.isArray(errors) && errors.length > 0 ? errors : [error];
  return all.every((each) => /AUTHORIZATION_FAILED$/.test(String((each as { type?: unknown } | undefined)?.type ?? '')));
}
