import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

const root = join(__dirname, '../..');
export const SCREENSHOTS = join(root, 'reports/screenshots');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Builds the console with vite into dist/apps/web, where the API node finds it. */
export function buildConsole(): void {
  execFileSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'apps/web/vite.config.mts', '--logLevel', 'warn'], { cwd: root, stdio: 'pipe' });
}

/** Debian's chromium, headless; --no-sandbox because CI runs as root in a container. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/**
 * A page of the console as a user who prefers reduced motion sees it. The design system opens a
 * <details> with a 0.4 s height transition; Playwright fills a form and clicks its button within
 * that time, and on a busy machine the button moves between the click's mousedown and mouseup, so
 * the click lands on the form and nothing is sent (seen as 'waiting for …' timeouts, mostly in CI).
 * A person cannot fill a form in 0.4 s, so the animation is left out here, not in the product.
 */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ reducedMotion: 'reduce', ...options });
  return context.newPage();
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

let axeSource: string | undefined;

/**
 * Runs axe-core in the page (from node_modules: @axe-core/playwright does not run on Node 20).
 * Evaluated through the DevTools protocol rather than added as a script tag, so that the
 * console's CSP (script-src 'self') stays in force for the test and is exercised by it.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(axeSource);
  // A string, evaluated in the page: the test project has no DOM types.
  const result = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as { violations: AxeViolation[] };
  return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map((node) => ({ target: node.target })) }));
}

/** A screenshot of the whole page under reports/screenshots, and no serious or critical accessibility violation. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const serious = (await axeViolations(page)).filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect({ screen: name, violations: serious }).toEqual({ screen: name, violations: [] });
}

/** "Recorded for {{household}}" with the values filled in, as i18next would. */
export const fill = (text: string, values: Record<string, string | number>): string => text.replace(/\{\{(\w+)\}\}/g, (_match, key: string) => String(values[key]));

/** Reloads the page until the locator shows (federation and process managers answer asynchronously). */
export async function untilVisible(page: Page, locator: ReturnType<Page['locator']>, tries = 20): Promise<void> {
  // After a reload the page fetches its data again (and its lazy screen): give each load time to
  // render before counting, or every try looks at an empty page and the loop only burns the time.
  for (let attempt = 0; attempt < tries; attempt++) {
    const shown = await locator.first().waitFor({ timeout: 1_500 }).then(() => true, () => false);
    if (shown) return;
    await page.reload();
  }
  await locator.first().waitFor();
}
