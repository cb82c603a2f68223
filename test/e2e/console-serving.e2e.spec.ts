import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFamilybankClient, unwrap } from '@familybank/api-client';
import { startTestServer, type TestServer } from '../support/api-server';
import { send } from '../support/http-helpers';

/** The API node serves the console at `/` and, in development only, signs a caseworker in. */
describe('console serving and development sign-in', () => {
  let server: TestServer;
  let assets: string;

  beforeAll(async () => {
    assets = mkdtempSync(join(tmpdir(), 'familybank-web-'));
    mkdirSync(join(assets, 'assets'));
    writeFileSync(join(assets, 'index.html'), '<!doctype html><title>familybank console</title>');
    writeFileSync(join(assets, 'assets', 'app-abc123.js'), 'console.log(1)');
    process.env['WEB_DIST_DIR'] = assets;
    server = await startTestServer();
  });
  afterAll(async () => {
    delete process.env['WEB_DIST_DIR'];
    await server.stop();
    rmSync(assets, { recursive: true, force: true });
  });

  it('serves index.html at / and at the console’s own routes, hashed assets with a long cache', async () => {
    const root = await send(server, 'GET', '/');
    expect(root.status).toBe(200);
    expect(root.text).toContain('familybank console');
    expect(root.headers.get('cache-control')).toBe('no-cache');
    expect((await send(server, 'GET', '/families/a1?tab=history')).text).toContain('familybank console');
    const asset = await send(server, 'GET', '/assets/app-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toContain('immutable');
    expect((await send(server, 'GET', '/assets/gone-000.js')).status).toBe(404);
  });

  it('the console’s CSP lets it run its own scripts and call the API, and nothing from elsewhere; the API’s stays none', async () => {
    const csp = (await send(server, 'GET', '/')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/https?:|\*/);
    expect((await send(server, 'GET', '/v1/nothing-here')).headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('leaves API paths to the API: an unknown /v1 path is a 404 problem, /health answers', async () => {
    const unknown = await send(server, 'GET', '/v1/nothing-here');
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    expect((await send(server, 'GET', '/health')).json).toEqual({ status: 'ok' });
  });

  it('opens a development session whose token works on the API, for the chosen municipality and roles', async () => {
    const options = await send(server, 'GET', '/v1/dev/session');
    expect(options.json.municipalities).toEqual(expect.arrayContaining([{ code: '0630', name: 'Vejle' }]));
    const session = await send(server, 'POST', '/v1/dev/session', { body: { municipality: '0630', roles: ['caseworker'], subject: 'anna' } });
    expect(session.status).toBe(201);
    expect(session.json).toMatchObject({ municipality: '0630', municipalityName: 'Vejle', roles: ['caseworker'], subject: 'anna' });
    const client = createFamilybankClient({ baseUrl: server.baseUrl, token: session.json.token });
    expect((await unwrap(client.GET('/v1/pipeline', {}))).municipality).toBe('0630');
    const approve = await send(server, 'POST', '/v1/partnerships', { token: session.json.token, body: { partner: '0265' } });
    expect(approve.json.code).toBe('AUTH.ROLE_MISSING');
  });

  it('refuses a session without roles, naming the field', async () => {
    const refused = await send(server, 'POST', '/v1/dev/session', { body: { municipality: '0630', roles: [] } });
    expect(refused.status).toBe(400);
    expect(refused.json.invalidParams.map((p: { name: string }) => p.name)).toContain('body.roles');
  });
});

describe('development sign-in outside development', () => {
  it.each([
    ['NODE_ENV', 'production'],
    ['DEV_SIGN_IN', 'false'],
  ])('with %s=%s the routes are a 404 problem', async (name, value) => {
    const before = process.env[name];
    process.env[name] = value;
    const server = await startTestServer();
    try {
      const refused = await send(server, 'POST', '/v1/dev/session', { body: { municipality: '0630', roles: ['caseworker'] } });
      expect(refused.status).toBe(404);
      expect(refused.json.code).toBe('DEV_SESSION.DISABLED');
      expect((await send(server, 'GET', '/v1/dev/session')).status).toBe(404);
    } finally {
      if (before === undefined) delete process.env[name];
      else process.env[name] = before;
      await server.stop();
    }
  });
});
