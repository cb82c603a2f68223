import { createHash, webcrypto } from 'node:crypto';
import { base64url, claimAt, jwtClaims, randomToken, s256Challenge } from './pkce';

// jsdom's crypto has no subtle; the browser's and Node's WebCrypto are the same API.
beforeAll(() => {
  if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });
});

describe('PKCE in the browser', () => {
  it('the S256 challenge is the base64url of the verifier’s SHA-256, as the provider computes it', async () => {
    const verifier = randomToken();
    expect(await s256Challenge(verifier)).toBe(createHash('sha256').update(verifier).digest('base64url'));
  });

  it('a verifier has 43 characters of the unreserved alphabet, and is never the same twice', () => {
    const [first, second] = [randomToken(), randomToken()];
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first).not.toBe(second);
  });

  it('base64url has no padding, + or /', () => {
    const bytes = new Uint8Array([251, 255, 191, 0]);
    expect(base64url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
    expect(base64url(bytes)).toBe('-_-_AA');
  });

  it('reads a JWT’s claims, also by a dotted path, and refuses what is not a JWT', () => {
    const payload = { sub: 'anna', municipality: '0630', realm_access: { roles: ['caseworker'] }, name: 'Åse Ørsted' };
    const token = `e30.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.sig`;
    const claims = jwtClaims(token);
    expect(claims).toEqual(payload);
    expect(claimAt(claims, 'realm_access.roles')).toEqual(['caseworker']);
    expect(claimAt(claims, 'missing.path')).toBeUndefined();
    expect(() => jwtClaims('opaque-token')).toThrow(/not a JWT/);
  });
});
