import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  KeyObject,
  randomBytes,
} from 'node:crypto';
import type { KeyInput } from '../envelope/signing';
import { spkiFingerprint } from './fingerprint';

/**
 * Anonymous public-key encryption for disclosures (DESIGN §5): only the holder of the recipient's
 * private key can open a box. The sender is authenticated by the signed envelope around it, not here.
 */
export interface SealedBox {
  alg: 'X25519-HKDF-SHA256-A256GCM';
  /** base64url of the raw 32-byte X25519 public key, fresh for every box. */
  ephemeralPublicKey: string;
  /** base64url, 12 bytes. */
  nonce: string;
  /** base64url. */
  ciphertext: string;
  /** base64url, 16 bytes (the GCM authentication tag). */
  tag: string;
  /** Lets a node holding several keys (e.g. during rotation) pick the right one before trying. */
  recipientKeyFingerprint: string;
}

export interface EncryptionKeys {
  /** PEM (SPKI): published in the directory next to the signing key. */
  publicKey: string;
  /** PEM (PKCS#8): never leaves the municipality's node. */
  privateKey: string;
}

/** A box that cannot be opened. The message never carries key material or plaintext. */
export class SealedBoxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealedBoxError';
  }
}

const ALG: SealedBox['alg'] = 'X25519-HKDF-SHA256-A256GCM';
/** Domain separation: a key derived here is never the key of any other protocol using the same keys. */
const HKDF_INFO = 'familybank.sealed.v1';
const KEY_BYTES = 32;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export function generateEncryptionKeys(): EncryptionKeys {
  return generateKeyPairSync('x25519', {
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

/** Same format as `publicKeyFingerprint` of signing keys. Given a private key, fingerprints its public key. */
export function encryptionKeyFingerprint(publicKey: KeyInput): string {
  return spkiFingerprint(x25519Key(publicKey, 'public'));
}

/** `associatedData` is authenticated but not encrypted; `open` must be given exactly the same string. */
export function seal(plaintext: string | Buffer, recipientPublicKey: KeyInput, associatedData: string): SealedBox {
  const recipient = x25519Key(recipientPublicKey, 'public');
  const ephemeral = generateKeyPairSync('x25519');
  const ephemeralRaw = rawPublicKey(ephemeral.publicKey);
  const key = deriveKey(ephemeral.privateKey, recipient, ephemeralRaw, rawPublicKey(recipient));
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const data = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
  const ciphertext = Buffer.concat([cipher.update(data), cipher.final()]);
  return {
    alg: ALG,
    ephemeralPublicKey: ephemeralRaw.toString('base64url'),
    nonce: nonce.toString('base64url'),
    ciphertext: ciphertext.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
    recipientKeyFingerprint: spkiFingerprint(recipient),
  };
}

/**
 * Throws `SealedBoxError` for anything wrong with the box (so a consumer can dead-letter it), but a
 * plain Error for a private key that is not X25519: that is the node's own misconfiguration, and
 * dead-lettering every disclosure because of it would hide it.
 */
export function open(box: SealedBox, recipientPrivateKey: KeyInput, associatedData: string): Buffer {
  const privateKey = x25519Key(recipientPrivateKey, 'private');
  const recipient = createPublicKey(privateKey);
  if (box?.alg !== ALG) throw new SealedBoxError('Sealed box uses an unknown algorithm');
  if (box.recipientKeyFingerprint !== spkiFingerprint(recipient)) throw new SealedBoxError('Sealed box is addressed to another key');
  const ephemeralRaw = decode(box.ephemeralPublicKey, 'ephemeralPublicKey', KEY_BYTES);
  const nonce = decode(box.nonce, 'nonce', NONCE_BYTES);
  const tag = decode(box.tag, 'tag', TAG_BYTES);
  const ciphertext = decode(box.ciphertext, 'ciphertext');
  try {
    const key = deriveKey(privateKey, publicKeyFromRaw(ephemeralRaw), ephemeralRaw, rawPublicKey(recipient));
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    // GCM cannot tell a wrong key from tampering or other associated data, and naming a cause would only help an attacker.
    throw new SealedBoxError('Sealed box could not be opened: wrong key, other associated data, or tampered');
  }
}

/** The raw 32-byte X25519 public key (RFC 7748 u-coordinate), as carried in a box. */
export function rawPublicKey(key: KeyObject): Buffer {
  return Buffer.from(key.export({ format: 'jwk' }).x!, 'base64url');
}

export function publicKeyFromRaw(raw: Buffer): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: raw.toString('base64url') }, format: 'jwk' });
}

function deriveKey(privateKey: KeyObject, publicKey: KeyObject, ephemeralRaw: Buffer, recipientRaw: Buffer): Buffer {
  // Throws on a low-order public key (all-zero secret), which `open` turns into a SealedBoxError.
  const shared = diffieHellman({ privateKey, publicKey });
  // Salting with both raw public keys binds the key to these exact bytes: X25519 ignores the top bit
  // of a u-coordinate, so without it a flipped bit in the ephemeral key would still open the box.
  const salt = Buffer.concat([ephemeralRaw, recipientRaw]);
  return Buffer.from(hkdfSync('sha256', shared, salt, HKDF_INFO, KEY_BYTES));
}

/** Buffer.from silently skips stray characters and padding bits; re-encoding admits only the canonical spelling. */
function decode(value: unknown, field: string, bytes?: number): Buffer {
  const decoded = typeof value === 'string' && /^[A-Za-z0-9_-]*$/.test(value) ? Buffer.from(value, 'base64url') : undefined;
  if (!decoded || decoded.toString('base64url') !== value || (bytes !== undefined && decoded.length !== bytes)) {
    throw new SealedBoxError(`Sealed box has a malformed ${field}`);
  }
  return decoded;
}

function x25519Key(input: KeyInput, kind: 'public' | 'private'): KeyObject {
  let key: KeyObject;
  if (input instanceof KeyObject) key = kind === 'public' && input.type === 'private' ? createPublicKey(input) : input;
  else key = kind === 'public' ? createPublicKey(input) : createPrivateKey(input);
  if (key.asymmetricKeyType !== 'x25519') throw new Error(`Expected an X25519 ${kind} key, got ${key.asymmetricKeyType ?? key.type}`);
  if (key.type !== kind) throw new Error(`Expected an X25519 ${kind} key, got a ${key.type} key`);
  return key;
}
