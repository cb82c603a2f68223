import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { unwrap, type FamilybankClient } from '@familybank/api-client';
import { en } from '../../apps/web/src/i18n/locales/en';
import { da } from '../../apps/web/src/i18n/locales/da';
import { startTestServer, type TestServer } from '../support/api-server';
import { buildConsole, checkScreen, fill, launchChromium, openPage } from '../support/browser';
import { registration } from '../support/family-fixtures';
import { eventually } from '../support/journeys';
import { WebhookReceiver } from '../support/webhook-receiver';

jest.setTimeout(300_000);

beforeAll(() => buildConsole());

const READ_FAMILY = 'Karen Lauritsen';
const ERASABLE = 'Zebulon Erasmussen';
const CASEWORKER = 'karin.sagsbehandler';

/**
 * The console's administrative screens in the browser: a caseworker's read found by an auditor in
 * the audit of reads (and in its CSV), an approver erasing a family without an assignment, and a
 * webhook subscription to a loopback receiver whose secret is shown once and whose delivery shows in
 * the log. Danish once, English once; every screen photographed and checked with axe-core.
 */
describe.each([
  ['da', 'da-DK', da],
  ['en', 'en-GB', en],
] as const)('console: administration in %s', (language, locale, T) => {
  let server: TestServer;
  let vejle: FamilybankClient;
  let receiver: WebhookReceiver;
  let browser: Browser;
  let page: Page;
  let readFamilyId: string;
  let erasableId: string;
  const shot = (name: string) => checkScreen(page, `${language}-admin-${name}`);
  const navigation = () => page.getByRole('navigation', { name: T.nav.label });
  const nav = async (name: string, heading: string) => {
    await navigation().getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  };
  const form = (name: string) => page.getByRole('form', { name, exact: true });

  /** The development sign-in, as `subject` with exactly `roles`. */
  async function signInAs(subject: string, roles: Array<keyof typeof T.roles>) {
    if (await page.getByRole('button', { name: T.nav.switch }).count()) await page.getByRole('button', { name: T.nav.switch }).click();
    await page.getByRole('heading', { name: T.signIn.title }).waitFor();
    await page.getByLabel(T.fields.municipality).selectOption('0630');
    for (const role of Object.keys(T.roles) as Array<keyof typeof T.roles>) {
      await page.getByLabel(T.roles[role], { exact: true }).setChecked(roles.includes(role));
    }
    await page.getByLabel(T.fields.subject).fill(subject);
    await page.getByRole('button', { name: T.signIn.submit }).click();
    await page.getByRole('heading', { name: T.worklist.title, level: 1 }).waitFor();
  }

  beforeAll(async () => {
    // Two quick tries, so that a failing receiver makes a dead letter within the test.
    server = await startTestServer({ WEBHOOK_MAX_ATTEMPTS: '2', WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_RETRY_MAX_MS: '200', WEBHOOK_TIMEOUT_MS: '2000' });
    receiver = await WebhookReceiver.start();
    vejle = await server.client('0630');
    // A receiver that fails both tries of a delivery and accepts it when re-driven.
    receiver.plan(`/failing-${language}`, (seenBefore) => (seenBefore < 2 ? 500 : 200));
    await unwrap(vejle.POST('/v1/webhooks/subscriptions', { body: { url: receiver.url(`/failing-${language}`), eventTypes: ['family.registered'] } }));
    readFamilyId = (await unwrap(vejle.POST('/v1/families', { body: registration({ adults: [{ adultId: 'a1', fullName: READ_FAMILY }] }) }))).familyId;
    erasableId = (await unwrap(vejle.POST('/v1/families', { body: registration({ adults: [{ adultId: 'a1', fullName: ERASABLE }] }) }))).familyId;
    browser = await launchChromium();
    page = await openPage(browser, { locale, viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    // A script error leaves a blank page: say what it was.
    page.on('pageerror', (error) => console.error(`page error: ${error.message}\n${error.stack ?? ''}`));
    page.on('console', (message) => message.type() === 'error' && console.error(`console: ${message.text()}`));
    await page.goto(server.baseUrl);
  });
  afterEach(async () => {
    await page?.screenshot({ path: `reports/screenshots/${language}-admin-after-${expect.getState().currentTestName?.split(' ').slice(4, 7).join('-')}.png`, fullPage: true });
  });
  afterAll(async () => {
    await browser?.close();
    await receiver?.stop();
    await server?.stop();
  });

  it('a caseworker reads a family, and sees neither the audit nor the webhooks in the navigation', async () => {
    await signInAs(CASEWORKER, ['caseworker']);
    expect(await navigation().getByRole('link', { name: T.audit.nav, exact: true }).count()).toBe(0);
    expect(await navigation().getByRole('link', { name: T.webhooks.nav, exact: true }).count()).toBe(0);
    await nav(T.nav.families, T.families.title);
    await page.getByRole('link', { name: READ_FAMILY }).click();
    await page.getByRole('heading', { name: READ_FAMILY, level: 1 }).waitFor();
    // Erasure is the approver's: a caseworker is not offered it.
    expect(await form(T.erasure.title).count()).toBe(0);
    await shot('01-family-read');
  });

  it('the auditor finds that read in the audit, filtered by user, and downloads it as CSV', async () => {
    await signInAs('ulla.revisor', ['auditor']);
    await nav(T.audit.nav, T.audit.title);
    await shot('02-audit');
    const filter = form(T.audit.filter);
    // A period that ends before it starts is refused beside its field, before anything is sent.
    await filter.getByLabel(T.audit.fields.from, { exact: true }).fill('2026-12-31');
    await filter.getByLabel(T.audit.fields.to, { exact: true }).fill('2026-01-01');
    await filter.getByRole('button', { name: T.audit.show }).click();
    await filter.getByText(T.validation.custom).waitFor();
    await filter.getByLabel(T.audit.fields.from, { exact: true }).fill('');
    await filter.getByLabel(T.audit.fields.to, { exact: true }).fill('');
    await filter.getByLabel(T.audit.fields.user, { exact: true }).fill(CASEWORKER);
    await filter.getByLabel(T.audit.fields.familyId, { exact: true }).fill(readFamilyId);
    await filter.getByRole('button', { name: T.audit.show }).click();
    const row = page.getByRole('row').filter({ hasText: T.audit.what['family-detail'] }).filter({ hasText: CASEWORKER });
    await row.first().waitFor();
    expect(await row.first().textContent()).toContain(readFamilyId);
    await shot('03-audit-found');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: T.audit.csv }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain(CASEWORKER);
    expect(csv).toContain(readFamilyId);
    expect(csv).not.toContain(READ_FAMILY);
    expect(download.suggestedFilename()).toBe(`read-audit_start_today_${readFamilyId}.csv`);
    await page.getByRole('status').filter({ hasText: T.audit.csvDone }).waitFor();
  });

  it('an approver erases a family without an assignment, after a reason and a confirmation, and sees it erased', async () => {
    await signInAs('per.godkender', ['caseworker', 'approver']);
    await nav(T.nav.families, T.families.title);
    await page.getByRole('link', { name: ERASABLE }).click();
    await page.getByRole('heading', { name: ERASABLE, level: 1 }).waitFor();
    const erase = form(T.erasure.title);
    // No reason, no erasure: said beside the field.
    await erase.getByRole('button', { name: T.erasure.start }).click();
    await erase.getByText(T.erasure.reasonRequired).waitFor();
    await erase.getByLabel(T.erasure.reason).fill('Withdrew from recruitment and asked to be forgotten (GDPR art. 17)');
    await erase.getByRole('button', { name: T.erasure.start }).click();
    const confirm = erase.getByRole('button', { name: T.erasure.confirm });
    expect(await confirm.isDisabled()).toBe(true);
    await erase.getByLabel(T.erasure.understood).check();
    await shot('04-erasure-confirm');
    await confirm.click();
    await page.getByRole('status').filter({ hasText: T.erasure.done }).waitFor({ timeout: 15_000 });
    await page.getByRole('heading', { name: T.erasure.erasedTitle }).waitFor();
    await page.getByText(T.family.noSteps).waitFor();
    await page.getByRole('list', { name: T.timeline.title }).getByText(T.events.FamilyErased).waitFor();
    expect(await page.getByRole('heading', { name: ERASABLE, level: 1 }).count()).toBe(0);
    const family = await unwrap(vejle.GET('/v1/families/{familyId}', { params: { path: { familyId: erasableId } } }));
    expect(family).toMatchObject({ erased: true, erasedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    await shot('05-erased');
  });

  it('subscribes a loopback receiver, shows the secret once, and a registered family shows as delivered in the log', async () => {
    await nav(T.webhooks.nav, T.webhooks.title);
    await page.getByRole('checkbox', { name: 'family.registered' }).waitFor();
    await shot('06-webhooks');
    const create = form(T.webhooks.create);
    // Neither a URL nor an event type: both named beside their fields.
    await create.getByRole('button', { name: T.webhooks.createSubmit }).click();
    await create.getByText(T.webhooks.fields.eventTypesRequired).waitFor();
    await create.getByText(T.validation.invalid_format).waitFor();
    const url = receiver.url(`/hooks-${language}`);
    await create.getByLabel(T.webhooks.fields.url, { exact: true }).fill(url);
    await create.getByRole('checkbox', { name: 'family.registered' }).check();
    await create.getByRole('button', { name: T.webhooks.createSubmit }).click();
    const secret = page.getByTestId('webhook-secret');
    await secret.waitFor({ timeout: 15_000 });
    expect(await secret.textContent()).toMatch(/^whsec_/);
    await page.getByText(T.webhooks.secret.hint).first().waitFor();
    await page.getByRole('cell', { name: url, exact: true }).waitFor();
    await shot('07-webhook-secret');

    await unwrap(vejle.POST('/v1/families', { body: registration() }));
    const delivered = page.getByRole('table', { name: T.webhooks.deliveries.caption }).getByRole('row').filter({ hasText: 'family.registered' }).filter({ hasText: T.webhooks.deliveries.statuses.delivered });
    for (let attempt = 0; (await delivered.count()) === 0 && attempt < 60; attempt++) {
      await page.waitForTimeout(250);
      await page.getByRole('button', { name: T.webhooks.deliveries.refresh }).click();
    }
    await delivered.first().waitFor();
    expect(receiver.at(`/hooks-${language}`).length).toBeGreaterThan(0);
    await delivered.first().locator('summary', { hasText: T.webhooks.deliveries.showAttempts }).click();
    await delivered.first().getByText('HTTP 200').first().waitFor();
    await shot('08-delivery-log');

    // The failing receiver's delivery is a dead letter; re-driven, it is delivered.
    await page.getByLabel(T.webhooks.deliveries.status, { exact: true }).selectOption('dead');
    const redrive = page.getByRole('button', { name: fill(T.webhooks.deliveries.redrive, { event: 'family.registered' }) });
    for (let attempt = 0; (await redrive.count()) === 0 && attempt < 60; attempt++) {
      await page.waitForTimeout(250);
      await page.getByRole('button', { name: T.webhooks.deliveries.refresh }).click();
    }
    await shot('09-dead-letters');
    const before = receiver.at(`/failing-${language}`).length;
    // Every family registered since the subscription made one dead letter; the re-driven one leaves the list.
    const dead = await redrive.count();
    await redrive.first().click();
    await eventually(async () => expect(await redrive.count()).toBe(dead - 1), 15_000);
    await eventually(async () => expect(receiver.at(`/failing-${language}`).length).toBeGreaterThan(before), 15_000);

    // Paused, then resumed: the row says so each time.
    await page.getByRole('button', { name: fill(T.webhooks.pause, { url }) }).click();
    await page.getByRole('button', { name: fill(T.webhooks.resume, { url }) }).waitFor();
    await page.getByRole('row').filter({ hasText: url }).getByText(T.webhooks.status.paused).waitFor();
    await page.getByRole('button', { name: fill(T.webhooks.resume, { url }) }).click();
    await page.getByRole('button', { name: fill(T.webhooks.pause, { url }) }).waitFor();
  });

  it('changes a subscription’s URL, description and event types: a colleague’s change meanwhile is explained (412), nothing typed is lost', async () => {
    const url = receiver.url(`/hooks-${language}`);
    const moved = receiver.url(`/moved-${language}`);
    const edit = page.getByRole('button', { name: fill(T.webhooks.edit, { url }) });
    await edit.click();
    expect(await edit.getAttribute('aria-expanded')).toBe('true');
    const change = form(fill(T.webhooks.editTitle, { url }));
    // Sent unchanged: said so, and nothing is sent.
    await change.getByRole('button', { name: T.webhooks.editSubmit }).click();
    await change.getByText(T.webhooks.unchanged).waitFor();
    // No event type left: named beside the event types, by the API's schema.
    await change.getByRole('checkbox', { name: 'family.registered' }).uncheck();
    await change.getByRole('button', { name: T.webhooks.editSubmit }).click();
    await change.getByText(T.webhooks.fields.eventTypesRequired).waitFor();
    await change.getByRole('checkbox', { name: 'family.registered' }).check();
    await change.getByLabel(T.webhooks.fields.url, { exact: true }).fill(moved);
    await change.getByLabel(T.webhooks.fields.description, { exact: true }).fill('Case system, test');
    await change.getByRole('checkbox', { name: 'family.approved' }).check();

    // Meanwhile a colleague pauses the subscription: the row the form was read from is stale.
    const { items } = await unwrap(vejle.GET('/v1/webhooks/subscriptions', {}));
    const { subscriptionId } = items.find((subscription) => subscription.url === url)!;
    await unwrap(vejle.POST('/v1/webhooks/subscriptions/{subscriptionId}/pause', { params: { path: { subscriptionId } }, body: {} }));
    await change.getByRole('button', { name: T.webhooks.editSubmit }).click();
    await change.getByRole('alert').filter({ hasText: T.failure.precondition }).waitFor();
    expect(await change.getByLabel(T.webhooks.fields.url, { exact: true }).inputValue()).toBe(moved);
    await shot('10-webhook-edit-stale');
    await change.getByRole('button', { name: T.failure.reload }).click();
    await page.getByRole('row').filter({ hasText: url }).getByText(T.webhooks.status.paused).first().waitFor();
    expect(await change.getByLabel(T.webhooks.fields.description, { exact: true }).inputValue()).toBe('Case system, test');
    await change.getByRole('button', { name: T.webhooks.editSubmit }).click();
    await page.getByRole('status').filter({ hasText: T.webhooks.edited }).waitFor();
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: moved }) });
    await row.getByText('Case system, test').waitFor();
    await row.getByText(/family\.approved/).first().waitFor();
    await shot('11-webhook-edited');

    // Resumed, a new family's event goes to the new URL.
    await page.getByRole('button', { name: fill(T.webhooks.resume, { url: moved }) }).click();
    await page.getByRole('button', { name: fill(T.webhooks.pause, { url: moved }) }).waitFor();
    await unwrap(vejle.POST('/v1/families', { body: registration() }));
    await eventually(async () => expect(receiver.at(`/moved-${language}`).length).toBeGreaterThan(0), 15_000);
  });
});
