/**
 * Topic names (DESIGN §5). Each municipality writes only its own `familybank.<code>.*` topics and
 * reads those of its active partners; in production Kafka ACLs on these prefixes enforce it, so
 * the names are part of the security model and are built here only.
 */

export const MUNICIPALITY_TOPIC_KINDS = ['pool', 'requests', 'offers', 'disclosures'] as const;
export type MunicipalityTopicKind = (typeof MUNICIPALITY_TOPIC_KINDS)[number];

export const DIRECTORY_TOPIC = 'familybank.directory.v1';

/** Only the pool is compacted: a new partner bootstraps it by reading it from the start. */
const COMPACTED: Record<MunicipalityTopicKind, boolean> = { pool: true, requests: false, offers: false, disclosures: false };

const CODE = /^\d{4}$/;
const MUNICIPALITY_TOPIC = /^familybank\.(\d{4})\.(pool|requests|offers|disclosures)\.v1$/;

function topicOf(kind: MunicipalityTopicKind) {
  return (code: string): string => {
    if (!CODE.test(code)) throw new Error(`Expected a four-digit municipality code, got "${code}"`);
    return `familybank.${code}.${kind}.v1`;
  };
}

export const topics = {
  pool: topicOf('pool'),
  requests: topicOf('requests'),
  offers: topicOf('offers'),
  disclosures: topicOf('disclosures'),
  directory: DIRECTORY_TOPIC,
} as const;

export type ParsedTopic = { kind: MunicipalityTopicKind; municipality: string } | { kind: 'directory' };

/** What a topic name means, or undefined for a name that is none of ours. */
export function parseTopic(topic: string): ParsedTopic | undefined {
  if (topic === DIRECTORY_TOPIC) return { kind: 'directory' };
  const match = MUNICIPALITY_TOPIC.exec(topic);
  return match ? { kind: match[2] as MunicipalityTopicKind, municipality: match[1] } : undefined;
}

/** The municipality that alone may write the topic; undefined for the shared directory and foreign names. */
export function topicOwner(topic: string): string | undefined {
  const parsed = parseTopic(topic);
  return parsed && parsed.kind !== 'directory' ? parsed.municipality : undefined;
}

/**
 * True for the municipality's own outbound topics. The shared directory is nobody's own topic
 * (everybody writes it), so a caller deciding what it may publish checks for it separately.
 */
export function isOwnTopic(topic: string, code: string): boolean {
  return topicOwner(topic) === code;
}

/** The four outbound topics of a municipality with their compaction setting, for `ensureTopic`. */
export function municipalityTopics(code: string): Array<{ topic: string; compacted: boolean }> {
  return MUNICIPALITY_TOPIC_KINDS.map((kind) => ({ topic: topics[kind](code), compacted: COMPACTED[kind] }));
}
