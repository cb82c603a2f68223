import { startTestServer, type TestServer } from '../support/api-server';
import { registration } from '../support/family-fixtures';
import { STACK_TRACE, expectProblem, eventsRecorded, send } from '../support/http-helpers';

/**
 * Every failure is an RFC 9457 problem (application/problem+json, stable type and code, the request
 * path as instance) and none carries a stack trace; paging walks every family exactly once.
 */
describe('HTTP errors and pagination', () => {
  let server: TestServer;
  let token: string;
  let familyId: string;

  beforeAll(async () => {
    server = await startTestServer();
    token = await server.token('0630');
    const created = await send(server, 'POST', '/v1/families', { token, body: registration() });
    expect(created.status).toBe(201);
    familyId = created.json.familyId;
  });
  afterAll(() => server.stop());

  const contactPath = () => `/v1/families/${familyId}/first-contact`;
  const contact = { on: '2026-11-20', channel: 'phone' };

  it('an unknown route → 404 ROUTE.NOT_FOUND, with or without a token', async () => {
    for (const [method, path] of [
      ['GET', '/v1/nothing-here'],
      // Other paths a browser GETs belong to the console (its page routes): console-serving.e2e.
      ['POST', '/v1/nothing-here'],
      ['GET', `/v1/families/${familyId}/nothing-here`],
    ]) {
      for (const auth of [{ token }, {}]) {
        const response = await send(server, method!, path!, auth);
        expectProblem(response, 404, 'ROUTE.NOT_FOUND', 'not-found');
        expect(response.json.instance).toBe(path);
      }
    }
  });

  it('a method the contract does not declare on a known path → 405 with Allow, with or without a token; OPTIONS lists the methods', async () => {
    for (const [method, path, allow] of [
      ['DELETE', `/v1/families/${familyId}`, 'GET, HEAD, OPTIONS'],
      ['PUT', `/v1/families/${familyId}`, 'GET, HEAD, OPTIONS'],
      ['DELETE', '/health', 'GET, HEAD, OPTIONS'],
      ['GET', contactPath(), 'POST, OPTIONS'],
      ['PATCH', '/v1/families', 'POST, GET, HEAD, OPTIONS'],
    ]) {
      for (const auth of [{ token }, {}]) {
        const response = await send(server, method!, path!, auth);
        expectProblem(response, 405, 'ROUTE.METHOD_NOT_ALLOWED', 'method-not-allowed');
        expect(response.headers.get('allow')).toBe(allow);
      }
    }
    const options = await send(server, 'OPTIONS', `/v1/families/${familyId}/profile`, {});
    expect({ status: options.status, allow: options.headers.get('allow') }).toEqual({ status: 204, allow: 'PATCH, OPTIONS' });
  });

  it('a body that is not application/json → 415, nothing appended', async () => {
    const before = await eventsRecorded(server);
    const asText = await send(server, 'POST', contactPath(), { token, body: JSON.stringify(contact), headers: { 'content-type': 'text/plain' } });
    expectProblem(asText, 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'unsupported-media-type');
    const asForm = await send(server, 'POST', '/v1/families', { token, body: 'sourceChannel=campaign', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expectProblem(asForm, 415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'unsupported-media-type');
    expect(await eventsRecorded(server)).toBe(before);
  });

  it('malformed JSON → 400 REQUEST.MALFORMED_JSON, nothing appended', async () => {
    const before = await eventsRecorded(server);
    for (const body of ['{"on": "2026-11-20", ', '{on: 2026}', "{'on': '2026-11-20'}"]) {
      expectProblem(await send(server, 'POST', contactPath(), { token, body }), 400, 'REQUEST.MALFORMED_JSON', 'validation');
    }
    expect(await eventsRecorded(server)).toBe(before);
    expect((await send(server, 'GET', `/v1/families/${familyId}`, { token })).json.stage).toBe('lead');
  });

  it('a 1.5 MB body → 413 REQUEST.TOO_LARGE, nothing appended; just under 1 MB is parsed and validated', async () => {
    const before = await eventsRecorded(server);
    const huge = await send(server, 'POST', '/v1/families', { token, body: { ...registration(), padding: 'x'.repeat(1_500_000) } });
    expectProblem(huge, 413, 'REQUEST.TOO_LARGE', 'payload-too-large');
    const hugeStep = await send(server, 'POST', contactPath(), { token, body: { ...contact, summary: 'x'.repeat(1_500_000) } });
    expectProblem(hugeStep, 413, 'REQUEST.TOO_LARGE', 'payload-too-large');
    const underLimit = await send(server, 'POST', contactPath(), { token, body: { ...contact, summary: 'x'.repeat(900_000) } });
    expectProblem(underLimit, 400, 'REQUEST.VALIDATION', 'validation');
    expect(underLimit.json.invalidParams.map((p: { name: string }) => p.name)).toEqual(['body.summary']);
    expect(await eventsRecorded(server)).toBe(before);
  });

  it('an unknown family → 404 FAMILY.NOT_FOUND on every family route, nothing appended', async () => {
    const before = await eventsRecorded(server);
    const unknown = '0b7f0d86-0000-4a55-bb0c-000000000000';
    for (const path of [`/v1/families/${unknown}`, `/v1/families/${unknown}/events`, `/v1/families/${unknown}/support`, `/v1/families/${unknown}/assignments`]) {
      const response = await send(server, 'GET', path, { token });
      expectProblem(response, 404, 'FAMILY.NOT_FOUND', 'not-found');
      expect(response.json.instance).toBe(path);
    }
    expectProblem(await send(server, 'POST', `/v1/families/${unknown}/first-contact`, { token, body: contact }), 404, 'FAMILY.NOT_FOUND', 'not-found');
    expectProblem(await send(server, 'PATCH', `/v1/families/${unknown}/profile`, { token, body: { region: 'DK-84' } }), 404, 'FAMILY.NOT_FOUND', 'not-found');
    expect(await eventsRecorded(server)).toBe(before);
  });

  it('a family id of the wrong format → 400 naming path.familyId', async () => {
    const before = await eventsRecorded(server);
    for (const id of ['..%2Fetc', 'a'.repeat(100), '-leading-dash', 'with%20space', '%00']) {
      for (const [method, path, body] of [
        ['GET', `/v1/families/${id}`, undefined],
        ['GET', `/v1/families/${id}/events`, undefined],
        ['GET', `/v1/families/${id}/support`, undefined],
        ['POST', `/v1/families/${id}/first-contact`, contact],
      ] as const) {
        const response = await send(server, method, path, { token, body });
        expectProblem(response, 400, 'REQUEST.VALIDATION', 'validation');
        expect(response.json.invalidParams).toEqual([expect.objectContaining({ name: 'path.familyId' })]);
      }
    }
    expect(await eventsRecorded(server)).toBe(before);
  });

  it('pages of 3 through nextCursor return all 7 families exactly once, newest first', async () => {
    const otherToken = await server.token('0101');
    const created: string[] = [];
    for (let i = 0; i < 7; i += 1) {
      const response = await send(server, 'POST', '/v1/families', { token: otherToken, body: registration({ sourceDetail: `Family ${i}` }) });
      expect(response.status).toBe(201);
      created.push(response.json.familyId);
    }
    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '?limit=3' : `?limit=3&cursor=${encodeURIComponent(cursor)}`;
      const page = await send(server, 'GET', `/v1/families${query}`, { token: otherToken });
      expect(page.status).toBe(200);
      pages.push(page.json.items.map((family: { familyId: string }) => family.familyId));
      cursor = page.json.nextCursor;
    } while (cursor !== null && pages.length < 10);
    expect(pages.map((page) => page.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual([...created].reverse());
    const whole = await send(server, 'GET', '/v1/families?limit=7', { token: otherToken });
    expect({ ids: whole.json.items.map((f: { familyId: string }) => f.familyId), next: whole.json.nextCursor }).toEqual({ ids: [...created].reverse(), next: null });
  });

  it('a cursor this API did not issue → 400 naming query.cursor (the contract spells out the cursors it issues)', async () => {
    const forged = [
      'garbage',
      Buffer.from('{"seq":"1"}').toString('base64url'),
      Buffer.from('{"seq":1.5}').toString('base64url'),
      Buffer.from('[]').toString('base64url'),
    ];
    for (const cursor of forged) {
      for (const path of ['/v1/families', '/v1/available-families']) {
        const response = await send(server, 'GET', `${path}?cursor=${encodeURIComponent(cursor)}`, { token });
        expectProblem(response, 400, 'REQUEST.VALIDATION', 'validation');
        expect(response.json.invalidParams).toEqual([expect.objectContaining({ name: 'query.cursor' })]);
      }
    }
    expectProblem(await send(server, 'GET', `/v1/families?cursor=${'a'.repeat(201)}`, { token }), 400, 'REQUEST.VALIDATION', 'validation');
  });

  it('a limit outside 1–200, or not an integer → 400 naming query.limit; an unknown stage → 400', async () => {
    for (const limit of ['0', '500', '201', '-1', 'abc', '2.5']) {
      const response = await send(server, 'GET', `/v1/families?limit=${limit}`, { token });
      expectProblem(response, 400, 'REQUEST.VALIDATION', 'validation');
      expect(response.json.invalidParams).toEqual([expect.objectContaining({ name: 'query.limit' })]);
    }
    expect((await send(server, 'GET', '/v1/families?limit=200', { token })).status).toBe(200);
    expect((await send(server, 'GET', '/v1/families?limit=1', { token })).status).toBe(200);
    const stage = await send(server, 'GET', '/v1/families?stage=heaven', { token });
    expectProblem(stage, 400, 'REQUEST.VALIDATION', 'validation');
    expect(stage.json.invalidParams).toEqual([expect.objectContaining({ name: 'query.stage' })]);
  });

  it('an unexpected failure → 500 INTERNAL that reveals neither the message nor a stack trace', async () => {
    const secret = new Error('SQLITE_CORRUPT: database disk image is malformed in /srv/data/read-models.sqlite');
    const list = jest.spyOn(server.app.runtime.queries, 'listFamilies').mockImplementation(() => {
      throw secret;
    });
    const append = jest.spyOn(server.app.runtime.eventStore, 'appendToStream').mockRejectedValue(secret);
    try {
      const read = await send(server, 'GET', '/v1/families', { token });
      const write = await send(server, 'POST', contactPath(), { token, body: contact });
      for (const response of [read, write]) {
        expectProblem(response, 500, 'INTERNAL', 'internal');
        expect(response.text).not.toMatch(/SQLITE|malformed|\/srv\//);
        expect(Object.keys(response.json).sort()).toEqual(['code', 'detail', 'instance', 'status', 'title', 'type']);
      }
    } finally {
      list.mockRestore();
      append.mockRestore();
    }
    expect((await send(server, 'GET', `/v1/families/${familyId}`, { token })).json.stage).toBe('lead');
  });

  it('no problem response carries a stack trace, whatever the failure', async () => {
    const responses = await Promise.all([
      send(server, 'GET', '/v1/families', { headers: { authorization: 'Bearer a.b.c' } }),
      send(server, 'POST', '/v1/families', { token, body: '{"adults": [' }),
      send(server, 'POST', '/v1/families', { token, body: { ...registration(), adults: 'two' } }),
      send(server, 'POST', contactPath(), { token, body: contact, headers: { 'if-match': 'W/"x"' } }),
      send(server, 'GET', '/v1/families?cursor=%FF%FE', { token }),
      send(server, 'GET', '/v1/%E0%A4%A', { token }),
    ]);
    for (const response of responses) {
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(response.text).not.toMatch(STACK_TRACE);
      expect(response.json).toEqual(expect.objectContaining({ type: expect.stringMatching(/^urn:familybank:problem:/), title: expect.any(String), code: expect.any(String) }));
    }
  });
});
