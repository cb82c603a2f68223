import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { SignJWT, createLocalJWKSet, exportJWK, exportSPKI, generateKeyPair, type JWK, type JWTPayload, type KeyLike } from 'jose';
import { DEFAULT_CLAIMS } from './claim-mapping';
import { jwtVerifier } from './jwt-verifier';
import { InvalidTokenError, type InvalidTokenReason } from './token-verifier';

const ISSUER = 'https://idp.example.org/realms/familybank';
const AUDIENCE = 'familybank-api';
const NOW = new Date('2026-12-01T10:00:00Z');
const nowSeconds = NOW.getTime() / 1000;
const claims = { municipality: '0630', roles: ['caseworker'] };

type Alg = 'RS256' | 'ES256' | 'EdDSA';
const keys = {} as Record<Alg, { privateKey: KeyLike; publicJwk: JWK }>;

beforeAll(async () => {
  for (const alg of ['RS256', 'ES256', 'EdDSA'] as const) {
    const { privateKey, publicKey } = await generateKeyPair(alg, { crv: alg === 'EdDSA' ? 'Ed25519' : undefined });
    keys[alg] = { privateKey, publicJwk: { ...(await exportJWK(publicKey)), kid: `key-${alg}`, alg } };
  }
});

const verifier = () =>
  jwtVerifier({
    keys: createLocalJWKSet({ keys: Object.values(keys).map((key) => key.publicJwk) }),
    issuer: ISSUER,
    audience: AUDIENCE,
    clockSkewSeconds: 30,
    maxLifetimeSeconds: 12 * 3600,
    claims: DEFAULT_CLAIMS,
    now: () => NOW,
  });

/** A token that is valid at NOW unless the test changes one thing. */
function sign(payload: JWTPayload = {}, options: { alg?: Alg; kid?: string; key?: KeyLike | Uint8Array } = {}) {
  const alg = options.alg ?? 'ES256';
  return new SignJWT({ sub: 'anna', iss: ISSUER, aud: AUDIENCE, iat: nowSeconds - 60, exp: nowSeconds + 3600, ...claims, ...payload })
    .setProtectedHeader({ alg, kid: options.kid ?? `key-${alg}` })
    .sign(options.key ?? keys[alg].privateKey);
}

