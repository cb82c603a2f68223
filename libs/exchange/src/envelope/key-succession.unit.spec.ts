import { keysOf } from './envelope.fixtures';
import { proveSuccession, verifySuccession } from './key-succession';
import { generateSigningKeys, publicKeyFingerprint } from './signing';

describe('a signing key’s succession proof', () => {
  const successor = generateSigningKeys();
  const succession = { code: '0630', currentFingerprint: publicKeyFingerprint(keysOf['0630'].publicKey), successorFingerprint: publicKeyFingerprint(successor.publicKey) };

  it('verifies when the successor signed it', () => {
    expect(verifySuccession(succession, successor.publicKey, proveSuccession(succession, successor.privateKey))).toBe(true);
  });

  it('fails when another key signed it, or it names another municipality or predecessor', () => {
    const proof = proveSuccession(succession, successor.privateKey);
    expect(verifySuccession(succession, successor.publicKey, proveSuccession(succession, keysOf['0101'].privateKey))).toBe(false);
    expect(verifySuccession({ ...succession, code: '0101' }, successor.publicKey, proof)).toBe(false);
    expect(verifySuccession({ ...succession, currentFingerprint: publicKeyFingerprint(keysOf['0101'].publicKey) }, successor.publicKey, proof)).toBe(false);
  });

  it('fails when the announced key is not the one the fingerprint names', () => {
    const other = generateSigningKeys();
    expect(verifySuccession(succession, other.publicKey, proveSuccession(succession, other.privateKey))).toBe(false);
  });
});
