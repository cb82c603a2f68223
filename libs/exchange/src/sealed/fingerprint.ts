import { createHash, KeyObject } from 'node:crypto';

/**
 * SHA-256 of the DER-encoded SPKI, as lowercase hex in groups of four — the same format as the
 * signing keys' fingerprints, so liaisons compare both kinds of pinned key the same way.
 */
export function spkiFingerprint(publicKey: KeyObject): string {
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('hex').match(/.{4}/g)!.join(' ');
}
