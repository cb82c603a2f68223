/** Publishing to a topic nobody created: topics are created explicitly, with their compaction setting. */
export class UnknownTopicError extends Error {
  constructor(readonly topic: string) {
    super(`Topic ${topic} does not exist; create it with ensureTopic first`);
    this.name = 'UnknownTopicError';
  }
}

/** `ensureTopic` found the topic with another compaction setting: changing it silently would change what readers see. */
export class TopicConfigurationError extends Error {
  constructor(
    readonly topic: string,
    readonly compacted: boolean,
  ) {
    super(`Topic ${topic} already exists with compacted=${compacted}`);
    this.name = 'TopicConfigurationError';
  }
}

/** A second subscription of the same group to the same topic in one process would deliver every message twice. */
export class GroupAlreadySubscribedError extends Error {
  constructor(
    readonly groupId: string,
    readonly topic: string,
  ) {
    super(`Group ${groupId} already has an open subscription to ${topic}`);
    this.name = 'GroupAlreadySubscribedError';
  }
}
