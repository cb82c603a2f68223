import { sign, verify } from 'node:crypto';
import canonicalize from 'canonicalize';
import { ed25519Key, publicKeyFingerprint, type KeyInput } from './signing';

/** Domain separation: a succession proof is never valid as an envelope or tombstone signature. */
const SUCCESSION_CONTEXT = 'familybank.key-successor.v1\n';

export interface Succession {
  code: string;
  currentFingerprint: string;
  successorFingerprint: string;
}

/**
 * The successor key's signature over who it succeeds: announced with the successor (in an envelope
 * signed by the current key), it shows the municipality holds the new key and binds it to the old.
 */
export function proveSuccession(succession: Succession, successorPrivateKey: KeyInput): string {
  return sign(null, successionBytes(succession), ed25519Key(successorPrivateKey, 'private')).toString('base64url');
}

/** True when `successorKey` is the key the fingerprint names and it signed this succession. */
export function verifySuccession(succession: Succession, successorKey: KeyInput, proof: string): boolean {
  if (publicKeyFingerprint(successorKey) !== succession.successorFingerprint) return false;
  return verify(null, successionBytes(succession), ed25519Key(successorKey, 'public'), Buffer.from(proof, 'base64url'));
}

function successionBytes({ code, currentFingerprint, successorFingerprint }: Succession): Buffer {
  return Buffer.from(SUCCESSION_CONTEXT + canonicalize({ code, currentFingerprint, successorFingerprint }), 'utf8');
}
