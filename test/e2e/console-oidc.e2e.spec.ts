import type { Browser, Page } from 'playwright-core';
import { en } from '../../apps/web/src/i18n/locales/en';
import { startTestServer, type TestServer } from '../support/api-server';
import { buildConsole, checkScreen, launchChromium } from '../support/browser';
import { registration } from '../support/family-fixtures';
import { send } from '../support/http-helpers';
import { startOidcProvider, type OidcProvider } from '../support/oidc-provider';

jest.setTimeout(180_000);
const API = 'https://api.familybank.test';
const CONSOLE_CLIENT = 'familybank-console';
const T = en;

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

  beforeAll(async () => {
    provider = await startOidcProvider({
      resource: API,
      otherResource: 'https://payroll.vejle.test',
      clients: [{ client_id: 'vejle-intake', client_secret: 'vejle-intake-secret-0123456789', municipality: '0630', roles: ['caseworker'] }],
      users: { 'anna.berg': { municipality: '0630', roles: ['caseworker', 'approver'] } },
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
    await provider.registerBrowserClient(CONSOLE_CLIENT, `${server.baseUrl}/signed-in`);
    // A family Vejle registered through another client: what the signed-in caseworker should see.
    const created = await send(server, 'POST', '/v1/families', { token: await provider.token('vejle-intake'), body: registration() });
    expect(created.status).toBe(201);
    browser = await launchChromium();
    page = await (await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } })).newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) refusedByCsp.push(message.text());
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

  it('signs out: the token is gone and the sign-in is shown again', async () => {
    await page.getByRole('button', { name: T.nav.switch }).click();
    await page.getByRole('button', { name: T.signIn.oidcButton }).waitFor();
    expect(await page.evaluate('sessionStorage.getItem("familybank.session")')).toBeNull();
    await page.goto(`${server.baseUrl}/inbox`);
    await page.getByRole('button', { name: T.signIn.oidcButton }).waitFor();
  });

  it('a forged answer at /signed-in (unknown state) signs nobody in', async () => {
    await page.goto(`${server.baseUrl}/signed-in?code=stolen&state=forged`);
    await page.getByRole('alert').filter({ hasText: 'No sign-in was started' }).waitFor();
    expect(await page.evaluate('sessionStorage.getItem("familybank.session")')).toBeNull();
  });
});
