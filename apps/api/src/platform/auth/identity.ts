import { readFileSync } from 'node:fs';
import type { JWTVerifyGetKey } from 'jose';
import { ConfigError, type AppConfig } from '../config/config';
import { usesIdentityProvider } from '../config/identity-config';
import { DEFAULT_CLAIMS, type ClaimMapping } from './claim-mapping';
import { devSigningKey, loadOrCreateDevKeys, type DevKeys } from './dev-keys';
import { jwtVerifier } from './jwt-verifier';
import { configuredSigningKeys, remoteSigningKeys } from './signing-keys';
import type { TokenVerifier } from './token-verifier';
import { rememberVerifiedTokens } from './verified-tokens';

/** How this node knows who calls it. */
export interface Identity {
  verifier: TokenVerifier;
  /** The development issuer's keys: only when no identity provider is configured, never in production. */
  devKeys?: DevKeys;
}

/**
 * An identity provider when one is configured (its JWKS URL or its keys); otherwise the embedded
 * default's development issuer, with a key under DATA_DIR. Both get the same checks.
 */
export async function openIdentity(config: AppConfig): Promise<Identity> {
  const checks = { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE, clockSkewSeconds: config.JWT_CLOCK_SKEW_SECONDS, maxLifetimeSeconds: config.JWT_MAX_LIFETIME_SECONDS };
  if (usesIdentityProvider(config)) {
    const keys = await providerKeys(config);
    const claims: ClaimMapping = { subject: config.JWT_CLAIM_SUBJECT, municipality: config.JWT_CLAIM_MUNICIPALITY, roles: config.JWT_CLAIM_ROLES, roleMap: config.JWT_ROLE_MAP, fixedMunicipality: config.JWT_MUNICIPALITY };
    return { verifier: rememberVerifiedTokens(jwtVerifier({ ...checks, keys, claims })) };
  }
  // loadConfig refuses this combination already; a second lock, since minting tokens from a file is what it prevents.
  if (config.NODE_ENV === 'production') throw new ConfigError('Invalid configuration:\n  JWT_JWKS_URL: the development issuer is refused when NODE_ENV=production');
  const devKeys = await loadOrCreateDevKeys(config.DATA_DIR);
  return { verifier: rememberVerifiedTokens(jwtVerifier({ ...checks, keys: devSigningKey(devKeys), claims: DEFAULT_CLAIMS })), devKeys };
}

function providerKeys(config: AppConfig): Promise<JWTVerifyGetKey> | JWTVerifyGetKey {
  if (config.JWT_JWKS_URL) return remoteSigningKeys(config.JWT_JWKS_URL);
  if (config.JWT_KEYS) return configuredSigningKeys(config.JWT_KEYS, 'JWT_KEYS');
  let text: string;
  try {
    text = readFileSync(config.JWT_KEYS_FILE!, 'utf8');
  } catch (error) {
    throw new ConfigError(`Invalid configuration:\n  JWT_KEYS_FILE=${JSON.stringify(config.JWT_KEYS_FILE)}: cannot be read (${(error as NodeJS.ErrnoException).code})`);
  }
  return configuredSigningKeys(text, 'JWT_KEYS_FILE');
}
