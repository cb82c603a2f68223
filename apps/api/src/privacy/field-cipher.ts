import { createCipheriv, createDecipheriv } from 'node:crypto';
import { randomBytesPooled } from './random-bytes';

/** AES-256-GCM: 32-byte keys, 12-byte nonces (random per message), 16-byte tags. */
export const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface Ciphertext {
  iv: string;
  tag: string;
  ct: string;
}

/**
 * Encrypts bytes with `key`, bound to `aad` (what the ciphertext belongs to: moving it to another
 * event or subject makes it fail to open). Only node:crypto primitives, composed as GCM expects.
 */
export function seal(key: Buffer, plaintext: Buffer, aad: string): Ciphertext {
  if (key.length !== KEY_BYTES) throw new Error(`A data key has ${KEY_BYTES} bytes`);
  const iv = randomBytesPooled(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), ct: ct.toString('base64') };
}

/** Throws when the key is wrong or anything (ciphertext, nonce, tag, aad) was changed. */
export function open(key: Buffer, sealed: Ciphertext, aad: string): Buffer {
  const iv = Buffer.from(sealed.iv, 'base64');
  const tag = Buffer.from(sealed.tag, 'base64');
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new Error('Malformed ciphertext');
  const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  decipher.setAAD(Buffer.from(aad, 'utf8'));
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]);
}

/** A JSON value, sealed: the form personal fields take in the log. */
export const sealJson = (key: Buffer, value: unknown, aad: string): Ciphertext => seal(key, Buffer.from(JSON.stringify(value), 'utf8'), aad);
export const openJson = (key: Buffer, sealed: Ciphertext, aad: string): unknown => JSON.parse(open(key, sealed, aad).toString('utf8')) as unknown;

/** Wrapped data keys are one blob: nonce | tag | ciphertext. */
export function wrapKey(masterKey: Buffer, dataKey: Buffer, subject: string): Buffer {
  const { iv, tag, ct } = seal(masterKey, dataKey, `key:${subject}`);
  return Buffer.concat([Buffer.from(iv, 'base64'), Buffer.from(tag, 'base64'), Buffer.from(ct, 'base64')]);
}

export function unwrapKey(masterKey: Buffer, wrapped: Buffer, subject: string): Buffer {
  const sealed = {
    iv: wrapped.subarray(0, IV_BYTES).toString('base64'),
    tag: wrapped.subarray(IV_BYTES, IV_BYTES + TAG_BYTES).toString('base64'),
    ct: wrapped.subarray(IV_BYTES + TAG_BYTES).toString('base64'),
  };
  return open(masterKey, sealed, `key:${subject}`);
}
