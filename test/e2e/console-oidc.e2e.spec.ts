import type { Browser, Page } from 'playwright-core';
import { en } from '../../apps/web/src/i18n/locales/en';
import { startTestServer, type TestServer } from '../support/api-server';
import { buildConsole, checkScreen, launchChromium, openPage } from '../support/browser';
import { registration } from '../support/family-fixtures';
import { send } from '../support/http-helpers';
import { startOidcProvider, type OidcProvider } from '../support/oidc-provider';

jest.setTimeout(180_000);
const API = 'https://api.familybank.test';
const CONSOLE_CLIENT = 'familybank-console';
const T = en;
/** The console's access tokens live this long (seconds): short, so the test sees one renewed. */
const ACCESS_TOKEN_TTL = 15;

beforeAll(() => buildConsole());

/**
 * The console signs in at a real OpenID provider (panva's oidc-provider on loopback): authorization
 * code with PKCE in the browser, the provider's own login page, and the access token (a JWT for our
 * API) used for every call. The development sign-in is not offered on such a node.
 */
describe('console sign-in with OpenID Connect', () => {
  let provider: OidcProvider;
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const refusedByCsp: string[] = [];
  /** Every page of the provider the browser was sent to: a renewal must add none. */
  const atProvider: string[] = [];
  const storedToken = async () => (JSON.parse((await page.evaluate('sessionStorage.getItem("familybank.session")')) as string) as { token: string }).token;
  const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown> & { exp: number };

  beforeAll(async () => {
    provider = await startOidcProvider({
      resource: API,
      otherResource: 'https://payroll.vejle.test',
      clients: [{ client_id: 'vejle-intake', client_secret: 'vejle-intake-secret-0123456789', municipality: '0630', roles: ['caseworker'] }],
      users: { 'anna.berg': { municipality: '0630', roles: ['caseworker', 'approver'] } },
      browserTokenTtl: ACCESS_TOKEN_TTL,
    });
    const discovery = await provider.discovery();
    server = await startTestServer({
      JWT_ISSUER: discovery.issuer,
      JWT_JWKS_URL: discovery.jwks_uri,
      JWT_AUDIENCE: API,
      MUNICIPALITIES: '0630',
      OIDC_CLIENT_ID: CONSOLE_CLIENT,
      OIDC_SCOPE: 'openid familybank',
    });
    await provider.registerBrowserClient(CONSOLE_CLIENT, `${server.baseUrl}/signed-in`, `${server.baseUrl}/sign-in`);
    // A family Vejle registered through another client: what the signed-in caseworker should see.
    const created = await send(server, 'POST', '/v1/families', { token: await provider.token('vejle-intake'), body: registration() });
    expect(created.status).toBe(201);
    browser = await launchChromium();
    page = await openPage(browser, { locale: 'en-GB', viewport: { width: 1280, height: 900 } });
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refusedByCsp.push(message.text());
    });
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame() && new URL(frame.url()).origin === new URL(provider.issuer).origin) atProvider.push(new URL(frame.url()).pathname);
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await provider?.stop();
  });

  it('tells the console to sign in at the provider, and refuses the development sign-in', async () => {
    const config = await send(server, 'GET', '/v1/sign-in/config');
    expect(config.status).toBe(200);
    expect(config.json).toEqual({ mode: 'oidc', issuer: provider.issuer, clientId: CONSOLE_CLIENT, scope: 'openid familybank', resource: API, claims: { subject: 'sub', municipality: 'municipality', roles: 'roles' } });
    expect((await send(server, 'GET', '/v1/dev/session')).status).toBe(404);
    expect((await send(server, 'POST', '/v1/dev/session', { body: { municipality: '0630', roles: ['caseworker'] } })).status).toBe(404);
  });

  it("the console's CSP lets it fetch from the provider's origin, and from nowhere else", async () => {
    const csp = (await send(server, 'GET', '/')).headers.get('content-security-policy') ?? '';
    const connect = csp.split(';').map((directive) => directive.trim()).find((directive) => directive.startsWith('connect-src'));
    expect(connect).toBe(`connect-src 'self' ${new URL(provider.issuer).origin}`);
    expect(csp.replace(connect!, '')).not.toMatch(/https?:|\*/);
  });

  it('offers one button to the municipality’s login, and no development sign-in', async () => {
    await page.goto(server.baseUrl);
    await page.getByRole('heading', { name: T.signIn.oidcTitle, exact: true }).waitFor();
    expect(await page.getByRole('button', { name: T.signIn.oidcButton }).count()).toBe(1);
    expect(await page.getByLabel(T.fields.municipality).count()).toBe(0);
    expect(await page.getByRole('heading', { name: T.signIn.title }).count()).toBe(0);
    await checkScreen(page, 'oidc-01-sign-in');
  });

  it('signs in at the provider’s login page and comes back as its user, in Vejle, with the board’s data from the API', async () => {
    await page.getByRole('button', { name: T.signIn.oidcButton }).click();
    await page.waitForURL((url) => url.origin === new URL(provider.issuer).origin);
    await page.locator('input[name="login"]').fill('anna.berg');
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    // Back on the console's start page (the worklist), then to the board for the API's data.
    await page.getByRole('heading', { name: T.worklist.title }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByRole('link', { name: T.nav.pipeline }).click();
    await page.getByRole('heading', { name: T.board.title }).waitFor();
    const header = await page.locator('header').innerText();
    expect(header).toContain('(0630)');
    expect(header).toContain(`anna.berg · ${T.roles.caseworker}, ${T.roles.approver}`);
    await page.getByText('Mette Hansen').first().waitFor();
    const session = JSON.parse((await page.evaluate('sessionStorage.getItem("familybank.session")')) as string) as { token: string };
    const claims = JSON.parse(Buffer.from(session.token.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ iss: provider.issuer, aud: API, sub: 'anna.berg', municipality: '0630', client_id: CONSOLE_CLIENT });
    // The state and the verifier were used once and are gone.
    expect(await page.evaluate('sessionStorage.getItem("familybank.oidc.pending")')).toBeNull();
    expect(refusedByCsp).toEqual([]);
    await checkScreen(page, 'oidc-02-board');
  });

  it('renews the short-lived access token with the refresh token, without a new sign-in, and the API takes the new one', async () => {
    const first = await storedToken();
    const pagesAtProvider = atProvider.length;
    const kept = JSON.parse((await page.evaluate('sessionStorage.getItem("familybank.oidc.tokens")')) as string) as { refreshToken?: string; idToken?: string };
    expect(kept.refreshToken).toBeTruthy();
    expect(kept.idToken).toBeTruthy();
    // Renewed a quarter of its lifetime before it expires.
    // (Polled from here: the console's CSP forbids the eval that page.waitForFunction would need.)
    const deadline = Date.now() + ACCESS_TOKEN_TTL * 1000 + 5_000;
    while ((await storedToken()) === first && Date.now() < deadline) await page.waitForTimeout(250);
    const renewed = await storedToken();
    expect(renewed).not.toBe(first);
    expect(claimsOf(renewed).exp).toBeGreaterThan(claimsOf(first).exp);
    expect(claimsOf(renewed)).toMatchObject({ sub: 'anna.berg', municipality: '0630', aud: API });
    // The provider rotated the refresh token: the used one is worthless now.
    const rotated = JSON.parse((await page.evaluate('sessionStorage.getItem("familybank.oidc.tokens")')) as string) as { refreshToken: string };
    expect(rotated.refreshToken).not.toBe(kept.refreshToken);
    // After the first token's expiry the console still reads from the API, with the renewed token.
    await page.waitForTimeout(Math.max(0, claimsOf(first).exp * 1000 - Date.now() + 1_000));
    await page.getByRole('link', { name: T.nav.worklist }).click();
    await page.getByRole('heading', { name: T.worklist.title }).waitFor();
    await page.getByRole('link', { name: T.nav.pipeline }).click();
    await page.getByText('Mette Hansen').first().waitFor();
    expect(await page.getByRole('alert').filter({ hasText: T.failure.unauthenticated }).count()).toBe(0);
    expect(atProvider.length).toBe(pagesAtProvider);
    expect(refusedByCsp).toEqual([]);
  });

  it('signs out at the provider: the tokens are gone, and the next sign-in asks for the password again', async () => {
    await page.getByRole('button', { name: T.shell.signOut }).click();
    await page.waitForURL((url) => url.origin === new URL(provider.issuer).origin);
    expect(atProvider.at(-1)).toMatch(/^\/session\/end/);
    await page.getByRole('button', { name: 'Yes, sign me out' }).click();
    // The provider sends the browser back to the console's sign-in (the post-logout redirect URI).
    await page.getByRole('button', { name: T.signIn.oidcButton }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await page.evaluate('sessionStorage.getItem("familybank.session")')).toBeNull();
    expect(await page.evaluate('sessionStorage.getItem("familybank.oidc.tokens")')).toBeNull();
    await page.goto(`${server.baseUrl}/inbox`);
    await page.getByRole('button', { name: T.signIn.oidcButton }).click();
    // The provider's session ended: it shows its login form again instead of signing straight back in.
    await page.locator('input[name="login"]').waitFor();
    await page.locator('input[name="login"]').fill('anna.berg');
    await page.locator('input[name="password"]').fill('any password');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    // The grant may outlive the session: the consent is asked again only if it did not.
    const consent = page.getByRole('button', { name: 'Continue' });
    const worklist = page.getByRole('heading', { name: T.worklist.title });
    await consent.or(worklist).first().waitFor();
    if (await consent.isVisible()) await consent.click();
    await worklist.waitFor();
  });

  it('a refused renewal keeps the page and what was typed, and the sign-in it offers comes back to both', async () => {
    await page.goto(`${server.baseUrl}/requests/new`);
    await page.getByLabel(T.fields.caseReference).fill('SAG-2026-DRAFT');
    // The provider will refuse this refresh token (as it does an expired or revoked one).
    await page.evaluate(`(() => {
      const kept = JSON.parse(sessionStorage.getItem('familybank.oidc.tokens'));
      sessionStorage.setItem('familybank.oidc.tokens', JSON.stringify({ ...kept, refreshToken: 'revoked-refresh-token' }));
    })()`);
    const refused = page.getByRole('alert').filter({ hasText: T.shell.renewalFailed });
    await refused.waitFor({ timeout: ACCESS_TOKEN_TTL * 1000 + 5_000 });
    expect(await page.getByLabel(T.fields.caseReference).inputValue()).toBe('SAG-2026-DRAFT');
    await checkScreen(page, 'oidc-03-renewal-refused');
    const before = await storedToken();
    // The way back from the provider, waited for from before the click: it may be too quick to catch afterwards.
    const returned = page.waitForURL((url) => url.pathname === '/signed-in', { waitUntil: 'commit' });
    await page.getByRole('button', { name: T.shell.signInAgain }).click();
    // The provider's session is alive: it may sign straight back in (too fast to wait for), or ask again.
    const login = page.locator('input[name="login"]');
    const consent = page.getByRole('button', { name: 'Continue' });
    const back = page.getByLabel(T.fields.caseReference);
    const asked = login.or(consent).first();
    await Promise.race([returned, asked.waitFor()]);
    if (await login.isVisible()) {
      await login.fill('anna.berg');
      await page.locator('input[name="password"]').fill('any password');
      await page.getByRole('button', { name: 'Sign-in' }).click();
      await Promise.race([returned, consent.waitFor()]);
    }
    if (await consent.isVisible()) await consent.click();
    await returned;
    await page.waitForURL((url) => url.pathname === '/requests/new');
    await back.waitFor();
    // A new sign-in (a new token), and the typed text came back from the saved draft, which is used up.
    expect(await storedToken()).not.toBe(before);
    expect(await page.evaluate('sessionStorage.getItem("familybank.drafts")')).toBeNull();
    expect(await back.inputValue()).toBe('SAG-2026-DRAFT');
    expect(await refused.count()).toBe(0);
    expect(refusedByCsp).toEqual([]);
  });

  it('a forged answer at /signed-in (unknown state) signs nobody in', async () => {
    // In a tab of its own: this one is signed in again after the sign-out test.
    const tab = await openPage(browser, { locale: 'en-GB' });
    await tab.goto(`${server.baseUrl}/signed-in?code=stolen&state=forged`);
    await tab.getByRole('alert').filter({ hasText: 'No sign-in was started' }).waitFor();
    expect(await tab.evaluate('sessionStorage.getItem("familybank.session")')).toBeNull();
  });
});
