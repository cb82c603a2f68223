import { sign, verify } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { DeliveredMessage, Message } from '../exchange.port';
import { topicOwner } from '../topics';
import { reject, trustedKeys, type DecodeOptions, type Rejection } from './envelope-codec';
import { ed25519Key } from './signing';
import type { Signer } from './topic-messages';

/**
 * A tombstone's value must stay null (that is what makes compaction delete the key), so its
 * signature travels in headers: who signed, when, and an Ed25519 signature over topic, key, the
 * word "tombstone", source and time. Without it, anyone able to write a partner's pool topic
 * could delete any family from every partner's pool.
 */
export const TOMBSTONE_HEADERS = {
  source: 'familybank-source',
  signedAt: 'familybank-signed-at',
  signature: 'familybank-signature',
} as const;

/** Domain separation: a tombstone signature can never pass for an envelope signature, nor the reverse. */
const TOMBSTONE_CONTEXT = 'familybank.tombstone.v1\n';

export interface VerifiedTombstone {
  source: string;
  signedAt: string;
}

/** A tombstone for `key` on the signer's own topic, signed in its headers. */
export function signTombstone(target: { topic: string; key: string }, signer: Signer, signedAt: string): Message {
  const owner = topicOwner(target.topic);
  if (owner !== undefined && owner !== signer.code) throw new Error(`${signer.code} may not publish a tombstone on the topic of ${owner}`);
  const fields = { topic: target.topic, key: target.key, source: signer.code, signedAt };
  const signature = sign(null, tombstoneBytes(fields), ed25519Key(signer.privateKey, 'private')).toString('base64url');
  return {
    topic: target.topic,
    key: target.key,
    value: null,
    headers: { [TOMBSTONE_HEADERS.source]: signer.code, [TOMBSTONE_HEADERS.signedAt]: signedAt, [TOMBSTONE_HEADERS.signature]: signature },
  };
}

/**
 * Checks a delivered tombstone as an envelope is checked: signed, by the owner of the topic it
 * came on, with the key pinned for that owner. The topic and key are part of what is signed, so
 * a tombstone copied to another key or topic is forged.
 */
export function verifyTombstone(message: DeliveredMessage, trustedKeyOf: DecodeOptions['trustedKeyOf']): { ok: true; tombstone: VerifiedTombstone } | Rejection {
  const source = message.headers[TOMBSTONE_HEADERS.source];
  const signedAt = message.headers[TOMBSTONE_HEADERS.signedAt];
  const signature = message.headers[TOMBSTONE_HEADERS.signature];
  if (!source || !signedAt || !signature) return reject('unsigned', 'The tombstone carries no signature headers');
  const owner = topicOwner(message.topic);
  if (owner !== undefined && source !== owner) return reject('forged', `Tombstone signed by ${source} but published on the topic of ${owner}`);
  const keys = trustedKeys(trustedKeyOf(source, message));
  if (keys.length === 0) return reject('unknown-source', `No key is pinned for municipality ${source}`);
  const bytes = tombstoneBytes({ topic: message.topic, key: message.key, source, signedAt });
  // Throws only for a pinned key that is not Ed25519 (a configuration error), as verifyEnvelope does.
  if (!keys.some((key) => verify(null, bytes, ed25519Key(key, 'public'), Buffer.from(signature, 'base64url')))) return reject('forged', `The tombstone's signature does not verify with the key pinned for ${source}`);
  return { ok: true, tombstone: { source, signedAt } };
}

function tombstoneBytes(fields: { topic: string; key: string; source: string; signedAt: string }): Buffer {
  return Buffer.from(TOMBSTONE_CONTEXT + canonicalize({ ...fields, kind: 'tombstone' }), 'utf8');
}
