import { z } from 'zod';
import { ROLES, type Role } from '@familybank/contracts';

/** The development issuer's name: the embedded default signs its own tokens as this issuer. */
export const DEV_ISSUER = 'familybank-dev';

const claimName = z.string().regex(/^[\w:/.#-]{1,200}$/, 'A claim name, or a dotted path such as realm_access.roles');

/**
 * `idp-role=our-role,...`: which of the identity provider's role values grant which of ours. One
 * provider role may grant several of ours (repeat it); provider roles not listed grant nothing.
 */
const roleMap = z
  .string()
  .regex(/^[^=,\s]+=[a-z-]+(,[^=,\s]+=[a-z-]+)*$/, 'A comma-separated list of provider-role=familybank-role')
  .optional()
  .transform((value, context) => {
    if (!value) return undefined;
    const map: Record<string, Role[]> = {};
    for (const pair of value.split(',')) {
      const [theirs, ours] = pair.split('=') as [string, string];
      if (!ROLES.includes(ours as Role)) {
        context.addIssue({ code: 'custom', message: `"${ours}" is not a familybank role (${ROLES.join(', ')})` });
        return z.NEVER;
      }
      map[theirs] = [...(map[theirs] ?? []), ours as Role];
    }
    return map;
  });

/** The identity settings, merged into the configuration schema (see the README's Identity section). */
export const IdentitySettings = {
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  JWT_ISSUER: z.string().min(1).default(DEV_ISSUER),
  JWT_AUDIENCE: z.string().min(1).default('familybank-api'),
  JWT_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  JWT_KEYS: z.string().min(1).optional(),
  JWT_KEYS_FILE: z.string().min(1).optional(),
  JWT_CLOCK_SKEW_SECONDS: z.coerce.number().int().min(0).max(300).default(30),
  JWT_MAX_LIFETIME_SECONDS: z.coerce.number().int().min(60).max(86_400).default(43_200),
  JWT_CLAIM_SUBJECT: claimName.default('sub'),
  JWT_CLAIM_MUNICIPALITY: claimName.default('municipality'),
  JWT_CLAIM_ROLES: claimName.default('roles'),
  JWT_ROLE_MAP: roleMap,
  JWT_MUNICIPALITY: z.string().regex(/^\d{4}$/, 'A four-digit municipality code').optional(),
  /** The console's client at the identity provider (a public client: authorization code with PKCE); the console then signs in there. */
  OIDC_CLIENT_ID: z.string().regex(/^[\w.:@-]{1,200}$/, 'A client id: letters, digits and . : @ - _').optional(),
  /** The scopes the console asks for; the provider's issuer is JWT_ISSUER and the token's audience JWT_AUDIENCE (sent as the resource). */
  OIDC_SCOPE: z.string().regex(/^[\x21\x23-\x5B\x5D-\x7E]+( [\x21\x23-\x5B\x5D-\x7E]+)*$/, 'Space-separated scopes').default('openid'),
};

interface IdentityConfig {
  NODE_ENV: 'development' | 'test' | 'production';
  JWT_ISSUER: string;
  JWT_JWKS_URL?: string;
  JWT_KEYS?: string;
  JWT_KEYS_FILE?: string;
  JWT_MUNICIPALITY?: string;
  OIDC_CLIENT_ID?: string;
  MUNICIPALITIES: string[];
}

/** Where tokens come from: the identity provider's keys, or the embedded default's own issuer. */
export function usesIdentityProvider(config: Pick<IdentityConfig, 'JWT_JWKS_URL' | 'JWT_KEYS' | 'JWT_KEYS_FILE'>): boolean {
  return Boolean(config.JWT_JWKS_URL ?? config.JWT_KEYS ?? config.JWT_KEYS_FILE);
}

/**
 * What one variable alone cannot say. Production must name its identity provider (the development
 * issuer, whose key lies beside the data, would let anyone with file access mint tokens) and the
 * municipalities it serves (otherwise any four digits in a valid token would be served).
 */
export function identityProblems(config: IdentityConfig, env: NodeJS.ProcessEnv): string[] {
  const problems: string[] = [];
  const sources = (['JWT_JWKS_URL', 'JWT_KEYS', 'JWT_KEYS_FILE'] as const).filter((name) => config[name] !== undefined);
  if (sources.length > 1) problems.push(`${sources.join(', ')}: set only one source of the identity provider's keys`);
  if (sources.length > 0 && (!env.JWT_ISSUER || config.JWT_ISSUER === DEV_ISSUER)) {
    problems.push(`JWT_ISSUER: required with ${sources[0]}: the identity provider's issuer (its "iss"), not "${DEV_ISSUER}"`);
  }
  if (config.JWT_MUNICIPALITY && config.MUNICIPALITIES.length > 0 && !config.MUNICIPALITIES.includes(config.JWT_MUNICIPALITY)) {
    problems.push(`JWT_MUNICIPALITY: ${config.JWT_MUNICIPALITY} is not among MUNICIPALITIES (${config.MUNICIPALITIES.join(',')})`);
  }
  if (config.OIDC_CLIENT_ID) problems.push(...oidcProblems(config, sources.length > 0));
  if (config.NODE_ENV !== 'production') return problems;
  if (sources.length === 0) {
    problems.push('JWT_JWKS_URL: required when NODE_ENV=production (or JWT_KEYS / JWT_KEYS_FILE): the development issuer is refused in production');
  }
  if (config.MUNICIPALITIES.length === 0) problems.push('MUNICIPALITIES: required when NODE_ENV=production: the municipalities this node serves');
  if (config.JWT_JWKS_URL && !isHttpsOrLoopback(config.JWT_JWKS_URL)) {
    problems.push('JWT_JWKS_URL: must be https when NODE_ENV=production (keys fetched in clear could be replaced on the way)');
  }
  return problems;
}

/** The console signs in at JWT_ISSUER, so it must be the provider's URL, and the API must verify that provider's tokens. */
function oidcProblems(config: IdentityConfig, hasProvider: boolean): string[] {
  if (!hasProvider) return ['OIDC_CLIENT_ID: needs the identity provider the API verifies (JWT_JWKS_URL, JWT_KEYS or JWT_KEYS_FILE)'];
  if (!URL.canParse(config.JWT_ISSUER) || !/^https?:$/.test(new URL(config.JWT_ISSUER).protocol)) {
    return [`OIDC_CLIENT_ID: JWT_ISSUER must be the provider's URL (its discovery document is JWT_ISSUER/.well-known/openid-configuration), not "${config.JWT_ISSUER}"`];
  }
  if (config.NODE_ENV === 'production' && !isHttpsOrLoopback(config.JWT_ISSUER)) return ['OIDC_CLIENT_ID: JWT_ISSUER must be https when NODE_ENV=production'];
  return [];
}

function isHttpsOrLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'https:' || ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
}
