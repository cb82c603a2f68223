import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/api-server';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const withBrowser = existsSync(CHROMIUM) ? describe : describe.skip;
if (!existsSync(CHROMIUM)) console.warn(`docs-csp: no Chromium at ${CHROMIUM} (set CHROMIUM_PATH); Swagger UI under the CSP is not checked`);

/** Swagger UI still works under the docs' Content-Security-Policy: in a real browser, nothing is blocked. */
withBrowser('Swagger UI under the security headers', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startTestServer();
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('renders every operation, with no CSP violation, no script error and no request elsewhere', async () => {
    const page = await browser.newPage();
    const violations: string[] = [];
    const errors: string[] = [];
    const elsewhere: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('request', (request) => {
      if (!request.url().startsWith(server.baseUrl) && !request.url().startsWith('data:')) elsewhere.push(request.url());
    });
    // In the page (no DOM types here): every violation the browser reports is collected.
    await page.addInitScript({
      content: "window.__violations = []; document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));",
    });
    await page.goto(`${server.baseUrl}/docs/`);
    await page.waitForSelector('.opblock', { timeout: 20_000 });
    violations.push(...((await page.evaluate('window.__violations')) as string[]));
    expect(await page.locator('.opblock').count()).toBeGreaterThan(20);
    expect(await page.locator('.information-container .title').innerText()).toContain('familybank');
    expect({ violations, errors, elsewhere }).toEqual({ violations: [], errors: [], elsewhere: [] });
    await page.close();
  }, 60_000);
});
