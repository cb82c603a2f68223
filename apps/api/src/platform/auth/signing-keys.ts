import { X509Certificate, createPublicKey, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, createLocalJWKSet, createRemoteJWKSet, errors, exportJWK, type JWK, type JWTVerifyGetKey } from 'jose';
import { ConfigError } from '../config/config';
import { SigningKeysUnavailableError } from './token-verifier';

export interface RemoteKeysOptions {
  /** After a fetch, an unknown `kid` triggers no new fetch for this long (a flood of made-up kids costs one fetch). */
  cooldownMs?: number;
  /** Keys are re-fetched at least this often, so a retired key stops verifying. */
  cacheMaxAgeMs?: number;
  timeoutMs?: number;
}

/**
 * The identity provider's published JWK Set (its `jwks_uri`), fetched on first use, cached, and
 * fetched again when a token names a `kid` it does not hold (the provider rotated its keys).
 */
export function remoteSigningKeys(url: string, options: RemoteKeysOptions = {}): JWTVerifyGetKey {
  const jwks = createRemoteJWKSet(new URL(url), {
    cooldownDuration: options.cooldownMs ?? 30_000,
    cacheMaxAge: options.cacheMaxAgeMs ?? 600_000,
    timeoutDuration: options.timeoutMs ?? 5_000,
  });
  return async (header, token) => {
    try {
      return await jwks(header, token);
    } catch (error) {
      // The token's fault (no key has its kid); anything else is the provider being unreachable or broken.
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys || error instanceof errors.JOSENotSupported) throw error;
      throw new SigningKeysUnavailableError(`The identity provider's keys could not be fetched from ${url}: ${(error as Error).message}`);
    }
  };
}

/**
 * Keys given in configuration: a JWK Set (`{"keys": [...]}`, what a provider publishes), one JWK, or
 * PEM public keys / certificates. A PEM key's `kid` is given on a `kid=...` line just before it, or
 * else is its RFC 7638 thumbprint. Private and symmetric keys are refused: this node only verifies.
 */
export async function configuredSigningKeys(text: string, source = 'JWT_KEYS'): Promise<JWTVerifyGetKey> {
  const keys = text.trim().startsWith('{') ? jwksFromJson(text, source) : await jwksFromPem(text, source);
  if (keys.length === 0) throw new ConfigError(`Invalid configuration:\n  ${source}: no public key found (a JWK Set, a JWK, or PEM public keys)`);
  for (const key of keys) checkPublicKey(key, source);
  return createLocalJWKSet({ keys });
}

function jwksFromJson(text: string, source: string): JWK[] {
  let parsed: { keys?: unknown } & JWK;
  try {
    parsed = JSON.parse(text) as typeof parsed;
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  ${source}: not valid JSON (${(error as Error).message})`);
  }
  return Array.isArray(parsed.keys) ? (parsed.keys as JWK[]) : [parsed];
}

async function jwksFromPem(text: string, source: string): Promise<JWK[]> {
  const blocks = [...text.matchAll(/(?:kid=(\S+)\s*\n)?\s*(-----BEGIN ([A-Z0-9 ]+)-----[\s\S]+?-----END \3-----)/g)];
  return Promise.all(
    blocks.map(async ([, kid, pem, label]) => {
      if (/PRIVATE/.test(label!)) throw new ConfigError(`Invalid configuration:\n  ${source}: holds a private key; give the public key only`);
      const key = pemPublicKey(pem!, label!, source);
      const jwk = await exportJWK(key);
      return { ...jwk, kid: kid ?? (await calculateJwkThumbprint(jwk)), alg: algorithmOf(key, source), use: 'sig' };
    }),
  );
}

function pemPublicKey(pem: string, label: string, source: string): KeyObject {
  try {
    return label === 'CERTIFICATE' ? new X509Certificate(pem).publicKey : createPublicKey(pem);
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  ${source}: a PEM block could not be read (${(error as Error).message})`);
  }
}

function algorithmOf(key: KeyObject, source: string): string {
  const type = key.asymmetricKeyType;
  if (type === 'rsa') return 'RS256';
  if (type === 'ed25519') return 'EdDSA';
  if (type === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  throw new ConfigError(`Invalid configuration:\n  ${source}: a ${type} key${type === 'ec' ? ` on ${key.asymmetricKeyDetails?.namedCurve}` : ''} cannot verify RS256, ES256 or EdDSA`);
}

function checkPublicKey(key: JWK, source: string): void {
  if (key.kty === 'oct') throw new ConfigError(`Invalid configuration:\n  ${source}: symmetric (oct) keys are refused: HS* tokens are not accepted`);
  if (key.d !== undefined) throw new ConfigError(`Invalid configuration:\n  ${source}: holds a private key; give the public key only`);
  if (!['RSA', 'EC', 'OKP'].includes(key.kty ?? '')) throw new ConfigError(`Invalid configuration:\n  ${source}: unsupported key type ${JSON.stringify(key.kty)}`);
}
