import type { SignInConfig } from '@familybank/contracts';
// The roles only, not the contracts' index: that would put zod and every schema into the first paint.
import { ROLES, type Role } from '@familybank/contracts/roles';
import type { Session } from '../api/session';
import { claimAt, jwtClaims, randomToken, s256Challenge } from './pkce';

export type OidcConfig = Extract<SignInConfig, { mode: 'oidc' }>;
/** Where the provider sends the browser back with the code: a route of the console. */
export const CALLBACK_PATH = '/signed-in';
const PENDING_KEY = 'familybank.oidc.pending';

interface Discovery {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
}

/** What must survive the trip to the provider and back: in sessionStorage, this tab only, used once. */
interface Pending {
  state: string;
  verifier: string;
  redirectUri: string;
  tokenEndpoint: string;
  config: OidcConfig;
}

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

/** Starts the authorization code flow with PKCE (S256): remembers state and verifier, then leaves for the provider's login. */
export async function startSignIn(config: OidcConfig, browser: Browser = realBrowser()): Promise<void> {
  const discovery = await discover(browser, config.issuer);
  const pending: Pending = { state: randomToken(), verifier: randomToken(), redirectUri: `${browser.origin}${CALLBACK_PATH}`, tokenEndpoint: discovery.token_endpoint, config };
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
 * access token. The pending request is removed first, so a code is never tried twice.
 */
export async function completeSignIn(search: string, browser: Browser = realBrowser()): Promise<Session> {
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
  const body = (await response.json()) as { access_token?: string; expires_in?: number; error?: string; error_description?: string };
  if (!response.ok || !body.access_token) throw new Error(`The token request was refused: ${body.error ?? response.status} ${body.error_description ?? ''}`.trim());
  return sessionFrom(body.access_token, pending.config, body.expires_in);
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
