import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { unwrap, type FamilybankClient } from '@familybank/api-client';
import { en } from '../../apps/web/src/i18n/locales/en';
import { da } from '../../apps/web/src/i18n/locales/da';
import { startTestServer, type TestServer } from '../support/api-server';
import { buildConsole, checkScreen, fill, launchChromium, openPage, untilVisible } from '../support/browser';
import { registration } from '../support/family-fixtures';
import { needs } from '../support/federation';
import { registerAvailableFamily } from '../support/journeys';

jest.setTimeout(300_000);

beforeAll(() => buildConsole());

const OWN_FAMILY = 'Mette Hansen & Jens Hansen';
const LEAD = 'Hodan Warsame';
const GRANDMOTHER = 'Inge Mortensen';
const thisMonth = new Date().toISOString().slice(0, 7);
const today = new Date().toISOString().slice(0, 10);
const GOAL = 'Reads with the child every day';
const REVISED = 'Reads aloud with the child every evening';
const DROPPED = 'Swimming lessons on Saturdays';
/** The text before the first placeholder, e.g. "Cancel the meeting: " of "Cancel the meeting: {{meeting}}". */
const prefix = (text: string) => text.split('{{')[0]!;

/**
 * A municipality's own work in the browser: the worklist as the start page, an own placement, a
 * network family on the child's network map placed for its child, support after approval, and the
 * figures changing after the placements. Danish once, English once; every screen photographed and
 * checked with axe-core; a few screens again at tablet width.
 */
