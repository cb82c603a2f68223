import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, exportJWK, generateKeyPair, importJWK, type JWK, type KeyLike } from 'jose';
import type { Role } from '@familybank/contracts';

const ALG = 'EdDSA';

export interface DevKeys {
  kid: string;
  privateKey: KeyLike | Uint8Array;
  publicKey: KeyLike | Uint8Array;
}

/**
 * The embedded default signs its own tokens with an Ed25519 key kept under DATA_DIR, created on first
 * start, so a newcomer needs no identity provider. Production verifies tokens from a real issuer.
 */
export async function loadOrCreateDevKeys(dataDir: string): Promise<DevKeys> {
  const file = join(dataDir, 'dev-jwt-key.json');
  if (!existsSync(file)) {
    const { privateKey } = await generateKeyPair(ALG, { crv: 'Ed25519', extractable: true });
    const jwk = { ...(await exportJWK(privateKey)), kid: `dev-${Date.now().toString(36)}`, alg: ALG };
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(jwk), { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
  }
  const jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK & { kid: string };
  const { d: _private, ...publicJwk } = jwk;
  return { kid: jwk.kid, privateKey: await importJWK(jwk, ALG), publicKey: await importJWK(publicJwk, ALG) };
}

export interface DevTokenRequest {
  municipality: string;
  roles: Role[];
  subject?: string;
  issuer: string;
  audience: string;
  expiresIn?: string;
}

export function signDevToken(keys: DevKeys, request: DevTokenRequest): Promise<string> {
  return new SignJWT({ municipality: request.municipality, roles: request.roles })
    .setProtectedHeader({ alg: ALG, kid: keys.kid })
    .setSubject(request.subject ?? `dev-${request.roles.join('+')}@${request.municipality}`)
    .setIssuer(request.issuer)
    .setAudience(request.audience)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '8h')
    .sign(keys.privateKey);
}
