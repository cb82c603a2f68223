import { createHash, webcrypto } from 'node:crypto';
import { CALLBACK_PATH, canRenew, completeSignIn, endProviderSession, renewSession, RenewalRefused, startSignIn, type Browser, type OidcConfig } from './oidc';
import { providerSession, renewalDelay } from './provider-session';

beforeAll(() => {
  if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });
});

const config: OidcConfig = {
  mode: 'oidc',
  issuer: 'https://login.vejle.dk',
  clientId: 'familybank-console',
  scope: 'openid familybank',
  resource: 'familybank-api',
  claims: { subject: 'sub', municipality: 'municipality', roles: 'roles' },
};
const discovery = { issuer: config.issuer, authorization_endpoint: `${config.issuer}/auth`, token_endpoint: `${config.issuer}/token`, end_session_endpoint: `${config.issuer}/session/end` };
const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

/** A browser whose network answers discovery and the token request, and which records where it was sent. */
function fakeBrowser(token: (body: URLSearchParams) => { status: number; body: object }, answers: object = discovery) {
  const requests: Array<{ url: string; body?: URLSearchParams }> = [];
  const browser: Browser & { went?: URL; requests: typeof requests } = {
    requests,
    storage: window.sessionStorage,
    origin: 'https://familybank.vejle.dk',
    go: (url) => (browser.went = new URL(url)),
    fetch: (async (url: string, init?: RequestInit) => {
      const body = init?.body ? new URLSearchParams(String(init.body)) : undefined;
      requests.push({ url, body });
      const answer = url.endsWith('/.well-known/openid-configuration') ? { status: 200, body: answers } : token(body!);
      return { ok: answer.status < 300, status: answer.status, json: async () => answer.body } as Response;
    }) as typeof fetch,
  };
  return browser;
}

beforeEach(() => sessionStorage.clear());

describe('signing in with OpenID Connect (authorization code + PKCE)', () => {
  it('sends the browser to the provider with an S256 challenge, the state and the API as resource; exchanges the code with the verifier', async () => {
    const access = jwt({ sub: 'anna.berg', municipality: '0630', roles: ['caseworker', 'approver', 'not-ours'], exp: 2_000_000_000 });
    const browser = fakeBrowser(() => ({ status: 200, body: { access_token: access, token_type: 'Bearer', expires_in: 600 } }));
    await startSignIn(config, browser);
    const query = browser.went!.searchParams;
    expect(`${browser.went!.origin}${browser.went!.pathname}`).toBe(discovery.authorization_endpoint);
    expect(Object.fromEntries(query)).toMatchObject({ response_type: 'code', client_id: config.clientId, redirect_uri: `https://familybank.vejle.dk${CALLBACK_PATH}`, scope: config.scope, code_challenge_method: 'S256', resource: 'familybank-api' });

    const { session, returnTo } = await completeSignIn(`?code=the-code&state=${query.get('state')}&iss=${encodeURIComponent(config.issuer)}`, browser);
    expect(returnTo).toBe('/');
    const exchange = browser.requests.at(-1)!;
    expect(exchange.url).toBe(discovery.token_endpoint);
    expect(Object.fromEntries(exchange.body!)).toMatchObject({ grant_type: 'authorization_code', code: 'the-code', client_id: config.clientId, redirect_uri: query.get('redirect_uri') });
    expect(exchange.body!.has('client_secret')).toBe(false);
    expect(createHash('sha256').update(exchange.body!.get('code_verifier')!).digest('base64url')).toBe(query.get('code_challenge'));
    expect(session).toEqual({ token: access, municipality: '0630', roles: ['caseworker', 'approver'], subject: 'anna.berg', expiresAt: new Date(2_000_000_000_000).toISOString() });
  });

  it('refuses an answer with another state, or from another issuer, without asking for a token', async () => {
    const browser = fakeBrowser(() => ({ status: 200, body: { access_token: jwt({}) } }));
    await startSignIn(config, browser);
    await expect(completeSignIn('?code=c&state=forged', browser)).rejects.toThrow(/state differs/);
    await startSignIn(config, browser);
    const state = browser.went!.searchParams.get('state');
    await expect(completeSignIn(`?code=c&state=${state}&iss=https://evil.example`, browser)).rejects.toThrow(/comes from https:\/\/evil.example/);
    expect(browser.requests.filter((request) => request.url === discovery.token_endpoint)).toEqual([]);
  });

  it('a code is tried once: the pending sign-in is gone after the first answer', async () => {
    const browser = fakeBrowser(() => ({ status: 400, body: { error: 'invalid_grant', error_description: 'grant request is invalid' } }));
    await startSignIn(config, browser);
    const search = `?code=c&state=${browser.went!.searchParams.get('state')}`;
    await expect(completeSignIn(search, browser)).rejects.toThrow(/invalid_grant/);
    await expect(completeSignIn(search, browser)).rejects.toThrow(/No sign-in was started/);
  });

  it('the provider’s refusal (the user cancelled) is reported', async () => {
    const browser = fakeBrowser(() => ({ status: 500, body: {} }));
    await startSignIn(config, browser);
    await expect(completeSignIn(`?error=access_denied&error_description=cancelled&state=${browser.went!.searchParams.get('state')}`, browser)).rejects.toThrow('access_denied: cancelled');
  });

  it('refuses a discovery document naming another issuer', async () => {
    const browser = fakeBrowser(() => ({ status: 200, body: {} }));
    await expect(startSignIn({ ...config, issuer: 'https://other.example' }, browser)).rejects.toThrow(/names issuer https:\/\/login.vejle.dk/);
    expect(browser.went).toBeUndefined();
  });
});