async function expectRefused(token: string | Promise<string>, reason: InvalidTokenReason) {
  const refusal = await verifier().verify(await token).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(refusal).toBeInstanceOf(InvalidTokenError);
  expect({ reason: (refusal as InvalidTokenError).reason, message: (refusal as Error).message }).toMatchObject({ reason });
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('verifying a bearer JWT', () => {
  it.each(['RS256', 'ES256', 'EdDSA'] as const)('accepts a %s token from a known key, as its principal', async (alg) => {
    await expect(verifier().verify(await sign({}, { alg }))).resolves.toEqual({ subject: 'anna', municipality: '0630', roles: ['caseworker'] });
  });

  it('refuses an expired token, and tolerates the clock skew', async () => {
    await expectRefused(sign({ exp: nowSeconds - 31 }), 'expired');
    await expect(verifier().verify(await sign({ exp: nowSeconds - 29 }))).resolves.toBeDefined();
  });

  it('refuses a token that is not valid yet (nbf), and tolerates the clock skew', async () => {
    await expectRefused(sign({ nbf: nowSeconds + 31 }), 'not-yet-valid');
    await expect(verifier().verify(await sign({ nbf: nowSeconds + 29 }))).resolves.toBeDefined();
  });

  it('refuses a token issued in the future (iat), and tolerates the clock skew', async () => {
    await expectRefused(sign({ iat: nowSeconds + 365 * 86400, exp: nowSeconds + 365 * 86400 + 3600 }), 'issued-in-future');
    await expectRefused(sign({ iat: nowSeconds + 31, exp: nowSeconds + 3600 }), 'issued-in-future');
    await expect(verifier().verify(await sign({ iat: nowSeconds + 29, exp: nowSeconds + 3600 }))).resolves.toBeDefined();
  });

  it('refuses a token that lives longer than the maximum lifetime, even while it is fresh', async () => {
    await expectRefused(sign({ iat: nowSeconds - 60, exp: nowSeconds - 60 + 10 * 365 * 86400 }), 'lifetime-too-long');
    await expectRefused(sign({ iat: nowSeconds - 60, exp: nowSeconds - 60 + 12 * 3600 + 1 }), 'lifetime-too-long');
    await expect(verifier().verify(await sign({ iat: nowSeconds - 60, exp: nowSeconds - 60 + 12 * 3600 }))).resolves.toBeDefined();
  });

  it('refuses a token without exp or without iat (its lifetime cannot be known)', async () => {
    const { exp: _exp, ...noExp } = { ...claims, sub: 'anna', iss: ISSUER, aud: AUDIENCE, iat: nowSeconds, exp: 0 };
    const { iat: _iat, ...noIat } = { ...claims, sub: 'anna', iss: ISSUER, aud: AUDIENCE, exp: nowSeconds + 60, iat: 0 };
    for (const payload of [noExp, noIat]) {
      const token = await new SignJWT(payload).setProtectedHeader({ alg: 'ES256', kid: 'key-ES256' }).sign(keys.ES256.privateKey);
      await expectRefused(token, 'claim-missing');
    }
  });

  it('refuses another issuer or another audience', async () => {
    await expectRefused(sign({ iss: 'https://evil.example.org' }), 'wrong-issuer');
    await expectRefused(sign({ aud: 'another-api' }), 'wrong-audience');
    await expectRefused(sign({ aud: ['another-api', 'yet-another'] }), 'wrong-audience');
  });

  it('refuses alg "none" (no signature), even with a known kid', async () => {
    const payload = { sub: 'anna', iss: ISSUER, aud: AUDIENCE, iat: nowSeconds, exp: nowSeconds + 60, ...claims };
    await expectRefused(`${base64url({ alg: 'none', kid: 'key-ES256' })}.${base64url(payload)}.`, 'algorithm-not-allowed');
    await expectRefused(`${base64url({ alg: 'none' })}.${base64url(payload)}.`, 'algorithm-not-allowed');
  });

  it('refuses HS256 signed with the public key as the secret (the key-confusion attack)', async () => {
    const pem = await exportSPKI(createPublicKey({ key: keys.RS256.publicJwk as JsonWebKey, format: 'jwk' }));
    for (const secret of [pem, JSON.stringify(keys.RS256.publicJwk)]) {
      const forged = await new SignJWT({ sub: 'mallory', ...claims, roles: ['approver'] })
        .setProtectedHeader({ alg: 'HS256', kid: 'key-RS256' })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(nowSeconds)
        .setExpirationTime(nowSeconds + 60)
        .sign(new TextEncoder().encode(secret));
      await expectRefused(forged, 'algorithm-not-allowed');
    }
  });

  it('refuses an algorithm outside RS256, ES256 and EdDSA even from a known key', async () => {
    const token = await new SignJWT({ sub: 'anna', ...claims }).setProtectedHeader({ alg: 'PS256', kid: 'key-RS256' }).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt(nowSeconds).setExpirationTime(nowSeconds + 60).sign(keys.RS256.privateKey);
    await expectRefused(token, 'algorithm-not-allowed');
  });

  it('refuses an unknown kid, and a known kid whose key did not sign', async () => {
    await expectRefused(sign({}, { kid: 'key-nobody-knows' }), 'unknown-key');
    const { privateKey } = await generateKeyPair('ES256');
    await expectRefused(sign({}, { key: privateKey }), 'signature-invalid');
  });

  it('refuses a tampered token (its payload changed after signing)', async () => {
    const [header, , signature] = (await sign()).split('.');
    const payload = { sub: 'anna', iss: ISSUER, aud: AUDIENCE, iat: nowSeconds, exp: nowSeconds + 60, municipality: '0101', roles: ['approver'] };
    await expectRefused(`${header}.${base64url(payload)}.${signature}`, 'signature-invalid');
  });

  it('refuses garbage', async () => {
    await expectRefused('not-a-jwt', 'malformed');
    await expectRefused('a.b.c', 'malformed');
  });

  it('refuses a valid token that names no municipality or no familybank role', async () => {
    await expectRefused(sign({ municipality: undefined }), 'principal-claims');
    await expectRefused(sign({ roles: ['offline_access'] }), 'principal-claims');
  });
});
