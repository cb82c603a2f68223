import type { SignInConfig } from '@familybank/contracts';
import type { AppConfig } from '../platform/config/config';

type SignInSettings = Pick<AppConfig, 'OIDC_CLIENT_ID' | 'OIDC_SCOPE' | 'JWT_ISSUER' | 'JWT_AUDIENCE' | 'JWT_CLAIM_SUBJECT' | 'JWT_CLAIM_MUNICIPALITY' | 'JWT_CLAIM_ROLES'>;

/**
 * How the console signs in: at the identity provider when the node names the console's client
 * (OIDC_CLIENT_ID, validated with the provider at start-up), else with the development sign-in.
 * The access token's audience is our API, asked for as the resource (RFC 8707).
 */
export function signInConfig(config: SignInSettings): SignInConfig {
  if (!config.OIDC_CLIENT_ID) return { mode: 'development' };
  return {
    mode: 'oidc',
    issuer: config.JWT_ISSUER,
    clientId: config.OIDC_CLIENT_ID,
    scope: config.OIDC_SCOPE,
    resource: config.JWT_AUDIENCE,
    claims: { subject: config.JWT_CLAIM_SUBJECT, municipality: config.JWT_CLAIM_MUNICIPALITY, roles: config.JWT_CLAIM_ROLES },
  };
}