/** Signs in at the fake provider, whose token endpoint answers with `answer` for each grant. */
async function signedIn(answer: (body: URLSearchParams) => { status: number; body: object }, answers: object = discovery, returnTo?: string) {
  const browser = fakeBrowser(answer, answers);
  await startSignIn(config, browser, returnTo);
  const result = await completeSignIn(`?code=c&state=${browser.went!.searchParams.get('state')}`, browser);
  return { browser, result };
}
const tokens = (n: number, claims: object = {}) => ({ access_token: jwt({ sub: 'anna.berg', municipality: '0630', roles: ['caseworker'], iat: 1_000 * n, exp: 1_000 * n + 600, ...claims }), refresh_token: `refresh-${n}`, id_token: `id-${n}`, expires_in: 600 });

describe('keeping the sign-in alive with the refresh token', () => {
  it('renews at the token endpoint as a public client, for the same resource, and keeps the rotated refresh token', async () => {
    let issued = 0;
    const { browser } = await signedIn(() => ({ status: 200, body: tokens(++issued) }));
    expect(canRenew(browser)).toBe(true);
    const renewed = await renewSession(browser);
    const renewal = browser.requests.at(-1)!;
    expect(renewal.url).toBe(discovery.token_endpoint);
    expect(Object.fromEntries(renewal.body!)).toEqual({ grant_type: 'refresh_token', refresh_token: 'refresh-1', client_id: config.clientId, resource: config.resource });
    expect(renewed.token).toBe(tokens(2).access_token);
    expect(renewed.expiresAt).toBe(new Date(2_600_000).toISOString());
    expect(providerSession(browser.storage)).toMatchObject({ refreshToken: 'refresh-2', idToken: 'id-2' });
    await renewSession(browser);
    expect(browser.requests.at(-1)!.body!.get('refresh_token')).toBe('refresh-2');
  });

  it('a provider that does not rotate: the same refresh token is used again', async () => {
    let issued = 0;
    const { browser } = await signedIn(() => (++issued === 1 ? { status: 200, body: tokens(1) } : { status: 200, body: { access_token: tokens(issued).access_token } }));
    await renewSession(browser);
    await renewSession(browser);
    expect(browser.requests.at(-1)!.body!.get('refresh_token')).toBe('refresh-1');
    expect(providerSession(browser.storage)?.idToken).toBe('id-1');
  });

  it('a refused refresh token is not tried again: renewal needs a new sign-in', async () => {
    let issued = 0;
    const { browser } = await signedIn(() => (++issued === 1 ? { status: 200, body: tokens(1) } : { status: 400, body: { error: 'invalid_grant', error_description: 'grant request is invalid' } }));
    await expect(renewSession(browser)).rejects.toThrow(RenewalRefused);
    expect(canRenew(browser)).toBe(false);
    await expect(renewSession(browser)).rejects.toThrow(/no refresh token/);
    expect(browser.requests.filter((request) => request.body?.get('grant_type') === 'refresh_token')).toHaveLength(1);
  });

  it('an unreachable or failing token endpoint is not a refusal: the refresh token stays for a retry', async () => {
    let issued = 0;
    const { browser } = await signedIn(() => (++issued === 1 ? { status: 200, body: tokens(1) } : { status: 503, body: {} }));
    await expect(renewSession(browser)).rejects.toThrow(TypeError);
    expect(canRenew(browser)).toBe(true);
  });

  it('without a refresh token from the provider there is nothing to renew with', async () => {
    const { browser } = await signedIn(() => ({ status: 200, body: { access_token: tokens(1).access_token } }));
    expect(canRenew(browser)).toBe(false);
  });

  it('renews a quarter of the lifetime before expiry, at most a minute before, and at once when late', () => {
    const token = (lifetime: number) => jwt({ iat: 1_000, exp: 1_000 + lifetime });
    const expiresAt = new Date(1_000_000 + 600_000).toISOString();
    expect(renewalDelay(token(600), expiresAt, 1_000_000)).toBe(540_000);
    expect(renewalDelay(token(20), new Date(1_020_000).toISOString(), 1_000_000)).toBe(15_000);
    expect(renewalDelay(token(600), expiresAt, 1_000_000 + 590_000)).toBe(0);
    expect(renewalDelay('opaque', expiresAt, 1_000_000)).toBe(540_000);
  });
});

