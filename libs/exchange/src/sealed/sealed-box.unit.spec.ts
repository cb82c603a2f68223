import { createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, randomBytes } from 'node:crypto';
import {
  encryptionKeyFingerprint,
  generateEncryptionKeys,
  open,
  publicKeyFromRaw,
  rawPublicKey,
  seal,
  SealedBox,
  SealedBoxError,
} from './sealed-box';

// RFC 7748 §6.1 test vectors (Alice and Bob).
const hex = (h: string) => Buffer.from(h, 'hex');
const ALICE = { d: hex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a'), x: hex('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a') };
const BOB = { d: hex('5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb'), x: hex('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f') };
const SHARED = '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742';
const privateFrom = ({ d, x }: { d: Buffer; x: Buffer }) =>
  createPrivateKey({ key: { kty: 'OKP', crv: 'X25519', d: d.toString('base64url'), x: x.toString('base64url') }, format: 'jwk' });
// Alice's public key as PEM; fingerprint computed independently with `openssl pkey -pubin -outform DER | sha256sum`.
const ALICE_PEM = '-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VuAyEAhSDwCYkwp1R0i33ctD73Wg2/Og0mOBr066SpjqqbTmo=\n-----END PUBLIC KEY-----\n';
const ALICE_FINGERPRINT = '291c 5293 e030 452a 5998 51a7 c729 8f3f 16c3 ff1b dfaf cb59 8927 f263 1f9f a641';

const recipient = generateEncryptionKeys();
const other = generateEncryptionKeys();
const AAD = '0630|0101|assignment-42';
const CONTACT = 'Familien Ærø, Søndergade 5, Åbenrå, tlf. 12 34 56 78';

/** Flips bits of one byte of a base64url field, keeping its length, so only the content is wrong. */
function tampered(box: SealedBox, field: 'ciphertext' | 'tag' | 'nonce' | 'ephemeralPublicKey', index = 0, mask = 0x01): SealedBox {
  const bytes = Buffer.from(box[field], 'base64url');
  bytes[index] ^= mask;
  return { ...box, [field]: bytes.toString('base64url') };
}

describe('encryption keys', () => {
  it('are X25519 PEM strings: SPKI public, PKCS#8 private', () => {
    expect(recipient.publicKey).toMatch(/^-----BEGIN PUBLIC KEY-----\n/);
    expect(recipient.privateKey).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(createPublicKey(recipient.publicKey).asymmetricKeyType).toBe('x25519');
  });

  it('convert to and from the raw 32-byte public key (RFC 7748 vectors)', () => {
    const alice = privateFrom(ALICE);
    expect(rawPublicKey(createPublicKey(alice))).toEqual(ALICE.x);
    expect(publicKeyFromRaw(ALICE.x).export({ type: 'spki', format: 'pem' })).toBe(ALICE_PEM);
    expect(diffieHellman({ privateKey: alice, publicKey: publicKeyFromRaw(BOB.x) }).toString('hex')).toBe(SHARED);
    expect(diffieHellman({ privateKey: privateFrom(BOB), publicKey: publicKeyFromRaw(ALICE.x) }).toString('hex')).toBe(SHARED);
    const generated = createPublicKey(recipient.publicKey);
    expect(rawPublicKey(generated)).toHaveLength(32);
    expect(publicKeyFromRaw(rawPublicKey(generated)).equals(generated)).toBe(true);
  });

  it('have the SHA-256 of the DER SPKI as fingerprint, stable whatever form the key is in, different between keys', () => {
    expect(encryptionKeyFingerprint(ALICE_PEM)).toBe(ALICE_FINGERPRINT);
    const fingerprint = encryptionKeyFingerprint(recipient.publicKey);
    expect(fingerprint).toMatch(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    expect(encryptionKeyFingerprint(recipient.publicKey)).toBe(fingerprint);
    expect(encryptionKeyFingerprint(createPublicKey(recipient.publicKey))).toBe(fingerprint);
    expect(encryptionKeyFingerprint(recipient.privateKey)).toBe(fingerprint);
    expect(encryptionKeyFingerprint(other.publicKey)).not.toBe(fingerprint);
  });

  it('reject keys of another type', () => {
    const ed25519 = generateKeyPairSync('ed25519', { publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    expect(() => encryptionKeyFingerprint(ed25519.publicKey)).toThrow(/Expected an X25519 public key/);
    expect(() => seal('x', ed25519.publicKey, AAD)).toThrow(/Expected an X25519 public key/);
    // A misconfigured own key is not the box's fault, so it is not a SealedBoxError.
    const box = seal('x', recipient.publicKey, AAD);
    expect(() => open(box, ed25519.privateKey, AAD)).toThrow(/Expected an X25519 private key/);
    expect(() => open(box, ed25519.privateKey, AAD)).not.toThrow(SealedBoxError);
  });
});

describe('sealed boxes', () => {
  it('open to the same UTF-8 text for the recipient', () => {
    const box = seal(CONTACT, recipient.publicKey, AAD);
    expect(open(box, recipient.privateKey, AAD).toString('utf8')).toBe(CONTACT);
    expect(open(box, createPrivateKey(recipient.privateKey), AAD).toString('utf8')).toBe(CONTACT);
  });

  it('carry a 10 kB payload and an empty one', () => {
    const payload = randomBytes(10_240);
    expect(open(seal(payload, recipient.publicKey, AAD), recipient.privateKey, AAD)).toEqual(payload);
    expect(open(seal('', recipient.publicKey, AAD), recipient.privateKey, AAD)).toHaveLength(0);
  });

  it('have the documented shape, name the recipient key and contain no plaintext', () => {
    const box = seal(CONTACT, recipient.publicKey, AAD);
    expect(box).toEqual({
      alg: 'X25519-HKDF-SHA256-A256GCM',
      ephemeralPublicKey: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      nonce: expect.stringMatching(/^[A-Za-z0-9_-]{16}$/),
      ciphertext: expect.stringMatching(/^[A-Za-z0-9_-]+$/),
      tag: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/),
      recipientKeyFingerprint: encryptionKeyFingerprint(recipient.publicKey),
    });
    const json = JSON.stringify(box);
    for (const secret of ['Ærø', 'Søndergade', 'Åbenrå', '12 34 56 78', Buffer.from(CONTACT).toString('base64url').slice(0, 12)]) {
      expect(json).not.toContain(secret);
    }
  });

  it('differ for the same plaintext: fresh ephemeral key and nonce every time', () => {
    const [a, b] = [seal(CONTACT, recipient.publicKey, AAD), seal(CONTACT, recipient.publicKey, AAD)];
    expect(a.ephemeralPublicKey).not.toBe(b.ephemeralPublicKey);
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('cannot be opened with another recipient’s private key, even with the fingerprint forged', () => {
    const box = seal(CONTACT, recipient.publicKey, AAD);
    expect(() => open(box, other.privateKey, AAD)).toThrow(SealedBoxError);
    const forged = { ...box, recipientKeyFingerprint: encryptionKeyFingerprint(other.publicKey) };
    expect(() => open(forged, other.privateKey, AAD)).toThrow(SealedBoxError);
  });

  it.each(['ciphertext', 'tag', 'nonce', 'ephemeralPublicKey'] as const)('cannot be opened with a tampered %s', (field) => {
    const box = seal(CONTACT, recipient.publicKey, AAD);
    expect(() => open(tampered(box, field), recipient.privateKey, AAD)).toThrow(SealedBoxError);
  });

  it('cannot be opened with the ephemeral key’s ignored top bit flipped (the salt binds its exact bytes)', () => {
    const box = seal(CONTACT, recipient.publicKey, AAD);
    expect(() => open(tampered(box, 'ephemeralPublicKey', 31, 0x80), recipient.privateKey, AAD)).toThrow(SealedBoxError);
  });

  it('cannot be opened with other associated data, so it cannot be replayed for another assignment', () => {
    const box = seal(CONTACT, recipient.publicKey, AAD);
    expect(() => open(box, recipient.privateKey, '0630|0101|assignment-43')).toThrow(SealedBoxError);
    expect(() => open(box, recipient.privateKey, '')).toThrow(SealedBoxError);
  });

  it('reject an unknown algorithm and malformed fields without revealing anything', () => {
    const box = seal(CONTACT, recipient.publicKey, AAD);
    const bad = [
      { ...box, alg: 'X25519-HKDF-SHA256-A128GCM' },
      { ...box, nonce: box.nonce.slice(0, -1) },
      { ...box, tag: `${box.tag}==` },
      { ...box, ciphertext: `${box.ciphertext}!` },
      { ...box, ephemeralPublicKey: undefined },
    ] as unknown as SealedBox[];
    for (const b of bad) {
      expect(() => open(b, recipient.privateKey, AAD)).toThrow(SealedBoxError);
    }
    let error: unknown;
    try {
      open(tampered(box, 'ciphertext'), recipient.privateKey, AAD);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SealedBoxError);
    expect((error as Error).name).toBe('SealedBoxError');
    expect((error as Error).message).not.toMatch(/Ærø|assignment|PRIVATE/);
  });
});
