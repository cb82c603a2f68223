import { ROLES, apiRoutes, isPublic, type ApiRoute, type Role } from '@familybank/contracts';
import { startTestServer, type TestServer } from '../support/api-server';
import { expectProblem, send } from '../support/http-helpers';

jest.setTimeout(60_000);

const MUNICIPALITY = '0630';
/** A path of the route with made-up ids: the role check comes before any look-up. */
const pathOf = (route: ApiRoute) => route.path.replace(/\{partner\}|\{requester\}/g, '0265').replace(/\{\w+\}/g, 'made-up-1');
const guarded = (Object.values(apiRoutes) as ApiRoute[]).flatMap((route) => (isPublic(route.roles) ? [] : [{ ...route, roles: route.roles }]));

/**
 * Function-level authorization (OWASP API5): every route refuses, with 403 AUTH.ROLE_MISSING, a token
 * that carries only roles the route does not declare, and lets each declared role past the check.
 */
describe('every role not in a route’s declaration is refused', () => {
  let server: TestServer;
  const tokens = {} as Record<Role, string>;

  beforeAll(async () => {
    server = await startTestServer();
    for (const role of ROLES) tokens[role] = await server.token(MUNICIPALITY, [role], `${role}@${MUNICIPALITY}`);
  });
  afterAll(() => server.stop());

  it.each(guarded.map((route) => [route.operationId, route] as const))('%s: 403 for each role it does not declare', async (_name, route) => {
    const refused = ROLES.filter((role) => !route.roles.includes(role));
    for (const role of refused) {
      const response = await send(server, route.method.toUpperCase(), pathOf(route), { token: tokens[role], body: route.body ? {} : undefined });
      expectProblem(response, 403, 'AUTH.ROLE_MISSING', 'forbidden');
    }
  });

  it.each(guarded.filter((route) => route.method === 'get').map((route) => [route.operationId, route] as const))('%s: each declared role gets past the check', async (_name, route) => {
    for (const role of route.roles) {
      const response = await send(server, 'GET', pathOf(route), { token: tokens[role] });
      expect([401, 403]).not.toContain(response.status);
    }
  });

  it('a token with several roles may do what any of them may: a recruiter who is also an auditor reads the audit', async () => {
    const both = await server.token(MUNICIPALITY, ['recruiter', 'auditor']);
    expect((await send(server, 'GET', '/v1/audit/reads', { token: both })).status).toBe(200);
    expectProblem(await send(server, 'GET', '/v1/audit/reads', { token: tokens.recruiter }), 403, 'AUTH.ROLE_MISSING', 'forbidden');
  });

  it('the development sign-in offers every role, so the console can pick them', async () => {
    const options = await send(server, 'GET', '/v1/dev/session');
    expect(options.json.roles).toEqual([...ROLES]);
    const session = await send(server, 'POST', '/v1/dev/session', { body: { municipality: MUNICIPALITY, roles: ['partner-liaison'] } });
    expect(session.status).toBe(201);
    expect((await send(server, 'GET', '/v1/partnerships', { token: session.json.token })).status).toBe(200);
    expectProblem(await send(server, 'GET', '/v1/families', { token: session.json.token }), 403, 'AUTH.ROLE_MISSING', 'forbidden');
  });
});
