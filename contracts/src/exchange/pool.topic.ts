import { defineMessage, defineTopic, type TopicMessage, type TopicMessageInput } from './topic';
import { Pseudonym, SharedProfile } from './pool.schemas';

/**
 * familybank.<owner>.pool.v1, compacted: the latest shared profile of each family, or a tombstone
 * (a null value, no envelope) once the family may no longer be shared.
 */
export const PoolTopic = defineTopic({
  kind: 'pool',
  /** The family's pseudonym: compaction keeps its latest profile. */
  key: Pseudonym,
  messages: [defineMessage('SharedProfilePublished', 1, SharedProfile, (profile) => profile.pseudonym)],
});
export type PoolTopicMessage = TopicMessage<typeof PoolTopic>;
export type PoolTopicMessageInput = TopicMessageInput<typeof PoolTopic>;

/** What a pool consumer understands: the value of familybank.<code>.pool.v1 (key: pseudonym). */
export const POOL_PAYLOADS = PoolTopic.payloads;
