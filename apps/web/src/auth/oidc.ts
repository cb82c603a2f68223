import type { SignInConfig } from '@familybank/contracts';
// The roles only, not the contracts' index: that would put zod and every schema into the first paint.
import { ROLES, type Role } from '@familybank/contracts/roles';
import type { Session } from '../api/session';
import { claimAt, jwtClaims, randomToken, s256Challenge } from './pkce';
import { dropRefreshToken, endSessionUrl, forgetProviderSession, keepProviderSession, providerSession, type TokenAnswer } from './provider-session';

export type OidcConfig = Extract<SignInConfig, { mode: 'oidc' }>;
/** Where the provider sends the browser back with the code: a route of the console. */
export const CALLBACK_PATH = '/signed-in';
const PENDING_KEY = 'familybank.oidc.pending';

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  /** RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0), when the provider offers it. */
  end_session_endpoint?: string;
}

/** What must survive the trip to the provider and back: in sessionStorage, this tab only, used once. */
interface Pending {
  state: string;
  verifier: string;
  redirectUri: string;
  tokenEndpoint: string;
  endSessionEndpoint?: string;
  /** The console's page to come back to (a path of this origin), e.g. where a renewal failed. */
  returnTo: string;
  config: OidcConfig;
}

/** After the sign-in: who signed in, and the console's page to show. */
export interface SignedInResult {
  session: Session;
  returnTo: string;
}

/** Only a path of this origin: a crafted return address must not send the browser elsewhere. */
export const safeReturnPath = (path: string | undefined): string => (path && path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') && !path.startsWith(CALLBACK_PATH) ? path : '/');

/** The browser's effects, passed in so the flow can be tested without a provider. */
export interface Browser {
  fetch: typeof fetch;
  storage: Storage;
  origin: string;
  go(url: string): void;
}

export const realBrowser = (): Browser => ({ fetch: (...args) => window.fetch(...args), storage: sessionStorage, origin: window.location.origin, go: (url) => window.location.assign(url) });

async function discover(browser: Browser, issuer: string): Promise<Discovery> {
  const response = await browser.fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`The identity provider's discovery answered ${response.status}`);
  const discovery = (await response.json()) as Discovery;
  // A document naming another issuer is not this provider's (OpenID Connect Discovery 4.3).
  if (discovery.issuer !== issuer) throw new Error(`The discovery document names issuer ${discovery.issuer}, not ${issuer}`);
  return discovery;
}

/**
 * Starts the authorization code flow with PKCE (S256): remembers state and verifier, then leaves for
 * the provider's login. `returnTo` is the console's page to show afterwards (default the start page).
 */
export async function startSignIn(config: OidcConfig, browser: Browser = realBrowser(), returnTo?: string): Promise<void> {
  const discovery = await discover(browser, config.issuer);
  const pending: Pending = {
    state: randomToken(),
    verifier: randomToken(),
    redirectUri: `${browser.origin}${CALLBACK_PATH}`,
    tokenEndpoint: discovery.token_endpoint,
    endSessionEndpoint: discovery.end_session_endpoint,
    returnTo: safeReturnPath(returnTo),
    config,
  };
  browser.storage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(discovery.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: pending.redirectUri,
    scope: config.scope,
    state: pending.state,
    code_challenge: await s256Challenge(pending.verifier),
    code_challenge_method: 'S256',
    resource: config.resource,
  }).toString();
  browser.go(url.toString());
}

/**
 * Back from the provider: checks the state (and the issuer, RFC 9207, when sent), exchanges the code
 * with the verifier at the token endpoint (public client, no secret) and makes the session from the
 * access token. The pending request is removed first, so a code is never tried twice. The refresh
 * token and ID token, when the provider gives them, are kept for renewal and sign-out.
 */