describe('coming back to where the sign-in was started', () => {
  it('returns to the page given, and only to a path of the console', async () => {
    expect((await signedIn(() => ({ status: 200, body: tokens(1) }), discovery, '/families/f-1?tab=history')).result.returnTo).toBe('/families/f-1?tab=history');
    for (const elsewhere of ['//evil.example/x', 'https://evil.example', '/\\evil.example', `${CALLBACK_PATH}?code=x`]) {
      expect((await signedIn(() => ({ status: 200, body: tokens(1) }), discovery, elsewhere)).result.returnTo).toBe('/');
    }
  });
});

describe('signing out at the provider (RP-initiated logout)', () => {
  it('forgets the tokens and sends the browser to the end_session_endpoint with the ID token as hint, coming back to the sign-in', async () => {
    const { browser } = await signedIn(() => ({ status: 200, body: tokens(1) }));
    expect(endProviderSession(browser)).toBe(true);
    expect(`${browser.went!.origin}${browser.went!.pathname}`).toBe(discovery.end_session_endpoint);
    expect(Object.fromEntries(browser.went!.searchParams)).toEqual({ client_id: config.clientId, id_token_hint: 'id-1', post_logout_redirect_uri: 'https://familybank.vejle.dk/sign-in' });
    expect(providerSession(browser.storage)).toBeUndefined();
    expect(canRenew(browser)).toBe(false);
  });

  it('a provider without end-session, or no provider sign-in: a local sign-out only', async () => {
    const { end_session_endpoint: _, ...without } = discovery;
    const { browser } = await signedIn(() => ({ status: 200, body: tokens(1) }), without);
    const before = browser.went;
    expect(endProviderSession(browser)).toBe(false);
    expect(browser.went).toBe(before);
    expect(providerSession(browser.storage)).toBeUndefined();
    expect(endProviderSession(fakeBrowser(() => ({ status: 500, body: {} })))).toBe(false);
  });
});
