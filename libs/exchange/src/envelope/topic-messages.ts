import { definitionOf, type Envelope, type TopicMessage, type TopicMessageInput, type TopicModule } from '@familybank/contracts';
import type { Message } from '../exchange.port';
import { DIRECTORY_TOPIC, topicOwner, topics } from '../topics';
import { decodeSigned, describeIssues, encodeEnvelope, reject, type DecodeOptions, type Rejection } from './envelope-codec';
import { signEnvelope, type KeyInput } from './signing';

/** A message checked against its topic's contract, not yet signed: where it goes and under which key. */
export interface Draft<TypedMessage extends { type: string; schemaVersion: number; payload: unknown } = { type: string; schemaVersion: number; payload: unknown }> {
  topic: string;
  key: string;
  message: TypedMessage;
}

/** A sender built a message its topic's contract refuses: a bug to fix at the sender, never a partner's dead letter. */
export class MessageContractError extends Error {
  constructor(
    readonly topic: string,
    readonly type: string,
    detail: string,
  ) {
    super(`${type} on ${topic} breaks its contract: ${detail}`);
    this.name = 'MessageContractError';
  }
}

/**
 * Checks a message against its topic's schema and derives its key and topic name. Throws
 * MessageContractError for a payload that does not fit, so it is never signed; the draft holds
 * the parsed payload (defaults applied), which is what every consumer will read.
 */
export function draftMessage<Topic extends TopicModule>(topic: Topic, source: string, message: TopicMessageInput<Topic>): Draft<TopicMessage<Topic>> {
  const topicName = topic.kind === 'directory' ? DIRECTORY_TOPIC : topics[topic.kind](source);
  const found = definitionOf(topic, message.type, message.schemaVersion);
  if (!found.ok) throw new MessageContractError(topicName, message.type, found.detail);
  const parsed = found.definition.payload.safeParse(message.payload);
  if (!parsed.success) throw new MessageContractError(topicName, message.type, describeIssues(parsed.error.issues));
  const typed = { type: message.type, schemaVersion: message.schemaVersion, payload: parsed.data };
  // The payload just passed the schema that (type, schemaVersion) selects: that is what TopicMessage says.
  return { topic: topicName, key: found.definition.key(parsed.data), message: typed as TopicMessage<Topic> };
}

export interface Signer {
  /** The municipality that publishes: the source of the envelope and the owner of the topic. */
  code: string;
  privateKey: KeyInput;
}

export interface EnvelopeFields {
  /** Consumers deduplicate by it: derive it from what is published, so a re-published message keeps it. */
  messageId: string;
  occurredAt: string;
  correlationId: string;
}

/** Signs a draft as its source; refuses a draft bound for another municipality's topic. */
export function signDraft(draft: Draft, signer: Signer, fields: EnvelopeFields): Message {
  const owner = topicOwner(draft.topic);
  if (owner !== undefined && owner !== signer.code) throw new MessageContractError(draft.topic, draft.message.type, `${signer.code} may not publish on the topic of ${owner}`);
  const { type, schemaVersion, payload } = draft.message;
  const envelope = signEnvelope({ ...fields, type, schemaVersion, source: signer.code, payload: payload as Record<string, unknown> }, signer.privateKey);
  return { topic: draft.topic, key: draft.key, value: encodeEnvelope(envelope) };
}

export type TopicDecodeResult<TypedMessage> = { ok: true; envelope: Envelope; message: TypedMessage } | Rejection;

/**
 * decodeEnvelope for one topic: verifies the signature first, then reads the payload with the
 * schema its (type, schemaVersion) selects on the topic, and hands back the typed message.
 */
export function decodeTopicMessage<Topic extends TopicModule>(raw: string, topic: Topic, trustedKeyOf: DecodeOptions['trustedKeyOf']): TopicDecodeResult<TopicMessage<Topic>> {
  const signed = decodeSigned(raw, trustedKeyOf);
  if (!signed.ok) return signed;
  const { envelope } = signed;
  const found = definitionOf(topic, envelope.type, envelope.schemaVersion);
  if (!found.ok) return reject(found.reason, found.detail);
  const parsed = found.definition.payload.safeParse(envelope.payload);
  if (!parsed.success) return reject('invalid-payload', describeIssues(parsed.error.issues));
  const typed = { type: envelope.type, schemaVersion: envelope.schemaVersion, payload: parsed.data };
  // As in draftMessage: the schema of exactly this (type, schemaVersion) accepted the payload.
  return { ok: true, envelope, message: typed as TopicMessage<Topic> };
}
