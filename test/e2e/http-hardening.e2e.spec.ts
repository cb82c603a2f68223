import { request as httpRequest } from 'node:http';
import { gzipSync } from 'node:zlib';
import { startTestServer, type TestServer } from '../support/api-server';
import { registration } from '../support/family-fixtures';
import { eventsRecorded, expectProblem, send, type RawResponse } from '../support/http-helpers';

/**
 * What an attacker or a careless client sends at the transport level: every refusal is a 4xx
 * problem (never a 500), and every answer carries the security headers.
 */
describe('HTTP transport hardening', () => {
  let server: TestServer;
  let token: string;
  let familyId: string;

  beforeAll(async () => {
    server = await startTestServer();
    token = await server.token('0630');
    familyId = (await send(server, 'POST', '/v1/families', { token, body: registration() })).json.familyId;
  });
  afterAll(() => server.stop());

  const postRaw = async (path: string, body: Buffer | string, headers: Record<string, string>): Promise<RawResponse> => {
    const response = await fetch(`${server.baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers }, body });
    const text = await response.text();
    return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : undefined };
  };

  describe('security headers', () => {
    it('every answer, success or problem, API or docs, says nosniff, no framing, no referrer, and has a CSP', async () => {
      const answers = await Promise.all([
        send(server, 'GET', `/v1/families/${familyId}`, { token }),
        send(server, 'GET', '/v1/families/0b7f0d86-0000-4a55-bb0c-000000000000', { token }),
        send(server, 'GET', '/v1/families'),
        send(server, 'GET', '/v1/nothing-here'),
        send(server, 'GET', '/openapi.json'),
        send(server, 'GET', '/docs/'),
        send(server, 'GET', '/docs/swagger-ui-init.js'),
        send(server, 'GET', '/health'),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([200, 404, 401, 404, 200, 200, 200, 200]);
      for (const answer of answers) {
        expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
        expect(answer.headers.get('x-frame-options')).toBe('DENY');
        expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
        expect(answer.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
        expect(answer.headers.get('x-powered-by')).toBeNull();
      }
    });

    it("the API's CSP allows nothing to load; the docs' allows only their own scripts", async () => {
      const api = (await send(server, 'GET', '/v1/families', { token })).headers.get('content-security-policy');
      expect(api).toContain("default-src 'none'");
      const docs = (await send(server, 'GET', '/docs/')).headers.get('content-security-policy')!;
      expect(docs).toContain("script-src 'self'");
      expect(docs).not.toMatch(/script-src[^;]*unsafe/);
    });

    it('every /v1 answer, problems included, is Cache-Control: no-store', async () => {
      const answers = [
        await send(server, 'GET', `/v1/families/${familyId}`, { token }),
        await send(server, 'GET', '/v1/families?limit=5', { token }),
        await send(server, 'POST', `/v1/families/${familyId}/first-contact`, { token, body: { on: 'yesterday' } }),
        await send(server, 'GET', '/v1/families'),
        await send(server, 'GET', '/v1/no-such-thing', { token }),
        await send(server, 'GET', '/v1/families/%E0%A4%A', { token }),
      ];
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 400, 401, 404, 400]);
      for (const answer of answers) expect(answer.headers.get('cache-control')).toBe('no-store');
    });

    it('without configured origins no CORS header is sent, whatever the Origin', async () => {
      const preflight = await send(server, 'OPTIONS', '/v1/families', { headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
      const read = await send(server, 'GET', '/v1/families', { token, headers: { origin: 'https://evil.example' } });
      for (const answer of [preflight, read]) expect(answer.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  describe('malformed transport input', () => {
    it('a path with a broken %-escape → 400 REQUEST.MALFORMED_PATH, with or without a token', async () => {
      for (const path of ['/v1/families/%E0%A4%A', '/v1/families/%zz', `/v1/families/${familyId}/%`, '/v1/%E0%A4%A', '/docs/%E0%A4%A']) {
        for (const auth of [{ token }, {}]) expectProblem(await send(server, 'GET', path, auth), 400, 'REQUEST.MALFORMED_PATH', 'validation');
      }
      expectProblem(await send(server, 'POST', '/v1/families/%E0%A4%A/first-contact', { token, body: { on: '2026-11-20', channel: 'phone' } }), 400, 'REQUEST.MALFORMED_PATH');
    });

    it('a body that is not in its Content-Encoding → 400 REQUEST.MALFORMED_ENCODING; an unknown encoding → 415; nothing appended', async () => {
      const before = await eventsRecorded(server);
      for (const encoding of ['gzip', 'deflate', 'br']) {
        const broken = await postRaw('/v1/families', JSON.stringify(registration()), { 'content-encoding': encoding });
        expectProblem(broken, 400, 'REQUEST.MALFORMED_ENCODING', 'validation');
      }
      expectProblem(await postRaw('/v1/families', 'x', { 'content-encoding': 'zstd-or-whatever' }), 415, 'REQUEST.UNSUPPORTED_ENCODING', 'unsupported-media-type');
      expect(await eventsRecorded(server)).toBe(before);
      // The control case: a real gzip body is accepted.
      expect((await postRaw('/v1/families', gzipSync(JSON.stringify(registration())), { 'content-encoding': 'gzip' })).status).toBe(201);
    });

    it('a gzip bomb (20 MB of spaces in under 100 KB) → 413, the limit counts the inflated body', async () => {
      const bomb = gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20));
      expect(bomb.length).toBeLessThan(100_000);
      expectProblem(await postRaw('/v1/families', bomb, { 'content-encoding': 'gzip' }), 413, 'REQUEST.TOO_LARGE', 'payload-too-large');
    });

    it('JSON nested deeper than 32 levels → 400 REQUEST.TOO_DEEP before it is parsed; 32 levels are parsed and validated', async () => {
      const before = await eventsRecorded(server);
      const nested = (depth: number) => `${'{"a":'.repeat(depth - 1)}{}${'}'.repeat(depth - 1)}`;
      for (const body of ['['.repeat(500_000), `{"adults":${'['.repeat(33)}${']'.repeat(33)}}`, nested(33)]) {
        expectProblem(await send(server, 'POST', '/v1/families', { token, body }), 400, 'REQUEST.TOO_DEEP', 'validation');
      }
      const deepEnough = await send(server, 'POST', '/v1/families', { token, body: nested(32) });
      expectProblem(deepEnough, 400, 'REQUEST.VALIDATION', 'validation');
      expect(await eventsRecorded(server)).toBe(before);
    });

    it('headers over 16 KiB → 431 problem+json from the server itself', async () => {
      const answer = await new Promise<{ status: number; type: string | undefined; body: string }>((resolve, reject) => {
        const url = new URL(`${server.baseUrl}/v1/families`);
        const request = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, headers: { authorization: `Bearer ${token}`, 'x-padding': 'a'.repeat(20_000) } }, (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () => resolve({ status: response.statusCode!, type: response.headers['content-type'], body }));
        });
        request.on('error', reject);
        request.end();
      });
      expect(answer).toMatchObject({ status: 431, type: 'application/problem+json' });
      expect(JSON.parse(answer.body)).toMatchObject({ status: 431, code: 'REQUEST.HEADERS_TOO_LARGE', type: 'urn:familybank:problem:headers-too-large' });
    });
  });

  describe('If-Match compares strongly', () => {
    const contact = { on: '2026-11-20', channel: 'phone' };

    it('a weak ETag never matches → 412 REQUEST.WEAK_ETAG, nothing appended; the strong one is accepted', async () => {
      const id = (await send(server, 'POST', '/v1/families', { token, body: registration() })).json.familyId;
      const before = await eventsRecorded(server);
      for (const weak of ['W/"0"', 'W/"7"', ' W/"0"']) {
        const refused = await send(server, 'POST', `/v1/families/${id}/first-contact`, { token, body: contact, headers: { 'if-match': weak } });
        expectProblem(refused, 412, 'REQUEST.WEAK_ETAG', 'precondition-failed');
      }
      const unquoted = await send(server, 'POST', `/v1/families/${id}/first-contact`, { token, body: contact, headers: { 'if-match': '0' } });
      expectProblem(unquoted, 400, 'REQUEST.VALIDATION', 'validation');
      expect(await eventsRecorded(server)).toBe(before);
      const strong = await send(server, 'POST', `/v1/families/${id}/first-contact`, { token, body: contact, headers: { 'if-match': '"0"' } });
      expect({ status: strong.status, etag: strong.headers.get('etag') }).toEqual({ status: 200, etag: '"1"' });
    });
  });
});

describe('CORS with configured origins', () => {
  let server: TestServer;
  const allowed = 'https://console.example.dk';

  beforeAll(async () => {
    server = await startTestServer({ CORS_ORIGINS: `${allowed},http://localhost:5173` });
  });
  afterAll(() => server.stop());

  it('an allowed origin may call with a token and read ETag and Location; any other gets no CORS header', async () => {
    const preflight = await send(server, 'OPTIONS', '/v1/families', {
      headers: { origin: allowed, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,idempotency-key' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('idempotency-key');
    const read = await send(server, 'GET', '/v1/families', { token: await server.token('0630'), headers: { origin: allowed } });
    expect(read.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(read.headers.get('access-control-expose-headers')).toContain('ETag');
    const other = await send(server, 'OPTIONS', '/v1/families', { headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
