import { paginate, unwrap, type FamilybankClient } from '@familybank/api-client';
import { startTestServer, type TestServer } from '../support/api-server';
import { expectProblem, send } from '../support/http-helpers';
import { registerAvailableFamily } from '../support/journeys';

const RECORDS = 120;
/** Support days run over December and January, recorded in an order that is not the days' order. */
const dayOf = (index: number) => (index % 2 === 0 ? `2026-12-${String(1 + (index % 31)).padStart(2, '0')}` : `2027-01-${String(1 + (index % 28)).padStart(2, '0')}`);

/**
 * A family's support records, assignments and audit trail are paginated resources: the family detail
 * and every command's answer keep a bounded summary, however long the family's history.
 */
describe('a family’s long lists as paginated resources', () => {
  let server: TestServer;
  let vejle: FamilybankClient;
  let token: string;
  let familyId: string;
  const answerSizes: number[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    vejle = await server.client('0630', ['caseworker', 'approver']);
    token = await server.token('0630');
    familyId = await registerAvailableFamily(vejle);
    for (let index = 0; index < RECORDS; index++) {
      const answer = await send(server, 'POST', `/v1/families/${familyId}/support`, { token, body: { kind: 'supervision', on: dayOf(index), note: `Visit ${index}` } });
      expect(answer.status).toBe(200);
      answerSizes.push(answer.text.length);
    }
  }, 60_000);
  afterAll(() => server.stop());

  const path = () => ({ path: { familyId } });

  it('the answer to a support record is no bigger after 120 records than after 10; the detail summarises them', async () => {
    // Only counters and revision numbers gain digits.
    expect(answerSizes.at(-1)!).toBeLessThanOrEqual(answerSizes[9]! + 64);
    const detail = await unwrap(vejle.GET('/v1/families/{familyId}', { params: path() }));
    expect(detail.support).toMatchObject({ count: RECORDS, lastOn: '2027-01-28' });
    expect(detail.support.recent.map((record) => record.note)).toEqual(['Visit 119', 'Visit 118', 'Visit 117', 'Visit 116', 'Visit 115']);
    expect(detail.support.recent[0]).toMatchObject({ familyId, kind: 'supervision', recordedBy: 'dev-caseworker+approver@0630', revision: detail.revision });
  });

  it('GET …/support walks every record exactly once, newest first, page after page', async () => {
    const records = [];
    for await (const record of paginate((cursor) => vejle.GET('/v1/families/{familyId}/support', { params: { ...path(), query: { cursor, limit: 7 } } }))) records.push(record);
    expect(records.map((record) => record.note)).toEqual(Array.from({ length: RECORDS }, (_, index) => `Visit ${RECORDS - 1 - index}`));
    const revisions = records.map((record) => record.revision);
    expect(revisions).toEqual([...revisions].sort((a, b) => b - a));
    expect(new Set(revisions).size).toBe(RECORDS);
    const detail = await unwrap(vejle.GET('/v1/families/{familyId}', { params: path() }));
    expect(records.slice(0, 5)).toEqual(detail.support.recent);
  });

  it('GET …/events pages the audit trail oldest first; every event once, and the current revision on every page', async () => {
    const { revision } = await unwrap(vejle.GET('/v1/families/{familyId}', { params: path() }));
    const first = await unwrap(vejle.GET('/v1/families/{familyId}/events', { params: path() }));
    expect(first).toMatchObject({ familyId, revision, nextCursor: expect.any(String) });
    expect(first.items).toHaveLength(100);
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await unwrap(vejle.GET('/v1/families/{familyId}/events', { params: { ...path(), query: { cursor, limit: 25 } } }));
      expect(page.revision).toBe(revision);
      seen.push(...page.items.map((event) => event.revision));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(Array.from({ length: revision + 1 }, (_, index) => index));
    const whole = await unwrap(vejle.GET('/v1/families/{familyId}/events', { params: { ...path(), query: { limit: 500 } } }));
    expect(whole.items.map((event) => event.revision)).toEqual(seen);
    expect(whole.nextCursor).toBeNull();
  });

  it('a family that was never reserved has no assignments, active or ended', async () => {
    for (const status of [undefined, 'active', 'ended'] as const) {
      expect(await unwrap(vejle.GET('/v1/families/{familyId}/assignments', { params: { ...path(), query: { status } } }))).toEqual({ items: [], nextCursor: null });
    }
    expect(await unwrap(vejle.GET('/v1/families/{familyId}', { params: path() }))).toMatchObject({ assignments: [], endedAssignmentCount: 0 });
  });

  it('another municipality’s family is 404 on every list, with or without a cursor issued for it', async () => {
    const roskilde = await server.token('0265');
    const supportCursor = (await unwrap(vejle.GET('/v1/families/{familyId}/support', { params: { ...path(), query: { limit: 1 } } }))).nextCursor!;
    const eventsCursor = (await unwrap(vejle.GET('/v1/families/{familyId}/events', { params: { ...path(), query: { limit: 1 } } }))).nextCursor!;
    for (const url of [
      `/v1/families/${familyId}/support`,
      `/v1/families/${familyId}/support?cursor=${supportCursor}`,
      `/v1/families/${familyId}/assignments`,
      `/v1/families/${familyId}/assignments?status=ended`,
      `/v1/families/${familyId}/events`,
      `/v1/families/${familyId}/events?cursor=${eventsCursor}`,
    ]) {
      expectProblem(await send(server, 'GET', url, { token: roskilde }), 404, 'FAMILY.NOT_FOUND', 'not-found');
    }
  });

  it('a hand-made cursor (here: past the end of the audit trail) is refused; cursors are opaque and bound to their list', async () => {
    const beyond = Buffer.from(JSON.stringify({ seq: 100_000 })).toString('base64url');
    expectProblem(await send(server, 'GET', `/v1/families/${familyId}/events?cursor=${beyond}`, { token }), 400, 'REQUEST.INVALID_CURSOR', 'validation');
    const supportCursor = (await send(server, 'GET', `/v1/families/${familyId}/support?limit=1`, { token })).json.nextCursor;
    expectProblem(await send(server, 'GET', `/v1/families/${familyId}/events?cursor=${supportCursor}`, { token }), 400, 'REQUEST.INVALID_CURSOR', 'validation');
  });

  it('a cursor the API did not issue is 400 REQUEST.INVALID_CURSOR on every list', async () => {
    for (const list of ['support', 'assignments', 'events']) {
      const response = await send(server, 'GET', `/v1/families/${familyId}/${list}?cursor=not-a-cursor`, { token });
      expectProblem(response, 400, 'REQUEST.INVALID_CURSOR', 'validation');
      expect(response.json.invalidParams).toEqual([expect.objectContaining({ name: 'query.cursor' })]);
    }
  });

  it('an unknown or invalid query parameter is 400 naming it, never the default page', async () => {
    for (const list of ['support', 'assignments', 'events']) {
      const misspelt = await send(server, 'GET', `/v1/families/${familyId}/${list}?limt=5`, { token });
      expectProblem(misspelt, 400, 'REQUEST.VALIDATION', 'validation');
      expect(misspelt.json.invalidParams).toEqual([expect.objectContaining({ name: 'query.limt', code: 'unrecognized_keys' })]);
      expectProblem(await send(server, 'GET', `/v1/families/${familyId}/${list}?limit=0`, { token }), 400, 'REQUEST.VALIDATION', 'validation');
    }
    expectProblem(await send(server, 'GET', `/v1/families/${familyId}/events?limit=501`, { token }), 400, 'REQUEST.VALIDATION', 'validation');
    expectProblem(await send(server, 'GET', `/v1/families/${familyId}/assignments?status=finished`, { token }), 400, 'REQUEST.VALIDATION', 'validation');
  });
});
