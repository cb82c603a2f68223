import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, decodeJwt, errors, exportJWK, generateKeyPair, importJWK, type JWK, type JWTVerifyGetKey, type KeyLike } from 'jose';
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
  /** A duration such as `8h`, `30m` (jose's syntax); negative for an already expired token. */
  expiresIn?: string;
  /** What the verifier accepts (JWT_MAX_LIFETIME_SECONDS); a longer token is not issued. */
  maxLifetimeSeconds?: number;
}

export class DevTokenError extends Error {
  override readonly name = 'DevTokenError';
}

/** The default of JWT_MAX_LIFETIME_SECONDS: twelve hours. */
export const DEFAULT_MAX_LIFETIME_SECONDS = 43_200;

export async function signDevToken(keys: DevKeys, request: DevTokenRequest): Promise<string> {
  const token = await new SignJWT({ municipality: request.municipality, roles: request.roles })
    .setProtectedHeader({ alg: ALG, kid: keys.kid })
    .setSubject(request.subject ?? `dev-${request.roles.join('+')}@${request.municipality}`)
    .setIssuer(request.issuer)
    .setAudience(request.audience)
    .setIssuedAt()
    .setExpirationTime(request.expiresIn ?? '8h')
    .sign(keys.privateKey);
  const { exp, iat } = decodeJwt(token) as { exp: number; iat: number };
  const max = request.maxLifetimeSeconds ?? DEFAULT_MAX_LIFETIME_SECONDS;
  if (exp - iat > max) {
    throw new DevTokenError(`A token may live at most ${max} s (${max / 3600} h, JWT_MAX_LIFETIME_SECONDS); "${request.expiresIn}" is ${exp - iat} s. The API would refuse it.`);
  }
  return token;
}

/** The verifier's view of the development issuer: its one public key, by its kid. */
export function devSigningKey(keys: DevKeys): JWTVerifyGetKey {
  return async (header) => {
    if (header.kid !== keys.kid) throw new errors.JWKSNoMatchingKey(`No development key has kid ${JSON.stringify(header.kid)}`);
    return keys.publicKey;
  };
}
