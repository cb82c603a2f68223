import { createHash, webcrypto } from 'node:crypto';
import { CALLBACK_PATH, completeSignIn, startSignIn, type Browser, type OidcConfig } from './oidc';

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
const discovery = { issuer: config.issuer, authorization_endpoint: `${config.issuer}/auth`, token_endpoint: `${config.issuer}/token` };
const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

/** A browser whose network answers discovery and the token request, and which records where it was sent. */
function fakeBrowser(token: (body: URLSearchParams) => { status: number; body: object }) {
  const requests: Array<{ url: string; body?: URLSearchParams }> = [];
  const browser: Browser & { went?: URL; requests: typeof requests } = {
    requests,
    storage: window.sessionStorage,
    origin: 'https://familybank.vejle.dk',
    go: (url) => (browser.went = new URL(url)),
    fetch: (async (url: string, init?: RequestInit) => {
      const body = init?.body ? new URLSearchParams(String(init.body)) : undefined;
      requests.push({ url, body });
      const answer = url.endsWith('/.well-known/openid-configuration') ? { status: 200, body: discovery } : token(body!);
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

    const session = await completeSignIn(`?code=the-code&state=${query.get('state')}&iss=${encodeURIComponent(config.issuer)}`, browser);
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
