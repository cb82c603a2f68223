import { PoolTopic, type PoolTopicMessage, type SharedProfile } from '@familybank/contracts';
import { draftMessage, topics, type Draft, type Message } from '@familybank/exchange';
import type { PublishedEntry } from '../federation/relay-store';

export type PoolChange =
  /** Publish the profile; once the exchange accepted it, `published` is what the relay remembers. */
  | { kind: 'publish'; draft: Draft<PoolTopicMessage>; published: PublishedEntry }
  /** Delete the family from partners' pools; once accepted, the relay forgets it was published. */
  | { kind: 'withdraw'; tombstone: Message };

/**
 * What the pool topic needs after a family changed: its profile when it may be shared (unless
 * this very version is out already), a tombstone when it may no longer be shared but was
 * published, or nothing. `profile` is what may be shared now (see @familybank/anonymize).
 */
export function poolChange(own: string, familyId: string, profile: SharedProfile | undefined, published: PublishedEntry | undefined): PoolChange | undefined {
  if (profile) {
    if (published?.version === profile.version) return undefined;
    const draft = draftMessage(PoolTopic, own, { type: 'SharedProfilePublished', schemaVersion: 1, payload: profile });
    return { kind: 'publish', draft, published: { pseudonym: profile.pseudonym, familyId, version: profile.version } };
  }
  return published ? { kind: 'withdraw', tombstone: poolTombstone(own, published.pseudonym) } : undefined;
}

/** A null value under the pseudonym: compaction removes the family from every partner's pool. The relay signs it (signTombstone) before it leaves. */
export function poolTombstone(own: string, pseudonym: string): Message {
  return { topic: topics.pool(own), key: pseudonym, value: null };
}
