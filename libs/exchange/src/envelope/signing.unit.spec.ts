import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { keysOf, unsignedEnvelope } from './envelope.fixtures';
import { generateSigningKeys, publicKeyFingerprint, signEnvelope, verifyEnvelope } from './signing';

// Generated with `openssl genpkey -algorithm ed25519`; its fingerprint computed independently with
// `openssl pkey -pubin -outform DER | sha256sum`.
const OPENSSL_PUBLIC_KEY = `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEAyyKC/TNkUoLevcjisMPFRSG5kJqKE+6ij73Gm257W8s=
-----END PUBLIC KEY-----
`;
const OPENSSL_FINGERPRINT = '6888 3222 1b55 5adb 8499 ee28 8a3b 7df2 43d1 44a8 b322 6ec2 6ad0 cd6d 30cd 13a2';

describe('signing keys', () => {
  it('are Ed25519 PEM strings: SPKI public, PKCS#8 private', () => {
    const keys = generateSigningKeys();
    expect(keys.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(keys.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(createPublicKey(keys.publicKey).asymmetricKeyType).toBe('ed25519');
  });

  it('have a fingerprint of the SHA-256 of the DER SPKI, in groups of four hex digits', () => {
    expect(publicKeyFingerprint(OPENSSL_PUBLIC_KEY)).toBe(OPENSSL_FINGERPRINT);
  });

  it('have a stable fingerprint, whatever form the key is given in, and different keys have different ones', () => {
    const { publicKey, privateKey } = keysOf['0630'];
    const fingerprint = publicKeyFingerprint(publicKey);
    expect(fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    expect(publicKeyFingerprint(publicKey)).toBe(fingerprint);
    expect(publicKeyFingerprint(createPublicKey(publicKey))).toBe(fingerprint);
    expect(publicKeyFingerprint(privateKey)).toBe(fingerprint);
    expect(publicKeyFingerprint(keysOf['0101'].publicKey)).not.toBe(fingerprint);
  });
});

describe('envelope signatures', () => {
  it('verify with the signer’s public key and with no other', () => {
    const envelope = signEnvelope(unsignedEnvelope(), keysOf['0630'].privateKey);
    expect(envelope.signature).toMatch(/^[A-Za-z0-9_-]{86}$/); // 64 bytes, base64url without padding
    expect(verifyEnvelope(envelope, keysOf['0630'].publicKey)).toBe(true);
    expect(verifyEnvelope(envelope, createPublicKey(keysOf['0630'].publicKey))).toBe(true);
    expect(verifyEnvelope(envelope, keysOf['0101'].publicKey)).toBe(false);
  });

  it('cover every field but the signature', () => {
    const envelope = signEnvelope(unsignedEnvelope(), keysOf['0630'].privateKey);
    const changes = [
      { messageId: '6ba7b810-9dad-51d1-80b4-00c04fd430c8' },
      { type: 'PoolEntryWithdrawn' },
      { schemaVersion: 2 },
      { occurredAt: '2026-11-27T09:30:00.001Z' },
      { source: '0101' },
      { correlationId: 'another' },
      { payload: { ...envelope.payload, freeCapacity: 3 } },
    ];
    changes.forEach((change) => expect(verifyEnvelope({ ...envelope, ...change }, keysOf['0630'].publicKey)).toBe(false));
  });

  it('do not depend on the order of keys (canonical JSON)', () => {
    const fields = unsignedEnvelope({ payload: { freeCapacity: 2, pseudonym: 'q1w2e3r4t5y6u7i8o9p0as' } });
    const reordered = { ...fields, payload: { pseudonym: 'q1w2e3r4t5y6u7i8o9p0as', freeCapacity: 2 } };
    // Ed25519 is deterministic: equal canonical bytes give equal signatures.
    expect(signEnvelope(reordered, keysOf['0630'].privateKey).signature).toBe(signEnvelope(fields, keysOf['0630'].privateKey).signature);
  });

  it('are refused for fields that do not form an envelope', () => {
    expect(() => signEnvelope(unsignedEnvelope({ source: 'Aarhus' }), keysOf['0630'].privateKey)).toThrow();
    expect(() => signEnvelope({ ...unsignedEnvelope(), nationalId: '010180-1234' } as never, keysOf['0630'].privateKey)).toThrow();
  });

  it('refuse keys that are not Ed25519, a configuration error rather than a forgery', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const envelope = signEnvelope(unsignedEnvelope(), keysOf['0630'].privateKey);
    expect(() => verifyEnvelope(envelope, rsa.publicKey)).toThrow('Ed25519');
    expect(() => signEnvelope(unsignedEnvelope(), rsa.privateKey)).toThrow('Ed25519');
    expect(() => signEnvelope(unsignedEnvelope(), createPublicKey(keysOf['0630'].privateKey))).toThrow('private');
    expect(createPrivateKey(keysOf['0630'].privateKey).asymmetricKeyType).toBe('ed25519');
  });
});
