import { WrongExpectedRevisionError } from '@familybank/event-store';
import { startTestServer, type TestServer } from '../support/api-server';
import { registration } from '../support/family-fixtures';
import { expectProblem, eventsRecorded, send, type RawResponse } from '../support/http-helpers';

const PARALLEL = 20;

/**
 * Optimistic concurrency over HTTP: the ETag is the stream revision, If-Match must name the current
 * one (412 otherwise, nothing appended), and racing writers never corrupt a stream or get a 500.
 */
describe('HTTP ETag, If-Match and concurrent writers', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer();
    token = await server.token('0630');
  });
  afterAll(() => server.stop());

  const register = async () => {
    const created = await send(server, 'POST', '/v1/families', { token, body: registration() });
    expect(created.status).toBe(201);
    return created.json.familyId as string;
  };
  const get = (familyId: string) => send(server, 'GET', `/v1/families/${familyId}`, { token });
  const events = async (familyId: string) => (await send(server, 'GET', `/v1/families/${familyId}/events`, { token })).json.items as Array<{ type: string; revision: number }>;
  const step = (familyId: string, suffix: string, body: unknown, ifMatch?: string) =>
    send(server, 'POST', `/v1/families/${familyId}/${suffix}`, { token, body, headers: ifMatch === undefined ? {} : { 'if-match': ifMatch } });
  const contact = { on: '2026-11-20', channel: 'phone' };
  const tally = (responses: RawResponse[]) =>
    responses.reduce<Record<string, number>>((counts, r) => ({ ...counts, [`${r.status} ${r.json?.code ?? ''}`.trim()]: (counts[`${r.status} ${r.json?.code ?? ''}`.trim()] ?? 0) + 1 }), {});

  it('GET answers with ETag "revision"; If-Match with the current ETag succeeds and bumps it', async () => {
    const familyId = await register();
    const fresh = await get(familyId);
    expect(fresh.status).toBe(200);
    expect(fresh.headers.get('etag')).toBe('"0"');
    expect(fresh.json.revision).toBe(0);
    const contacted = await step(familyId, 'first-contact', contact, fresh.headers.get('etag')!);
    expect(contacted.status).toBe(200);
    expect(contacted.headers.get('etag')).toBe('"1"');
    expect((await get(familyId)).headers.get('etag')).toBe('"1"');
    const screened = await step(familyId, 'screening', { on: '2026-11-21' }, '"1"');
    expect({ status: screened.status, etag: screened.headers.get('etag'), stage: screened.json.stage }).toEqual({ status: 200, etag: '"2"', stage: 'screened' });
    expect((await get(familyId)).headers.get('etag')).toBe('"2"');
  });

  it('a stale If-Match → 412 FAMILY.REVISION_MISMATCH, and the stream is unchanged', async () => {
    const familyId = await register();
    expect((await step(familyId, 'first-contact', contact, '"0"')).status).toBe(200);
    const before = await eventsRecorded(server);
    for (const stale of ['"0"', '"2"', '"41"']) {
      const refused = await step(familyId, 'screening', { on: '2026-11-21' }, stale);
      expectProblem(refused, 412, 'FAMILY.REVISION_MISMATCH', 'precondition-failed');
      expect(refused.json.details).toMatchObject({ expected: Number(stale.replace(/"/g, '')), actual: 1 });
    }
    const patched = await send(server, 'PATCH', `/v1/families/${familyId}/profile`, { token, body: { region: 'DK-84' }, headers: { 'if-match': '"0"' } });
    expectProblem(patched, 412, 'FAMILY.REVISION_MISMATCH', 'precondition-failed');
    expect(await eventsRecorded(server)).toBe(before);
    expect((await events(familyId)).map((e) => e.type)).toEqual(['FamilyRegistered', 'FirstContactMade']);
    expect((await get(familyId)).headers.get('etag')).toBe('"1"');
  });

  it('a malformed If-Match → 400 naming header.If-Match, nothing appended', async () => {
    const familyId = await register();
    const before = await eventsRecorded(server);
    // An unquoted value is not an ETag. (A weak one, W/"0", is 412 REQUEST.WEAK_ETAG: http-hardening.e2e.)
    for (const malformed of ['abc', '"abc"', '"1", "2"', '"-1"', '"1.5"', '0']) {
      const refused = await step(familyId, 'first-contact', contact, malformed);
      expectProblem(refused, 400, 'REQUEST.VALIDATION', 'validation');
      expect(refused.json.invalidParams).toEqual([expect.objectContaining({ name: 'header.If-Match' })]);
    }
    expect(await eventsRecorded(server)).toBe(before);
    expect((await get(familyId)).json.stage).toBe('lead');
  });

  it('If-Match: * is accepted', async () => {
    const familyId = await register();
    const contacted = await step(familyId, 'first-contact', contact, '*');
    expect({ status: contacted.status, etag: contacted.headers.get('etag') }).toEqual({ status: 200, etag: '"1"' });
  });

  it(`${PARALLEL} parallel POSTs with the same If-Match: exactly one wins, the rest get 412, the stream grows by one`, async () => {
    const familyId = await register();
    const before = await eventsRecorded(server);
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => step(familyId, 'first-contact', { ...contact, summary: `Attempt ${i}` }, '"0"')),
    );
    expect(tally(responses)).toEqual({ '200': 1, '412 FAMILY.REVISION_MISMATCH': PARALLEL - 1 });
    responses.filter((r) => r.status !== 200).forEach((r) => expectProblem(r, 412, 'FAMILY.REVISION_MISMATCH', 'precondition-failed'));
    const winner = responses.find((r) => r.status === 200)!;
    expect(winner.headers.get('etag')).toBe('"1"');
    expect(await eventsRecorded(server)).toBe(before + 1);
    const stream = await events(familyId);
    expect(stream.map((e) => e.type)).toEqual(['FamilyRegistered', 'FirstContactMade']);
    expect((await get(familyId)).json).toEqual(winner.json);
  });

  it(`${PARALLEL} parallel PATCHes with the same If-Match of a repeatable change: exactly one wins`, async () => {
    const familyId = await register();
    const regions = Array.from({ length: PARALLEL }, (_, i) => `DK-${10 + i}`);
    const responses = await Promise.all(
      regions.map((region) => send(server, 'PATCH', `/v1/families/${familyId}/profile`, { token, body: { region }, headers: { 'if-match': '"0"' } })),
    );
    expect(tally(responses)).toEqual({ '200': 1, '412 FAMILY.REVISION_MISMATCH': PARALLEL - 1 });
    const winner = responses.find((r) => r.status === 200)!;
    expect((await events(familyId)).map((e) => e.type)).toEqual(['FamilyRegistered', 'ProfileUpdated']);
    expect((await get(familyId)).json.region).toBe(winner.json.region);
  });

  it(`${PARALLEL} parallel POSTs without If-Match of a once-only step: one 200, the rest 409 FAMILY.WRONG_STAGE, never 500`, async () => {
    const familyId = await register();
    const before = await eventsRecorded(server);
    const responses = await Promise.all(Array.from({ length: PARALLEL }, () => step(familyId, 'first-contact', contact)));
    expect(tally(responses)).toEqual({ '200': 1, '409 FAMILY.WRONG_STAGE': PARALLEL - 1 });
    responses.filter((r) => r.status !== 200).forEach((r) => expectProblem(r, 409, 'FAMILY.WRONG_STAGE', 'conflict'));
    expect(await eventsRecorded(server)).toBe(before + 1);
    const stream = await events(familyId);
    expect(stream.map((e) => e.type)).toEqual(['FamilyRegistered', 'FirstContactMade']);
    expect(stream.map((e) => e.revision)).toEqual([0, 1]);
  });

  it(`${PARALLEL} parallel repeatable changes without If-Match all apply, each at its own revision`, async () => {
    const familyId = await register();
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, (_, i) => send(server, 'PATCH', `/v1/families/${familyId}/profile`, { token, body: { region: `DK-${10 + i}` } })),
    );
    // Each writer retries on a concurrent change; one that gives up says so with a 409 (not a 412: it sent no If-Match), never a 500.
    const counts = tally(responses);
    expect(Object.keys(counts).filter((key) => key !== '200' && key !== '409 STREAM.CONCURRENT_CHANGE')).toEqual([]);
    const stream = await events(familyId);
    expect(stream.length).toBe(1 + (counts['200'] ?? 0));
    expect(stream.map((e) => e.revision)).toEqual(stream.map((_, i) => i));
  });

  it('a write that keeps losing the race: 409 STREAM.CONCURRENT_CHANGE without If-Match (after retrying), 412 with it', async () => {
    const familyId = await register();
    const before = await eventsRecorded(server);
    const append = jest.spyOn(server.app.runtime.eventStore, 'appendToStream').mockImplementation(async (streamId) => {
      throw new WrongExpectedRevisionError(streamId, 0, 1);
    });
    try {
      const withoutIfMatch = await step(familyId, 'first-contact', contact);
      expectProblem(withoutIfMatch, 409, 'STREAM.CONCURRENT_CHANGE', 'conflict');
      expect(append.mock.calls.length).toBeGreaterThan(1);
      append.mockClear();
      const withIfMatch = await step(familyId, 'first-contact', contact, '"0"');
      expectProblem(withIfMatch, 412, 'FAMILY.REVISION_MISMATCH', 'precondition-failed');
      expect(append).toHaveBeenCalledTimes(1);
    } finally {
      append.mockRestore();
    }
    expect(await eventsRecorded(server)).toBe(before);
    expect((await step(familyId, 'first-contact', contact, '"0"')).status).toBe(200);
  });

  it(`${PARALLEL} parallel registrations with one Idempotency-Key register one family`, async () => {
    const before = await eventsRecorded(server);
    const responses = await Promise.all(
      Array.from({ length: PARALLEL }, () => send(server, 'POST', '/v1/families', { token, body: registration(), headers: { 'idempotency-key': 'parallel-register' } })),
    );
    const counts = tally(responses);
    expect(Object.keys(counts).filter((key) => key !== '201' && key !== '409 REQUEST.IDEMPOTENCY_KEY_IN_USE')).toEqual([]);
    expect(counts['201']).toBeGreaterThanOrEqual(1);
    expect(new Set(responses.filter((r) => r.status === 201).map((r) => r.json.familyId)).size).toBe(1);
    expect(await eventsRecorded(server)).toBe(before + 1);
  });
});
