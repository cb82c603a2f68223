import type { OidcConfig } from './oidc';
import { jwtClaims } from './pkce';

const KEY = 'familybank.oidc.tokens';

/** The token endpoint's answer (RFC 6749 5.1, OpenID Connect Core 3.1.3.3). */
export interface TokenAnswer {
  access_token?: string;
  expires_in?: number;
  refresh_token?: string;
  id_token?: string;
  error?: string;
  error_description?: string;
}

/**
 * What the console keeps of a sign-in at the provider, besides the access token (in the session):
 * the refresh token for renewal and the ID token as the hint for sign-out. In sessionStorage like
 * the access token: this tab only, gone when it closes, never in a cookie or localStorage. The
 * provider rotates the refresh token on every use (a public client's must be rotated or
 * sender-constrained, OAuth 2.0 for Browser-Based Applications), so a copy taken once is soon worthless.
 */
export interface ProviderSession {
  tokenEndpoint: string;
  endSessionEndpoint?: string;
  config: OidcConfig;
  refreshToken?: string;
  idToken?: string;
}

export function providerSession(storage: Storage): ProviderSession | undefined {
  try {
    return (JSON.parse(storage.getItem(KEY) ?? 'null') as ProviderSession | null) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Stores a token answer: a token the answer does not repeat (no rotation, no new ID token) stays as it was. */
export function keepProviderSession(storage: Storage, where: Pick<ProviderSession, 'tokenEndpoint' | 'endSessionEndpoint' | 'config'>, answer: TokenAnswer): void {
  const previous = providerSession(storage);
  const next: ProviderSession = { ...where, refreshToken: answer.refresh_token ?? previous?.refreshToken, idToken: answer.id_token ?? previous?.idToken };
  storage.setItem(KEY, JSON.stringify(next));
}

export function dropRefreshToken(storage: Storage): void {
  const kept = providerSession(storage);
  if (kept) storage.setItem(KEY, JSON.stringify({ ...kept, refreshToken: undefined }));
}

export function forgetProviderSession(storage: Storage): void {
  storage.removeItem(KEY);
}

/** Where the provider sends the browser after signing out: the console's sign-in (register it as a post-logout redirect URI). */
export const SIGNED_OUT_PATH = '/sign-in';

/**
 * The provider's end-session request (OpenID Connect RP-Initiated Logout 1.0): the ID token as the
 * hint of whose session to end, the client, and where to come back. Undefined when the provider
 * names no end_session_endpoint in its discovery.
 */
export function endSessionUrl(session: ProviderSession, origin: string): string | undefined {
  if (!session.endSessionEndpoint) return undefined;
  const url = new URL(session.endSessionEndpoint);
  url.searchParams.set('client_id', session.config.clientId);
  url.searchParams.set('post_logout_redirect_uri', `${origin}${SIGNED_OUT_PATH}`);
  if (session.idToken) url.searchParams.set('id_token_hint', session.idToken);
  return url.toString();
}

/**
 * When to renew an access token, in ms from `now`: a quarter of its lifetime before it expires, at
 * most a minute before, so a slow answer still arrives in time and a short-lived token is not renewed
 * at once. Lifetime from the token's iat and exp (the issuer's clock), the wait from our clock.
 */
export function renewalDelay(token: string, expiresAt: string, now: number): number {
  let lifetime = 0;
  try {
    const { iat, exp } = jwtClaims(token);
    if (typeof iat === 'number' && typeof exp === 'number') lifetime = (exp - iat) * 1000;
  } catch {
    // Not a JWT: renew a minute before it expires.
  }
  const margin = lifetime > 0 ? Math.min(60_000, lifetime / 4) : 60_000;
  return Math.max(0, Date.parse(expiresAt) - margin - now);
}
