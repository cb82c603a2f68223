import { SignJWT, createLocalJWKSet, exportJWK, generateKeyPair, type JWTVerifyGetKey, type KeyLike } from 'jose';
import { DEFAULT_CLAIMS } from './claim-mapping';
import { jwtVerifier } from './jwt-verifier';
import { InvalidTokenError } from './token-verifier';
import { rememberVerifiedTokens } from './verified-tokens';

const ISSUER = 'familybank-dev';
const AUDIENCE = 'familybank-api';
const START = new Date('2026-12-01T10:00:00Z').getTime();

describe('remembering verified tokens', () => {
  let privateKey: KeyLike;
  let jwks: JWTVerifyGetKey;
  let time: number;
  /** How often a signature was checked (each check resolves the key). */
  let keyLookups: number;
  const now = () => new Date(time);
  const verifier = () =>
    rememberVerifiedTokens(
      jwtVerifier({
        keys: (header, token) => {
          keyLookups++;
          return jwks(header, token);
        },
        issuer: ISSUER,
        audience: AUDIENCE,
        clockSkewSeconds: 30,
        maxLifetimeSeconds: 12 * 3600,
        claims: DEFAULT_CLAIMS,
        now,
      }),
      { now, maxAgeMs: 60_000 },
    );
  const token = (lifetimeSeconds: number, municipality = '0630') =>
    new SignJWT({ municipality, roles: ['caseworker'] })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'k1' })
      .setSubject('caseworker-1')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(Math.floor(time / 1000))
      .setExpirationTime(Math.floor(time / 1000) + lifetimeSeconds)
      .sign(privateKey);

  beforeAll(async () => {
    const pair = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    privateKey = pair.privateKey;
    jwks = createLocalJWKSet({ keys: [{ ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'EdDSA' }] });
  });
  beforeEach(() => {
    time = START;
    keyLookups = 0;
  });

  it('given a token verified a moment ago, when it comes again, then its principal is given without checking the signature again', async () => {
    const tokens = verifier();
    const bearer = await token(3600);
    const first = await tokens.verify(bearer);
    time += 59_000;
    expect(await tokens.verify(bearer)).toEqual(first);
    expect(keyLookups).toBe(1);
    time += 2_000;
    expect(await tokens.verify(bearer)).toEqual(first);
    expect(keyLookups).toBe(2);
  });

  it('given a remembered token, when it expires, then it is refused as the verifier refuses it', async () => {
    const tokens = verifier();
    const bearer = await token(40);
    await tokens.verify(bearer);
    time += 40_000 + 30_000 + 1_000;
    await expect(tokens.verify(bearer)).rejects.toMatchObject({ reason: 'expired' });
  });

  it('given a refused token, when it comes again, then it is checked again', async () => {
    const tokens = verifier();
    const [header, , signature] = (await token(3600)).split('.');
    const forged = [header, Buffer.from(JSON.stringify({ sub: 'x', municipality: '0265', roles: ['approver'], iss: ISSUER, aud: AUDIENCE, iat: START / 1000, exp: START / 1000 + 3600 })).toString('base64url'), signature].join('.');
    await expect(tokens.verify(forged)).rejects.toBeInstanceOf(InvalidTokenError);
    await expect(tokens.verify(forged)).rejects.toMatchObject({ reason: 'signature-invalid' });
    expect(keyLookups).toBe(2);
  });

  it('given one new token on many concurrent requests, then its signature is checked once, and each gets its own copy', async () => {
    const tokens = verifier();
    const bearer = await token(3600);
    const principals = await Promise.all(Array.from({ length: 5 }, () => tokens.verify(bearer)));
    expect(keyLookups).toBe(1);
    principals[0]!.roles.push('approver');
    expect(principals[1]!.roles).toEqual(['caseworker']);
    expect((await tokens.verify(bearer)).roles).toEqual(['caseworker']);
  });
});
