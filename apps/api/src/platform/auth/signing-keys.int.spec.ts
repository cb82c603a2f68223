import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, calculateJwkThumbprint, exportJWK, exportPKCS8, exportSPKI, generateKeyPair, type JWK, type JWTVerifyGetKey, type KeyLike } from 'jose';
import { ConfigError } from '../config/config';
import { DEFAULT_CLAIMS } from './claim-mapping';
import { jwtVerifier } from './jwt-verifier';
import { configuredSigningKeys, remoteSigningKeys } from './signing-keys';
import { SigningKeysUnavailableError } from './token-verifier';

const ISSUER = 'https://idp.test';
const AUDIENCE = 'familybank-api';

const verify = (keys: JWTVerifyGetKey, token: string) =>
  jwtVerifier({ keys, issuer: ISSUER, audience: AUDIENCE, clockSkewSeconds: 30, maxLifetimeSeconds: 3600, claims: DEFAULT_CLAIMS }).verify(token);

const sign = (key: KeyLike, alg: string, kid: string) =>
  new SignJWT({ sub: 'anna', municipality: '0630', roles: ['caseworker'] }).setProtectedHeader({ alg, kid }).setIssuer(ISSUER).setAudience(AUDIENCE).setIssuedAt().setExpirationTime('5m').sign(key);

async function keyPair(alg: 'RS256' | 'ES256' | 'EdDSA', kid: string) {
  const { privateKey, publicKey } = await generateKeyPair(alg, { crv: alg === 'EdDSA' ? 'Ed25519' : undefined, extractable: true });
  return { privateKey, publicKey, jwk: { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' } as JWK };
}

describe("the identity provider's published keys (JWKS URL)", () => {
  let server: Server;
  let published: JWK[] = [];
  let fetches = 0;
  let url: string;

  beforeAll(async () => {
    server = createServer((_request, response) => {
      fetches += 1;
      response.setHeader('content-type', 'application/json').end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  it('are fetched once and cached, and fetched again when a token names a new kid (a rotation)', async () => {
    const first = await keyPair('ES256', 'first');
    const second = await keyPair('RS256', 'second');
    published = [first.jwk];
    fetches = 0;
    const keys = remoteSigningKeys(url, { cooldownMs: 0 });
    await expect(verify(keys, await sign(first.privateKey, 'ES256', 'first'))).resolves.toMatchObject({ subject: 'anna' });
    await expect(verify(keys, await sign(first.privateKey, 'ES256', 'first'))).resolves.toBeDefined();
    expect(fetches).toBe(1);
    published = [first.jwk, second.jwk];
    await expect(verify(keys, await sign(second.privateKey, 'RS256', 'second'))).resolves.toBeDefined();
    expect(fetches).toBe(2);
  });

  it('refuse a kid the provider does not publish, fetching at most once per cool-down', async () => {
    const known = await keyPair('EdDSA', 'known');
    published = [known.jwk];
    fetches = 0;
    const keys = remoteSigningKeys(url, { cooldownMs: 60_000 });
    await verify(keys, await sign(known.privateKey, 'EdDSA', 'known'));
    for (const kid of ['made-up-1', 'made-up-2', 'made-up-3']) {
      await expect(verify(keys, await sign(known.privateKey, 'EdDSA', kid))).rejects.toMatchObject({ reason: 'unknown-key' });
    }
    expect(fetches).toBe(1);
  });

  it('unreachable: not the token\'s fault (SigningKeysUnavailableError, not an invalid token)', async () => {
    const known = await keyPair('ES256', 'known');
    const keys = remoteSigningKeys('http://127.0.0.1:9/jwks', { timeoutMs: 1_000 });
    await expect(verify(keys, await sign(known.privateKey, 'ES256', 'known'))).rejects.toBeInstanceOf(SigningKeysUnavailableError);
  });
});

describe('keys given in configuration (JWT_KEYS, JWT_KEYS_FILE)', () => {
  it('a JWK Set, as a provider publishes it', async () => {
    const rsa = await keyPair('RS256', 'rsa-1');
    const ec = await keyPair('ES256', 'ec-1');
    const keys = await configuredSigningKeys(JSON.stringify({ keys: [rsa.jwk, ec.jwk] }));
    await expect(verify(keys, await sign(ec.privateKey, 'ES256', 'ec-1'))).resolves.toBeDefined();
    await expect(verify(keys, await sign(rsa.privateKey, 'RS256', 'rsa-1'))).resolves.toBeDefined();
    await expect(verify(keys, await sign(rsa.privateKey, 'RS256', 'rsa-2'))).rejects.toMatchObject({ reason: 'unknown-key' });
  });

  it('PEM public keys: the kid from a kid= line before the block, else the RFC 7638 thumbprint', async () => {
    const labelled = await keyPair('EdDSA', 'ignored');
    const unlabelled = await keyPair('RS256', 'ignored');
    const pem = `kid=idp-2026\n${await exportSPKI(labelled.publicKey)}\n${await exportSPKI(unlabelled.publicKey)}`;
    const keys = await configuredSigningKeys(pem);
    await expect(verify(keys, await sign(labelled.privateKey, 'EdDSA', 'idp-2026'))).resolves.toBeDefined();
    const thumbprint = await calculateJwkThumbprint(await exportJWK(unlabelled.publicKey));
    await expect(verify(keys, await sign(unlabelled.privateKey, 'RS256', thumbprint))).resolves.toBeDefined();
    await expect(verify(keys, await sign(unlabelled.privateKey, 'RS256', 'idp-2026'))).rejects.toMatchObject({ reason: 'unknown-key' });
  });

  it("a PEM certificate (as some providers show their key): its public key verifies", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'familybank-cert-'));
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-subj', '/CN=idp.test', '-days', '1', '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'pipe' });
      const keys = await configuredSigningKeys(`kid=cert-1\n${readFileSync(join(dir, 'cert.pem'), 'utf8')}`);
      const { createPrivateKey } = await import('node:crypto');
      const privateKey = createPrivateKey(readFileSync(join(dir, 'key.pem')));
      await expect(verify(keys, await sign(privateKey, 'ES256', 'cert-1'))).resolves.toBeDefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses private keys, symmetric keys, other curves and text without a key, naming the variable', async () => {
    const pair = await keyPair('ES256', 'k');
    await expect(configuredSigningKeys(await exportPKCS8(pair.privateKey), 'JWT_KEYS_FILE')).rejects.toThrow(/JWT_KEYS_FILE: holds a private key/);
    await expect(configuredSigningKeys(JSON.stringify({ keys: [{ ...(await exportJWK(pair.privateKey)), kid: 'k' }] }))).rejects.toThrow(/JWT_KEYS: holds a private key/);
    await expect(configuredSigningKeys(JSON.stringify({ kty: 'oct', k: 'c2VjcmV0', kid: 'hs' }))).rejects.toThrow(/symmetric \(oct\) keys are refused/);
    const p384 = await generateKeyPair('ES384', { extractable: true });
    await expect(configuredSigningKeys(await exportSPKI(p384.publicKey))).rejects.toThrow(/ec key on secp384r1 cannot verify/);
    await expect(configuredSigningKeys('hello')).rejects.toThrow(ConfigError);
    await expect(configuredSigningKeys('{not json')).rejects.toThrow(/JWT_KEYS: not valid JSON/);
  });
});
