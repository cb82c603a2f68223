import { apiRoutes } from '@familybank/contracts';
import { VIEW_RECORDING_ROUTES } from '../../apps/api/src/platform/http/rate-limits';
import { loadConfig } from '../../apps/api/src/platform/config/config';
import { startTestServer, type TestServer } from '../support/api-server';
import { expectProblem, send, type RawResponse } from '../support/http-helpers';

const limits = (overrides: Record<string, string>) => ({
  RATE_LIMIT_WINDOW_SECONDS: '60',
  RATE_LIMIT_PER_ADDRESS: '1000',
  RATE_LIMIT_PER_TOKEN: '1000',
  RATE_LIMIT_VIEWS_PER_TOKEN: '1000',
  ...overrides,
});

const headers = (response: RawResponse) => ({
  limit: response.headers.get('ratelimit-limit'),
  remaining: response.headers.get('ratelimit-remaining'),
});

function expectRateLimited(response: RawResponse, scope: string, windowSeconds = 60): void {
  expectProblem(response, 429, 'REQUEST.RATE_LIMITED', 'too-many-requests');
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
  expect(response.json.details).toMatchObject({ scope, windowSeconds, retryAfterSeconds: retryAfter });
  expect(response.headers.get('ratelimit-remaining')).toBe('0');
}

/** Limits per token, per address and, stricter, per token on reads that record profile views; tests set their own. */
describe('rate limits', () => {
  it('defaults: 3000 per address, 1200 per token and 600 view-recording reads per token, per minute', () => {
    expect(loadConfig({})).toMatchObject({ RATE_LIMIT_WINDOW_SECONDS: 60, RATE_LIMIT_PER_ADDRESS: 3000, RATE_LIMIT_PER_TOKEN: 1200, RATE_LIMIT_VIEWS_PER_TOKEN: 600, TRUST_PROXY_HOPS: 0 });
  });

  it('the view-recording routes named are GET routes of the contract', () => {
    const routes = Object.values(apiRoutes);
    for (const operationId of VIEW_RECORDING_ROUTES) expect(routes.find((route) => route.operationId === operationId)?.method).toBe('get');
  });

  describe('per token', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(limits({ RATE_LIMIT_PER_TOKEN: '5' }));
    });
    afterAll(() => server.stop());

    it('the sixth request of a token in a window → 429 with Retry-After; the headers count down before', async () => {
      const token = await server.token('0630', ['caseworker'], 'anna');
      const answers: RawResponse[] = [];
      for (let n = 0; n < 5; n += 1) answers.push(await send(server, n % 2 ? 'GET' : 'POST', n % 2 ? '/v1/families' : '/v1/families?x', { token, body: n % 2 ? undefined : {} }));
      expect(answers.map((answer) => answer.status)).toEqual([400, 200, 400, 200, 400]);
      expect(answers.map(headers)).toEqual(['4', '3', '2', '1', '0'].map((remaining) => ({ limit: '5', remaining })));
      expectRateLimited(await send(server, 'GET', '/v1/families', { token }), 'token');
      expectRateLimited(await send(server, 'GET', '/v1/partnerships', { token }), 'token');
    });

    it('another user, or the same user of another municipality, has a bucket of its own', async () => {
      const limited = await server.token('0630', ['caseworker'], 'bent');
      for (let n = 0; n < 5; n += 1) await send(server, 'GET', '/v1/families', { token: limited });
      expectRateLimited(await send(server, 'GET', '/v1/families', { token: limited }), 'token');
      for (const token of [await server.token('0630', ['caseworker'], 'carla'), await server.token('0265', ['caseworker'], 'bent')]) {
        expect((await send(server, 'GET', '/v1/families', { token })).status).toBe(200);
      }
    });
  });

  describe('per token, on reads that record profile views', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(limits({ RATE_LIMIT_PER_TOKEN: '50', RATE_LIMIT_VIEWS_PER_TOKEN: '3' }));
    });
    afterAll(() => server.stop());

    it('pool and request reads share a stricter bucket; other reads of the token go on', async () => {
      const token = await server.token('0630', ['caseworker']);
      const pool = await send(server, 'GET', '/v1/pool', { token });
      expect({ status: pool.status, ...headers(pool) }).toEqual({ status: 200, limit: '3', remaining: '2' });
      expect((await send(server, 'GET', '/v1/requests', { token })).status).toBe(200);
      expect((await send(server, 'GET', '/v1/pool', { token })).status).toBe(200);
      expectRateLimited(await send(server, 'GET', '/v1/requests/0b7f0d86-0000-4a55-bb0c-000000000000/candidates', { token }), 'views');
      expectRateLimited(await send(server, 'GET', '/v1/pool', { token }), 'views');
      const families = await send(server, 'GET', '/v1/families', { token });
      // The headers tell the limit closest to running out: here the token's own.
      expect({ status: families.status, ...headers(families) }).toEqual({ status: 200, limit: '50', remaining: '44' });
    });
  });

  describe('per address', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(limits({ RATE_LIMIT_PER_ADDRESS: '4' }));
    });
    afterAll(() => server.stop());

    it('counts requests without a valid token too, before authentication; X-Forwarded-For is not trusted by default', async () => {
      expect((await send(server, 'GET', '/v1/families')).status).toBe(401);
      expect((await send(server, 'GET', '/v1/families', { headers: { authorization: 'Bearer forged.token.here' } })).status).toBe(401);
      expect((await send(server, 'GET', '/health')).status).toBe(200);
      expect((await send(server, 'GET', '/v1/families', { headers: { 'x-forwarded-for': '203.0.113.7' } })).status).toBe(401);
      const token = await server.token('0630');
      expectRateLimited(await send(server, 'GET', '/v1/families', { token }), 'address');
      expectRateLimited(await send(server, 'GET', '/v1/families', { token, headers: { 'x-forwarded-for': '203.0.113.8' } }), 'address');
    });
  });

  describe('behind a trusted proxy', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(limits({ RATE_LIMIT_PER_ADDRESS: '2', TRUST_PROXY_HOPS: '1' }));
    });
    afterAll(() => server.stop());

    it('each client address of X-Forwarded-For has its own bucket', async () => {
      const from = (address: string) => send(server, 'GET', '/health', { headers: { 'x-forwarded-for': address } });
      expect([(await from('203.0.113.1')).status, (await from('203.0.113.1')).status]).toEqual([200, 200]);
      expectRateLimited(await from('203.0.113.1'), 'address');
      expect((await from('203.0.113.2')).status).toBe(200);
    });
  });

  describe('over a short window', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(limits({ RATE_LIMIT_WINDOW_SECONDS: '1', RATE_LIMIT_PER_TOKEN: '2' }));
    });
    afterAll(() => server.stop());

    it('a limited token may go on once Retry-After has passed', async () => {
      const token = await server.token('0630');
      await send(server, 'GET', '/v1/families', { token });
      await send(server, 'GET', '/v1/families', { token });
      const limited = await send(server, 'GET', '/v1/families', { token });
      expectRateLimited(limited, 'token', 1);
      await new Promise((resolve) => setTimeout(resolve, Number(limited.headers.get('retry-after')) * 1000 + 200));
      expect((await send(server, 'GET', '/v1/families', { token })).status).toBe(200);
    });
  });
});
