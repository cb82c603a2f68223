import type { Envelope, TopicMessage, TopicModule } from '@familybank/contracts';
import type { DeliveredMessage, Exchange, ExchangeSubscription, SubscribeOptions } from '../exchange.port';
import { topicOwner } from '../topics';
import type { DeadLetterStore } from './dead-letters';
import { decodeEnvelope, type DecodeOptions, type Rejection } from './envelope-codec';
import { decodeTopicMessage } from './topic-messages';
import { verifyTombstone, type VerifiedTombstone } from './tombstones';

export type VerifiedHandler<Payload = unknown> = (envelope: Envelope, payload: Payload, message: DeliveredMessage) => void | Promise<void>;
/** Gets each message of the topic typed as the topic's union: switch on `message.type`. */
export type TopicHandler<Topic extends TopicModule> = (message: TopicMessage<Topic>, envelope: Envelope, delivered: DeliveredMessage) => void | Promise<void>;

export interface VerifiedSubscribeOptions extends SubscribeOptions {
  /**
   * Tombstones (null values, e.g. a withdrawn pool entry) carry their signature in headers (see
   * signTombstone); only a verified one reaches this handler, signed by the topic's owner with
   * its pinned key. An unsigned or forged tombstone is dead-lettered like any refused message, and
   * so is a verified one when the consumer expects none (no handler).
   */
  onTombstone?: (message: DeliveredMessage, tombstone: VerifiedTombstone) => void | Promise<void>;
}

/**
 * Subscribes and hands the handler only verified envelopes. A message that fails decoding, or
 * whose signed source is not the owner of the municipality topic it came on, is dead-lettered
 * and committed past: retrying cannot make it valid, and it must not block the messages behind
 * it. A handler that throws is different (a bug, a full disk): the topic stops and the message
 * comes again, as with any subscription.
 */
export function consumeVerified<Payload = unknown>(
  exchange: Exchange,
  options: VerifiedSubscribeOptions,
  decodeOptions: DecodeOptions,
  deadLetters: DeadLetterStore,
  handler: VerifiedHandler<Payload>,
): Promise<ExchangeSubscription> {
  return consumeDecoded(exchange, options, deadLetters, decodeOptions.trustedKeyOf, (raw, message) => {
    const result = decodeEnvelope(raw, { ...decodeOptions, trustedKeyOf: (source) => decodeOptions.trustedKeyOf(source, message) });
    return result.ok ? { ok: true, envelope: result.envelope, decoded: result.payload as Payload } : result;
  }, (envelope, payload, message) => handler(envelope, payload, message));
}

/** consumeVerified for one topic module: the handler gets the typed message of the topic's union. */
export function consumeTopicMessages<Topic extends TopicModule>(
  exchange: Exchange,
  options: VerifiedSubscribeOptions,
  topic: Topic,
  trustedKeyOf: DecodeOptions['trustedKeyOf'],
  deadLetters: DeadLetterStore,
  handler: TopicHandler<Topic>,
): Promise<ExchangeSubscription> {
  return consumeDecoded(exchange, options, deadLetters, trustedKeyOf, (raw, message) => {
    const result = decodeTopicMessage(raw, topic, (source) => trustedKeyOf(source, message));
    return result.ok ? { ok: true, envelope: result.envelope, decoded: result.message } : result;
  }, (envelope, message, delivered) => handler(message, envelope, delivered));
}

type Decoded<T> = { ok: true; envelope: Envelope; decoded: T } | Rejection;

function consumeDecoded<T>(
  exchange: Exchange,
  options: VerifiedSubscribeOptions,
  deadLetters: DeadLetterStore,
  trustedKeyOf: DecodeOptions['trustedKeyOf'],
  decode: (raw: string, message: DeliveredMessage) => Decoded<T>,
  handler: (envelope: Envelope, decoded: T, message: DeliveredMessage) => void | Promise<void>,
): Promise<ExchangeSubscription> {
  const { onTombstone, ...subscribeOptions } = options;
  const deadLetter = (message: DeliveredMessage, reason: Rejection['reason'], detail: string) =>
    deadLetters.record({ topic: message.topic, offset: message.offset, key: message.key, rawValue: message.value, reason, detail });

  return exchange.subscribe(subscribeOptions, async (message) => {
    if (message.value === null) {
      const verified = verifyTombstone(message, trustedKeyOf);
      if (!verified.ok) return deadLetter(message, verified.reason, verified.detail);
      if (onTombstone) return onTombstone(message, verified.tombstone);
      return deadLetter(message, 'unknown-type', 'A tombstone on a topic whose consumer takes none');
    }
    const result = decode(message.value, message);
    if (!result.ok) return deadLetter(message, result.reason, result.detail);
    const owner = topicOwner(message.topic);
    if (owner !== undefined && result.envelope.source !== owner) {
      return deadLetter(message, 'forged', `Signed by ${result.envelope.source} but published on the topic of ${owner}`);
    }
    await handler(result.envelope, result.decoded, message);
  });
}
