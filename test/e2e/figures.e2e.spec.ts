import { unwrap, type FamilybankClient } from '@familybank/api-client';
import { DEMO_MUNICIPALITIES, seedDemoData } from '../../apps/api/src/infrastructure/demo/demo-seed';
import { startTestServer, type TestServer } from '../support/api-server';
import { deleteReadModels } from '../support/data-dir';
import { approvalTerms, registration } from '../support/family-fixtures';
import { needs } from '../support/federation';
import { eventsRecorded, expectProblem, send } from '../support/http-helpers';

const NEWSPAPER = 'Avis; "Vejle Amts", lokal';
const MARKET = 'Høstmarked på Ærø';
const FIGURES = [
  'requests-waiting',
  'requests-filled',
  'network-share',
  'recruitment-funnel',
  'time-to-approval',
  'approvals-expiring',
  'availability-freshness',
  'new-assignment-wishes',
  'emergency-calls',
];

/**
 * Two years of Vejle's casework through the API on a clock the test moves, then every figure read
 * as JSON and as CSV; the figures come from projections, so they are the same after the read
 * models are deleted and rebuilt.
 */
describe('figures over time', () => {
  let now = new Date('2025-01-10T09:00:00.000Z');
  let server: TestServer;
  let vejle: FamilybankClient;
  let token: string;
  const on = (day: string) => (now = new Date(`${day}T09:00:00.000Z`));

  async function figure(name: string, query = '', headers: Record<string, string> = {}) {
    const get = () => fetch(`${server.baseUrl}/v1/figures/${name}${query}`, { headers: { authorization: `Bearer ${token}`, ...headers } });
    // A connection kept alive from before a restart is closed by the new server: once, ask again.
    const response = await get().catch(get);
    const bytes = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, bytes, text: bytes.toString('utf8') };
  }
  const json = async (name: string, query = '') => {
    const answer = await figure(name, query);
    expect(answer.status).toBe(200);
    return JSON.parse(answer.text);
  };

  async function registerAndApprove(sourceDetail: string, firstContactOn: string, approveOn: string, validUntil: string): Promise<string> {
    const { familyId } = await unwrap(vejle.POST('/v1/families', { body: registration({ sourceDetail, adults: [{ adultId: 'a1', fullName: 'Søren Ærø Østergård' }] }) }));
    const path = { path: { familyId } };
    await unwrap(vejle.POST('/v1/families/{familyId}/first-contact', { params: path, body: { on: firstContactOn, channel: 'phone' } }));
    await unwrap(vejle.POST('/v1/families/{familyId}/screening', { params: path, body: { on: firstContactOn } }));
    await unwrap(vejle.POST('/v1/families/{familyId}/interview', { params: path, body: { on: firstContactOn, interviewers: ['Anna'] } }));
    await unwrap(vejle.POST('/v1/families/{familyId}/background-checks/requests', { params: path, body: { on: firstContactOn } }));
    for (const kind of ['child-protection', 'criminal-record'] as const) {
      await unwrap(vejle.POST('/v1/families/{familyId}/background-checks/results', { params: path, body: { adultId: 'a1', kind, outcome: 'clear', receivedOn: firstContactOn } }));
    }
    on(approveOn);
    await unwrap(vejle.POST('/v1/families/{familyId}/approval', { params: path, body: approvalTerms(validUntil) }));
    return familyId;
  }

  beforeAll(async () => {
    server = await startTestServer({}, { clock: () => now });
    vejle = await server.client('0630');
    token = await server.token('0630');

    // 2025: a newspaper lead approved 100 days after first contact, a market lead never approved, a request withdrawn.
    on('2025-01-10');
    const family = await registerAndApprove(NEWSPAPER, '2025-01-20', '2025-04-30', '2026-04-30');
    const path = { path: { familyId: family } };
    on('2025-02-05');
    const market = await unwrap(vejle.POST('/v1/families', { body: registration({ sourceChannel: 'event', sourceDetail: MARKET }) }));
    await unwrap(vejle.POST('/v1/families/{familyId}/first-contact', { params: { path: { familyId: market.familyId } }, body: { on: '2025-02-07', channel: 'meeting' } }));
    on('2025-03-01');
    const withdrawn = await unwrap(vejle.POST('/v1/requests', { body: { caseReference: 'VEJ-2025-1', needs: needs({ schedule: { patterns: ['weekends'], period: { from: '2025-06-01', to: '2025-09-30' } }, startDate: '2025-06-01' }), responseDeadline: '2025-05-01' } }));
    on('2025-04-01');
    await unwrap(vejle.POST('/v1/requests/{requestId}/withdrawal', { params: { path: { requestId: withdrawn.requestId } }, body: { reason: 'Placed with an aunt' } }));
    on('2025-05-02');
    await unwrap(vejle.POST('/v1/families/{familyId}/availability', { params: path, body: { capacity: 1, patterns: ['weekends'] } }));
    on('2025-11-03');
    await unwrap(vejle.POST('/v1/families/{familyId}/support', { params: path, body: { kind: 'emergency-call', on: '2025-11-03' } }));
    // 2026: the approval renewed, a second newspaper lead, a request still waiting, availability confirmed.
    on('2026-01-15');
    await unwrap(vejle.POST('/v1/families', { body: registration({ sourceDetail: NEWSPAPER }) }));
    on('2026-03-01');
    await unwrap(vejle.POST('/v1/requests', { body: { caseReference: 'VEJ-2026-7', needs: needs(), responseDeadline: '2026-12-31' } }));
    on('2026-04-15');
    await unwrap(vejle.POST('/v1/families/{familyId}/approval/renewal', { params: path, body: approvalTerms('2027-02-28') }));
    on('2026-11-01');
    await unwrap(vejle.POST('/v1/families/{familyId}/availability/confirmation', { params: path, body: {} }));
    on('2026-12-15');
  });
  afterAll(() => server.stop());

  it('answers each figure by period and grouping, computed as of the clock', async () => {
    const funnel = await json('recruitment-funnel', '?grouping=year');
    expect(funnel).toMatchObject({ figure: 'recruitment-funnel', municipality: '0630', asOf: '2026-12-15T09:00:00.000Z', period: { from: '2025-01-01', to: '2026-12-15' }, grouping: 'year' });
    expect(funnel.rows.map((row: Record<string, unknown>) => [row.period, row.sourceChannel, row.sourceDetail, row.leads, row.contacted, row.approved, row.conversionPercent])).toEqual([
      ['2025', 'campaign', NEWSPAPER, 1, 1, 1, 100],
      ['2025', 'event', MARKET, 1, 1, 0, 0],
      ['2026', 'campaign', NEWSPAPER, 1, 0, 0, 0],
    ]);
    // 2025-01-20 → 2025-04-30.
    expect((await json('time-to-approval', '?grouping=year')).rows[0]).toMatchObject({ period: '2025', approvals: 1, averageDaysFromFirstContact: 100 });
    // The request opened 2026-03-01 has waited 289 days by 2026-12-15; the one of 2025 was withdrawn.
    const waiting = await json('requests-waiting', '?from=2025-01-01&to=2026-12-31&grouping=year');
    expect(waiting.waitingNow).toEqual({ count: 1, averageDays: 289, longestDays: 289 });
    expect(waiting.rows.map((row: Record<string, unknown>) => [row.period, row.waiting])).toEqual([['2025', 0], ['2026', 1]]);
    expect((await json('requests-filled', '?grouping=year')).rows.map((row: Record<string, unknown>) => row.opened)).toEqual([1, 1]);
    expect((await json('network-share', '?grouping=year')).rows[0]).toMatchObject({ assignments: 0, sharePercent: null, targetPercent: 33 });
    // Renewed until 2027-02-28: within the default 90 days from today.
    const expiring = await json('approvals-expiring');
    expect(expiring).toMatchObject({ period: { from: '2026-12-15', to: '2027-03-15' }, expiringWithin90Days: 1 });
    expect(expiring.rows.find((row: Record<string, unknown>) => row.period === '2027-02')).toMatchObject({ expiring: 1, current: 1 });
    const freshness = await json('availability-freshness', '?from=2026-12-01&to=2026-12-31');
    expect(freshness.rows).toEqual([expect.objectContaining({ asOf: '2026-12-15', available: 1, fresh: 1, averageDaysSinceConfirmed: 44, staleAfterDays: 60 })]);
    expect((await json('emergency-calls', '?from=2025-11-01&to=2025-12-31')).rows.map((row: Record<string, unknown>) => row.calls)).toEqual([1, 0]);
    expect(await json('new-assignment-wishes', '?grouping=quarter')).toMatchObject({ familiesWaitingNow: 0, grouping: 'quarter' });
  });

  it.each(FIGURES)('%s as CSV: a byte-order mark, CRLF, a header row and one line per JSON row, by Accept or ?format=csv', async (name) => {
    const rows = (await json(name, '?grouping=quarter&from=2025-01-01&to=2026-12-31')).rows as Array<Record<string, unknown>>;
    for (const asked of [await figure(name, '?grouping=quarter&from=2025-01-01&to=2026-12-31', { accept: 'text/csv' }), await figure(name, '?grouping=quarter&from=2025-01-01&to=2026-12-31&format=csv')]) {
      expect(asked.status).toBe(200);
      expect(asked.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
      expect([...asked.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const lines = asked.text.slice(1).split('\r\n');
      expect(lines.pop()).toBe('');
      expect(lines[0]).toBe(Object.keys(rows[0] ?? {}).join(','));
      expect(lines).toHaveLength(rows.length + 1);
      expect(asked.text.slice(1).replace(/\r\n/g, '')).not.toContain('\n');
    }
  });

  it('quotes fields with ;  ,  and " (quotes doubled) and keeps æøå, as a spreadsheet reads them', async () => {
    const csv = await figure('recruitment-funnel', '?grouping=year&format=csv');
    const lines = csv.text.slice(1).split('\r\n');
    expect(lines[0]).toBe('period,periodStart,periodEnd,sourceChannel,sourceDetail,leads,contacted,approved,conversionPercent');
    expect(lines.slice(1, 4)).toEqual([
      '2025,2025-01-01,2025-12-31,campaign,"Avis; ""Vejle Amts"", lokal",1,1,1,100',
      '2025,2025-01-01,2025-12-31,event,Høstmarked på Ærø,1,1,0,0',
      '2026,2026-01-01,2026-12-15,campaign,"Avis; ""Vejle Amts"", lokal",1,0,0,0',
    ]);
    expect(csv.bytes.includes(Buffer.from('Høstmarked på Ærø', 'utf8'))).toBe(true);
    // A statistic over nothing is an empty field; the target is in the row, stated plainly.
    const share = await figure('network-share', '?grouping=quarter&from=2026-01-01&to=2026-03-31', { accept: 'text/csv' });
    expect(share.text.slice(1)).toBe('period,periodStart,periodEnd,assignments,fromNetwork,sharePercent,targetPercent\r\n2026-Q1,2026-01-01,2026-03-31,0,0,,33\r\n');
  });

  it('refuses an unknown grouping and an unknown parameter with a 400 problem, from after to with a 422, as JSON even when CSV was asked for, and records nothing', async () => {
    const before = await eventsRecorded(server);
    const bad = (path: string, headers: Record<string, string> = {}) => send(server, 'GET', path, { token, headers });
    const week = await bad('/v1/figures/network-share?grouping=week', { accept: 'text/csv' });
    expectProblem(week, 400, 'REQUEST.VALIDATION', 'validation');
    expect(week.json.invalidParams.map((param: { name: string }) => param.name)).toEqual(['query.grouping']);
    const inverted = await bad('/v1/figures/requests-waiting?from=2026-02-01&to=2026-01-01&format=csv');
    expectProblem(inverted, 422, 'REQUEST.RULE_VIOLATED', 'rule-violated');
    expect(inverted.json.invalidParams).toEqual([expect.objectContaining({ name: 'query.from', reason: '`from` must not be after `to`' })]);
    const unknown = await bad('/v1/figures/recruitment-funnel?channel=campaign');
    expectProblem(unknown, 400, 'REQUEST.VALIDATION', 'validation');
    expectProblem(await bad('/v1/figures/emergency-calls?format=xlsx'), 400, 'REQUEST.VALIDATION', 'validation');
    expect(await eventsRecorded(server)).toBe(before);
  });

  it('the OpenAPI document declares the CSV of every figure', async () => {
    const openapi = (await send(server, 'GET', '/openapi.json')).json;
    for (const name of FIGURES) {
      expect(Object.keys(openapi.paths[`/v1/figures/${name}`].get.responses['200'].content)).toEqual(['application/json', 'text/csv']);
    }
  });

  it('every figure is the same after the read models are deleted and rebuilt from the log', async () => {
    const read = async () => Promise.all(FIGURES.map((name) => json(name, '?grouping=month&from=2025-01-01&to=2026-12-31')));
    const before = await read();
    await server.restart(() => deleteReadModels(server.dataDir));
    expect(await read()).toEqual(before);
  });
});

describe('figures of the demo data', () => {
  const now = new Date('2026-12-15T09:00:00.000Z');
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({}, { clock: () => now });
    expect(await seedDemoData(server.app.runtime.gateway, server.app.runtime.eventStore, now)).toBe(true);
    await server.app.runtime.readSide.waitFor(await server.app.runtime.eventStore.lastPosition());
  });
  afterAll(async () => {
    // The seed's municipalities announce themselves in the background: let the relay finish before the exchange closes.
    await server.app.runtime.relay.run();
    await server.stop();
  });

  it('have two years of history in every demo municipality, dated by the simulated days of the casework', async () => {
    for (const { code } of DEMO_MUNICIPALITIES) {
      const client = await server.client(code);
      const read = async (path: string) => {
        const response = await fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Bearer ${await server.token(code)}` } });
        expect(response.status).toBe(200);
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        return (await response.json()) as any;
      };
      const funnel = await read('/v1/figures/recruitment-funnel?grouping=year&from=2024-01-01&to=2026-12-31');
      expect(new Set(funnel.rows.map((row: { period: string }) => row.period))).toEqual(new Set(['2024', '2025', '2026']));
      const approvals = await read('/v1/figures/time-to-approval?grouping=year&from=2025-01-01&to=2026-12-31');
      expect(approvals.rows.every((row: { approvals: number }) => row.approvals > 0)).toBe(true);
      const wishes = await read('/v1/figures/new-assignment-wishes?grouping=year&from=2025-01-01&to=2026-12-31');
      expect(wishes.rows.map((row: { assignmentsEnded: number }) => row.assignmentsEnded > 0)).toEqual([true, true]);
      const waiting = await read('/v1/figures/requests-waiting?grouping=quarter&from=2025-01-01&to=2026-12-31');
      expect(waiting.rows.filter((row: { waiting: number }) => row.waiting > 0).length).toBeGreaterThan(3);
      expect((await read('/v1/figures/approvals-expiring?from=2024-12-15&to=2026-12-15&grouping=year')).rows.some((row: { renewed: number }) => row.renewed > 0)).toBe(true);
      const freshness = await read('/v1/figures/availability-freshness?grouping=quarter&from=2025-01-01&to=2026-12-31');
      expect(freshness.rows.filter((row: { available: number }) => row.available > 0).length).toBeGreaterThan(4);
      expect((await read('/v1/figures/emergency-calls?grouping=year&from=2025-01-01&to=2026-12-31')).rows.some((row: { calls: number }) => row.calls > 0)).toBe(true);
      // Today's demo families are still there, registered today.
      expect((await unwrap(client.GET('/v1/pipeline', {}))).stages.find((stage) => stage.stage === 'lead')!.count).toBeGreaterThan(0);
    }
  });
});
