import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, KeyObject, sign, verify } from 'node:crypto';
import canonicalize from 'canonicalize';
import { Envelope, UnsignedEnvelope } from '@familybank/contracts';

/** A key as stored in configuration (PEM: SPKI for public, PKCS#8 for private keys) or already loaded. */
export type KeyInput = string | KeyObject;

export interface SigningKeys {
  /** PEM (SPKI): published in the directory and pinned by partners. */
  publicKey: string;
  /** PEM (PKCS#8): never leaves the municipality's node. */
  privateKey: string;
}

/**
 * Prefixed to the signed bytes so that a signature over an envelope can never be replayed as a
 * signature over anything else the same key might sign later (domain separation).
 */
const SIGNATURE_CONTEXT = 'familybank.envelope.v1\n';

export function generateSigningKeys(): SigningKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519', {
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { publicKey, privateKey };
}

/**
 * SHA-256 of the DER-encoded SPKI, as lowercase hex in groups of four (`ab12 cd34 …`), so that
 * the liaisons of two partners can compare it aloud or side by side before a key is pinned.
 * Given a private key, it fingerprints the matching public key.
 */
export function publicKeyFingerprint(publicKey: KeyInput): string {
  const der = ed25519Key(publicKey, 'public').export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest('hex');
  return hex.match(/.{4}/g)!.join(' ');
}

/** Signs every field but `signature`; throws if the fields do not form a valid envelope. */
export function signEnvelope(unsigned: UnsignedEnvelope, privateKey: KeyInput): Envelope {
  const fields = UnsignedEnvelope.parse(unsigned);
  const signature = sign(null, signedBytes(fields), ed25519Key(privateKey, 'private'));
  return { ...fields, signature: signature.toString('base64url') };
}

/** True when `publicKey` signed exactly these fields. Throws only for a key that is not Ed25519 (a configuration error). */
export function verifyEnvelope(envelope: Envelope, publicKey: KeyInput): boolean {
  const { signature, ...fields } = envelope;
  const key = ed25519Key(publicKey, 'public');
  return verify(null, signedBytes(fields), key, Buffer.from(signature, 'base64url'));
}

/**
 * RFC 8785 (JSON Canonicalization Scheme): sorted keys, no whitespace, ECMAScript number
 * formatting. The signer and a verifier that parsed the JSON again get the same bytes, whatever
 * order or spacing the JSON travelled in.
 */
function signedBytes(fields: UnsignedEnvelope): Buffer {
  return Buffer.from(SIGNATURE_CONTEXT + canonicalize(fields), 'utf8');
}

/** The key as an Ed25519 KeyObject of the kind asked for (a private key gives its public half); throws for any other key. */
export function ed25519Key(input: KeyInput, kind: 'public' | 'private'): KeyObject {
  let key: KeyObject;
  if (input instanceof KeyObject) key = kind === 'public' && input.type === 'private' ? createPublicKey(input) : input;
  else key = kind === 'public' ? createPublicKey(input) : createPrivateKey(input);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`Expected an Ed25519 ${kind} key, got ${key.asymmetricKeyType ?? key.type}`);
  if (key.type !== kind) throw new Error(`Expected an Ed25519 ${kind} key, got a ${key.type} key`);
  return key;
}
