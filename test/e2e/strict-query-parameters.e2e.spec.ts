import { ROLES, apiRoutes, expressPath } from '@familybank/contracts';
import { startTestServer, type TestServer } from '../support/api-server';
import { eventsRecorded, expectProblem, send } from '../support/http-helpers';

/** The console's static files and page fallback: a middleware Nest mounts as a catch-all route; it serves no API. */
const CONSOLE_CATCH_ALL = '/{*path}';

/** Every route the running app serves, read from its router, so that a route added later is walked too. */
function servedRoutes(server: TestServer): Array<{ method: string; path: string }> {
  type Layer = { route?: { path: string; methods: Record<string, boolean> } };
  const express = server.app.app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } };
  return express.router.stack.flatMap(({ route }) =>
    route && route.path !== CONSOLE_CATCH_ALL
      ? Object.keys(route.methods).filter((method) => method !== '_all').map((method) => ({ method: method.toUpperCase(), path: route.path }))
      : [],
  );
}

/** A value each path parameter accepts, so that only the query string is wrong. */
const samplePath = (path: string) => path.replace(/:(\w+)/g, (_match, name: string) => (name === 'requester' || name === 'partner' ? '0265' : 'x1'));

/**
 * An unknown query parameter is a 400 that names it on every route the app serves, before any
 * lookup or command: `GET /v1/families?q=` on a list without search must never answer the
 * unfiltered list. The check lives in the contract layer, so no route can forget it.
 */
describe('strict query parameters on every route', () => {
  let server: TestServer;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer();
    // Every role, so that every route gets past the role check to the query check.
    token = await server.token('0630', [...ROLES]);
  });
  afterAll(() => server.stop());

  it('the app serves exactly the routes of the contract', () => {
    const contract = Object.values(apiRoutes).map((route) => `${route.method.toUpperCase()} ${expressPath(route.path)}`);
    expect(servedRoutes(server).map((route) => `${route.method} ${route.path}`).sort()).toEqual([...contract].sort());
  });

  it('each refuses a parameter it does not declare with 400 naming it, and records nothing', async () => {
    const before = await eventsRecorded(server);
    const routes = servedRoutes(server);
    expect(routes.length).toBeGreaterThan(40);
    for (const { method, path } of routes) {
      const target = `${samplePath(path)}?notAParameter=1`;
      const response = await send(server, method, target, { token, ...(method === 'GET' ? {} : { body: {} }) });
      expectProblem(response, 400, 'REQUEST.VALIDATION', 'validation');
      expect({ route: `${method} ${path}`, invalid: response.json.invalidParams }).toEqual({
        route: `${method} ${path}`,
        invalid: expect.arrayContaining([expect.objectContaining({ name: 'query.notAParameter', code: 'unrecognized_keys' })]),
      });
    }
    expect(await eventsRecorded(server)).toBe(before);
  });

});