describe.each([
  ['da', 'da-DK', da],
  ['en', 'en-GB', en],
] as const)('console: own work in %s', (language, locale, T) => {
  let server: TestServer;
  let vejle: FamilybankClient;
  let ownFamilyId: string;
  let browser: Browser;
  let page: Page;
  const shot = (name: string) => checkScreen(page, `${language}-own-${name}`);
  const nav = async (name: string, heading: string) => {
    await page.getByRole('navigation', { name: T.nav.label }).getByRole('link', { name, exact: true }).click();
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  };
  const openDetails = (summary: string) => page.locator('summary', { hasText: summary }).first().click();
  const form = (name: string) => page.getByRole('form', { name, exact: true });
  const waitingNow = (count: number) => T.figures.summaries.waitingNow.split('{{days}}')[0]!.replace('{{count}}', String(count));
  const networkRow = () =>
    page.getByRole('table', { name: fill(T.figures.table, { figure: T.figures.names['network-share'] }) }).getByRole('row', { name: new RegExp(thisMonth) });

  beforeAll(async () => {
    server = await startTestServer();
    vejle = await server.client('0630');
    await unwrap(vejle.GET('/v1/partnerships', {}));
    await unwrap(vejle.POST('/v1/families', { body: registration({ adults: [{ adultId: 'a1', fullName: LEAD }] }) }));
    ownFamilyId = await registerAvailableFamily(vejle);
    for (const reference of ['OWN', 'NET']) {
      const { networkExplored: _flag, ...withoutFlag } = needs();
      await unwrap(vejle.POST('/v1/requests', { body: { caseReference: `SAG-${reference}-${language}`, needs: withoutFlag, responseDeadline: '2026-12-31' } }));
    }
    browser = await launchChromium();
    page = await openPage(browser, { locale, viewport: { width: 1280, height: 900 } });
    // A script error leaves a blank page: say what it was.
    page.on('pageerror', (error) => console.error(`page error: ${error.message}\n${error.stack ?? ''}`));
    page.on('console', (message) => message.type() === 'error' && console.error(`console: ${message.text()}`));
  });
  afterEach(async () => {
    await page?.screenshot({ path: `reports/screenshots/${language}-own-after-${expect.getState().currentTestName?.split(' ').slice(5, 8).join('-')}.png`, fullPage: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function step(household: string, id: 'checksRequest' | 'checkResult' | 'provisionalApproval' | 'availability', stage: string, before?: (form: Locator) => Promise<void>) {
    const texts = T.steps[id];
    const stepForm = form(fill(texts.title, { household }));
    await before?.(stepForm);
    await stepForm.getByRole('button', { name: texts.submit, exact: true }).click();
    await page.getByRole('status').filter({ hasText: fill(T.outcome.stepDoneMoved, { household, stage }) }).last().waitFor({ timeout: 15_000 });
  }

  it('signs in and starts on the worklist: the municipality’s or one’s own, overdue highlighted, each item a link', async () => {
    await page.goto(server.baseUrl);
    await page.getByLabel(T.fields.municipality).selectOption('0630');
    await page.getByLabel(T.fields.subject).fill('anna.berg');
    await page.getByRole('button', { name: T.signIn.submit }).click();
    await page.getByRole('heading', { name: T.worklist.title, level: 1 }).waitFor();
    const lead = page.getByRole('link', { name: LEAD });
    await lead.waitFor();
    await page.getByRole('main').locator('li strong', { hasText: T.worklist.kinds['first-contact'] }).first().waitFor();
    await shot('01-worklist');
    // The lead was registered by another user: it is not Anna's.
    await page.getByLabel(T.worklist.mine, { exact: true }).check();
    await page.getByText(T.worklist.empty).waitFor();
    await shot('02-worklist-mine');
    await page.getByLabel(T.worklist.municipality, { exact: true }).check();
    await lead.click();
    await page.getByRole('heading', { name: LEAD, level: 1 }).waitFor();
  });

  it('the figures page shows the children waiting before any placement, with a CSV download that carries the token', async () => {
    await nav(T.nav.figures, T.figures.title);
    await page.getByTestId('summary-requests-waiting').getByText(waitingNow(2)).waitFor();
    await shot('03-figures-before');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: fill(T.figures.csv, { figure: T.figures.names['requests-waiting'] }) }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toMatch(/period/);
    expect(download.suggestedFilename()).toBe('requests-waiting_default_today_month.csv');
  });

  it('finds a family by name on the families page', async () => {
    await nav(T.nav.families, T.families.title);
    await page.getByLabel(T.families.q, { exact: true }).fill('mette');
    await page.getByRole('button', { name: T.families.submit, exact: true }).click();
    await page.getByRole('link', { name: OWN_FAMILY }).waitFor();
    expect(await page.getByRole('link', { name: LEAD }).count()).toBe(0);
    await shot('04-families-search');
  });

  it('places its own family for its own request, explained, and the assignment follows as for a partner’s offer', async () => {
    await nav(T.nav.requests, T.requests.title);
    await page.getByRole('link', { name: `SAG-OWN-${language}` }).click();
    const place = page.getByRole('button', { name: fill(T.placement.place, { household: OWN_FAMILY }) });
    await place.waitFor();
    await page.getByRole('table', { name: fill(T.match.caption, { name: OWN_FAMILY }) }).waitFor();
    await shot('05-own-candidates');
    await place.click();
    await page.getByRole('heading', { name: T.request.assignment }).waitFor({ timeout: 30_000 });
    await page.getByText('hansen@example.dk').waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: fill(T.placement.ownTitle, { household: OWN_FAMILY }) }).waitFor();
    // The partner (here one's own municipality) by its name, not only its code.
    await page.locator('dd').filter({ hasText: /^\S.* \(0630\)$/ }).first().waitFor();
    await form(T.visits.plan).getByRole('button', { name: T.visits.submit }).click();
    await page.getByRole('list', { name: T.visits.title }).getByText(T.visits.status.planned, { exact: true }).waitFor();
    await shot('06-own-placement');
  });

  it('maps the child’s network, registers a network family, approves it provisionally and places it', async () => {
    await nav(T.nav.requests, T.requests.title);
    await page.getByRole('link', { name: `SAG-NET-${language}` }).click();
    await page.getByRole('heading', { name: T.network.title }).waitFor();
    await openDetails(T.network.add);
    const add = form(T.network.add);
    await add.getByLabel(T.network.name, { exact: true }).fill('Mormor Inge');
    await add.getByLabel(T.network.relation, { exact: true }).selectOption('grandparent');
    await add.getByRole('button', { name: T.network.addSubmit }).click();
    await page.getByRole('cell', { name: 'Mormor Inge' }).waitFor();

    await openDetails(T.network.register);
    const register = form(T.network.register);
    await register.getByLabel(T.network.person).selectOption({ label: 'Mormor Inge' });
    await register.getByLabel(T.network.relation, { exact: true }).selectOption('grandparent');
    await register.getByLabel(T.network.fullName).fill(GRANDMOTHER);
    await register.getByLabel(T.fields.contact.street).fill('Vestergade 5');
    await register.getByLabel(T.fields.contact.postalCode).fill('7100');
    await register.getByLabel(T.fields.contact.city).fill('Vejle');
    await register.getByLabel(T.fields.contact.phone).fill('+45 21 22 23 24');
    await register.getByLabel(T.fields.contact.email).fill('inge@example.dk');
    await register.getByRole('button', { name: T.network.registerSubmit }).click();
    await untilVisible(page, page.getByRole('list', { name: T.network.families }).getByRole('link', { name: GRANDMOTHER }));
    await shot('07-network-map');

    await page.getByRole('list', { name: T.network.families }).getByRole('link', { name: GRANDMOTHER }).click();
    await page.getByRole('heading', { name: GRANDMOTHER, level: 1 }).waitFor();
    await step(GRANDMOTHER, 'checksRequest', T.vocab.stage['background-checks']);
    await step(GRANDMOTHER, 'checkResult', T.vocab.stage['background-checks']);
    await step(GRANDMOTHER, 'checkResult', T.vocab.stage['background-checks']);
    await step(GRANDMOTHER, 'provisionalApproval', T.vocab.stage.approved);
    await page.getByText(fill(T.network.tieText, { relation: T.network.relations.grandparent, status: T.network.statuses['provisionally-approved'] })).waitFor();
    await shot('08-network-family-provisional');
    await step(GRANDMOTHER, 'availability', T.vocab.stage.available, (availability) => availability.getByLabel(T.vocab.pattern.weekends).check());

    // By keyboard, as a caseworker without a mouse would.
    await page.getByRole('link', { name: T.network.openRequest }).focus();
    await page.keyboard.press('Enter');
    const place = page.getByRole('button', { name: fill(T.placement.place, { household: GRANDMOTHER }) });
    await place.waitFor();
    await place.click();
    await page.getByText('inge@example.dk').waitFor({ timeout: 30_000 });
    await shot('09-network-placement');
  });

  it('records support after approval: a contact person and an emergency-line call; plans a group supervision', async () => {
    await nav(T.nav.families, T.families.title);
    await page.getByRole('link', { name: OWN_FAMILY }).click();
    await page.getByRole('heading', { name: T.support.title }).waitFor();
    await openDetails(T.support.assign);
    await form(T.support.assign).getByLabel(T.support.personName).fill('Anna Berg');
    await form(T.support.assign).getByRole('button', { name: T.support.assignSubmit }).click();
    await page.getByText('Anna Berg (anna.berg)').waitFor();
    await openDetails(T.support.recordCall);
    const call = form(T.support.recordCall);
    await call.getByLabel(T.support.category).selectOption('advice');
    await call.getByLabel(T.support.minutes).fill('20');
    await call.getByRole('button', { name: T.support.recordCallSubmit }).click();
    await page.getByText(fill(T.support.callText, { category: T.support.categories.advice, minutes: 20 })).waitFor();
    await shot('10-family-support');

    await nav(T.nav.support, T.support.pageTitle);
    const meeting = form(T.support.planMeeting);
    await meeting.getByLabel(T.support.theme).fill('Mentalisering');
    await meeting.getByRole('checkbox', { name: OWN_FAMILY }).check();
    await meeting.getByRole('checkbox', { name: GRANDMOTHER }).check();
    await meeting.getByRole('button', { name: T.support.planMeetingSubmit }).click();
    await page.getByText(/Mentalisering/).first().waitFor();
    await page.getByRole('button', { name: fill(T.support.markAttended, { household: OWN_FAMILY }) }).click();
    await page.getByText(T.support.attended, { exact: true }).first().waitFor();
    await shot('11-support-page');
  });

  it('keeps the development plan: a goal revised after a colleague’s change (412, nothing typed lost) and achieved, another dropped', async () => {
    await nav(T.nav.families, T.families.title);
    await page.getByRole('link', { name: OWN_FAMILY }).click();
    await page.getByRole('heading', { name: T.support.plan }).waitFor();
    // The family's assignment names the requesting municipality, not only its code.
    await page.locator('dd').filter({ hasText: /^\S.* \(0630\) · / }).first().waitFor();
    const plan = page.getByRole('list', { name: T.support.plan });
    await openDetails(T.support.addGoal);
    for (const title of [GOAL, DROPPED]) {
      const add = form(T.support.addGoal);
      await add.getByLabel(T.support.goalTitle, { exact: true }).fill(title);
      await add.getByRole('button', { name: T.support.addGoalSubmit }).click();
      await plan.getByText(title, { exact: true }).waitFor();
    }

    const revise = fill(T.support.revise, { goal: GOAL });
    await openDetails(revise);
    await form(revise).getByLabel(T.support.goalTitle, { exact: true }).fill(REVISED);
    // Meanwhile a colleague records a follow-up: the plan the form was read from is no longer current.
    const { goals } = await unwrap(vejle.GET('/v1/families/{familyId}/development-plan', { params: { path: { familyId: ownFamilyId } } }));
    const goalId = goals.find((goal) => goal.title === GOAL)!.goalId;
    await unwrap(
      vejle.POST('/v1/families/{familyId}/development-plan/goals/{goalId}/follow-ups', {
        params: { path: { familyId: ownFamilyId, goalId } },
        body: { on: today, note: 'Called the family', nextFollowUpOn: '2027-06-01' },
      }),
    );
    await form(revise).getByRole('button', { name: T.support.reviseSubmit }).click();
    await form(revise).getByRole('alert').filter({ hasText: T.failure.precondition }).waitFor();
    expect(await form(revise).getByLabel(T.support.goalTitle, { exact: true }).inputValue()).toBe(REVISED);
    await shot('11a-goal-precondition');
    await form(revise).getByRole('button', { name: T.failure.reload }).click();
    await plan.getByText(fill(T.support.followUps, { count: 1 })).waitFor();
    expect(await form(revise).getByLabel(T.support.goalTitle, { exact: true }).inputValue()).toBe(REVISED);
    await form(revise).getByRole('button', { name: T.support.reviseSubmit }).click();
    await page.getByRole('status').filter({ hasText: fill(T.support.goalDone.revision, { goal: REVISED }) }).waitFor();
    await plan.getByText(REVISED, { exact: true }).waitFor();

    const achieve = fill(T.support.achieve, { goal: REVISED });
    await openDetails(achieve);
    await form(achieve).getByLabel(T.support.noteOptional).fill('Every evening since October');
    // By keyboard: Enter in a field sends its form.
    await form(achieve).getByLabel(T.support.noteOptional).press('Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: fill(T.support.goalDone.achievement, { goal: REVISED }) }).waitFor();
    await plan.getByText(T.support.goalStatus.achieved, { exact: true }).waitFor();

    const drop = fill(T.support.drop, { goal: DROPPED });
    await openDetails(drop);
    // No reason, nothing sent: the schema's message beside the field. (Enter in a field sends its form.)
    await form(drop).getByLabel(T.fields.reason, { exact: true }).press('Enter');
    await form(drop).getByText(T.validation.invalid_type).waitFor();
    await form(drop).getByLabel(T.fields.reason, { exact: true }).fill('The pool closed for the winter');
    await form(drop).getByRole('button', { name: T.support.dropSubmit }).click();
    await plan.getByText('The pool closed for the winter').waitFor();
    await plan.getByText(T.support.goalStatus.dropped, { exact: true }).waitFor();
    expect(await page.locator('summary', { hasText: prefix(T.support.drop) }).count()).toBe(0);
    await shot('11b-development-plan');
  });

  it('cancels a planned supervision meeting and withdraws a family from a course, each with a reason', async () => {
    const { courseId } = await unwrap(
      vejle.POST('/v1/support/courses', { body: { title: `Trauma-informed care ${language}`, capacity: 8, sessions: [{ sessionId: 's1', on: '2027-02-01' }] } }),
    );
    await unwrap(vejle.POST('/v1/support/courses/{courseId}/enrolments', { params: { path: { courseId } }, body: { familyId: ownFamilyId } }));
    await nav(T.nav.support, T.support.pageTitle);
    const meeting = form(T.support.planMeeting);
    await meeting.getByLabel(T.support.format).selectOption('individual');
    await meeting.getByLabel(T.support.theme).fill('Samvær');
    await meeting.getByRole('checkbox', { name: OWN_FAMILY }).check();
    await meeting.getByRole('button', { name: T.support.planMeetingSubmit }).click();
    const cancelSummary = page.locator('summary', { hasText: prefix(T.support.cancelMeeting) }).filter({ hasText: 'Samvær' });
    await cancelSummary.waitFor();
    // The group meeting with attendance recorded cannot be cancelled, so it offers no form.
    expect(await page.locator('summary', { hasText: prefix(T.support.cancelMeeting) }).count()).toBe(1);
    await cancelSummary.click();
    const cancel = page.getByRole('form', { name: new RegExp(`^${prefix(T.support.cancelMeeting)}.*Samvær$`) });
    await cancel.getByLabel(T.fields.reason, { exact: true }).fill('The supervisor is ill');
    await cancel.getByRole('button', { name: T.support.cancelMeetingSubmit }).click();
    await page.getByText(fill(T.support.cancelled, { reason: 'The supervisor is ill' })).waitFor();
    expect(await cancelSummary.count()).toBe(0);
    await shot('11c-meeting-cancelled');

    const course = `Trauma-informed care ${language}`;
    const withdraw = fill(T.support.withdraw, { course });
    await openDetails(withdraw);
    await form(withdraw).getByLabel(T.support.family, { exact: true }).selectOption({ label: OWN_FAMILY });
    await form(withdraw).getByLabel(T.support.reasonOptional).fill('Moved to another municipality');
    await form(withdraw).getByRole('button', { name: T.support.withdrawSubmit }).click();
    await form(withdraw).getByRole('status').filter({ hasText: T.support.withdrawDone }).waitFor();
    await page.getByText(fill(T.support.withdrawn, { families: `${OWN_FAMILY} (Moved to another municipality)` })).waitFor();
    await shot('11d-enrolment-withdrawn');
  });

  it('the figures change after the placements: no child waits, and the network share counts the network family', async () => {
    await nav(T.nav.figures, T.figures.title);
    await page.getByTestId('summary-requests-waiting').getByText(waitingNow(0)).waitFor();
    await networkRow().waitFor();
    // Assignments, from the network: the own placement and the network family's.
    expect(await networkRow().getByRole('cell').nth(0).innerText()).toBe('2');
    expect(await networkRow().getByRole('cell').nth(1).innerText()).toBe('1');
    await shot('12-figures-after');
  });

  it('works at tablet width', async () => {
    await page.setViewportSize({ width: 820, height: 1180 });
    await nav(T.nav.worklist, T.worklist.title);
    await shot('13-tablet-worklist');
    await nav(T.nav.figures, T.figures.title);
    await page.getByTestId('summary-requests-waiting').waitFor();
    await shot('14-tablet-figures');
    await nav(T.nav.requests, T.requests.title);
    await page.getByRole('link', { name: `SAG-NET-${language}` }).click();
    await page.getByRole('heading', { name: T.network.title }).waitFor();
    await shot('15-tablet-request');
  });
});