export async function completeSignIn(search: string, browser: Browser = realBrowser()): Promise<SignedInResult> {
  const params = new URLSearchParams(search);
  const stored = browser.storage.getItem(PENDING_KEY);
  browser.storage.removeItem(PENDING_KEY);
  if (!stored) throw new Error('No sign-in was started in this tab');
  const pending = JSON.parse(stored) as Pending;
  if (params.get('state') !== pending.state) throw new Error('The answer does not belong to the sign-in started here (state differs)');
  const error = params.get('error');
  if (error) throw new Error(`${error}: ${params.get('error_description') ?? ''}`.trim());
  const iss = params.get('iss');
  if (iss !== null && iss !== pending.config.issuer) throw new Error(`The answer comes from ${iss}, not ${pending.config.issuer}`);
  const code = params.get('code');
  if (!code) throw new Error('The answer holds no code');
  const response = await browser.fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: pending.redirectUri, client_id: pending.config.clientId, code_verifier: pending.verifier, resource: pending.config.resource }).toString(),
  });
  const body = (await response.json()) as TokenAnswer;
  if (!response.ok || !body.access_token) throw new Error(`The token request was refused: ${body.error ?? response.status} ${body.error_description ?? ''}`.trim());
  const session = sessionFrom(body.access_token, pending.config, body.expires_in);
  keepProviderSession(browser.storage, { tokenEndpoint: pending.tokenEndpoint, endSessionEndpoint: pending.endSessionEndpoint, config: pending.config }, body);
  return { session, returnTo: safeReturnPath(pending.returnTo) };
}

/** Who signed in, read from the access token's claims with the API's claim names (for the header; the API decides). */
export function sessionFrom(token: string, config: OidcConfig, expiresIn?: number): Session {
  const claims = jwtClaims(token);
  const roles = claimAt(claims, config.claims.roles);
  const exp = typeof claims['exp'] === 'number' ? claims['exp'] * 1000 : Date.now() + (expiresIn ?? 300) * 1000;
  return {
    token,
    municipality: String(claimAt(claims, config.claims.municipality) ?? ''),
    roles: (Array.isArray(roles) ? roles : typeof roles === 'string' ? roles.split(' ') : []).filter((role): role is Role => ROLES.includes(role as Role)),
    subject: String(claimAt(claims, config.claims.subject) ?? ''),
    expiresAt: new Date(exp).toISOString(),
  };
}

/** The provider refused the refresh token (expired, revoked, or its session ended): a new sign-in is needed. */
export class RenewalRefused extends Error {
  override readonly name = 'RenewalRefused';
}

/**
 * Renews the session with the refresh token (RFC 6749 section 6), before the access token expires:
 * a public client, so client_id and no secret; the same resource (our API) as at sign-in. The
 * rotated refresh token replaces the used one. Rejects with RenewalRefused when the provider says no
 * (or there is nothing to renew with); a network failure rejects as fetch does (worth a retry).
 */
export async function renewSession(browser: Browser = realBrowser()): Promise<Session> {
  const kept = providerSession(browser.storage);
  if (!kept?.refreshToken) throw new RenewalRefused('The provider gave no refresh token');
  const response = await browser.fetch(kept.tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: kept.refreshToken, client_id: kept.config.clientId, resource: kept.config.resource }).toString(),
  });
  const body = (await response.json().catch(() => ({}))) as TokenAnswer;
  if (response.status >= 500) throw new TypeError(`The token endpoint answered ${response.status}`);
  if (!response.ok || !body.access_token) {
    // A refused refresh token is never tried again: the next step is a new sign-in (the ID token stays, for signing out).
    dropRefreshToken(browser.storage);
    throw new RenewalRefused(`The renewal was refused: ${body.error ?? response.status} ${body.error_description ?? ''}`.trim());
  }
  keepProviderSession(browser.storage, kept, body);
  return sessionFrom(body.access_token, kept.config, body.expires_in);
}

/** Whether this tab's sign-in can be renewed without the user (the provider gave a refresh token). */
export const canRenew = (browser: Pick<Browser, 'storage'> = realBrowser()): boolean => providerSession(browser.storage)?.refreshToken !== undefined;

/**
 * Signs out at the provider: forgets the tokens here, then sends the browser to the provider's
 * end_session_endpoint, which ends its session and comes back to the sign-in. False when this tab
 * did not sign in at a provider or the provider offers no end-session: signing out is then local only.
 */
export function endProviderSession(browser: Browser = realBrowser()): boolean {
  const kept = providerSession(browser.storage);
  forgetProviderSession(browser.storage);
  const url = kept ? endSessionUrl(kept, browser.origin) : undefined;
  if (!url) return false;
  browser.go(url);
  return true;
}
