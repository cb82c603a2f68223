import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SignJWT, exportJWK, generateKeyPair } from 'jose';
import { signDevToken } from '../../apps/api/src/platform/auth/dev-keys';
import { startTestServer, type TestServer } from '../support/api-server';
import { registration } from '../support/family-fixtures';
import { expectProblem, eventsRecorded, send } from '../support/http-helpers';

const ISSUER = 'familybank-dev';
const AUDIENCE = 'familybank-api';

/**
 * Authentication and authorization over HTTP: every family route needs a bearer token signed by the
 * configured key, for the configured issuer and audience, unexpired, with a municipality and roles;
 * the role decides what may be done, and the municipality what may be seen.
 */
describe('HTTP authentication and authorization', () => {
  let server: TestServer;
  let familyId: string;

  beforeAll(async () => {
    server = await startTestServer();
    const created = await send(server, 'POST', '/v1/families', { token: await server.token('0630'), body: registration() });
    expect(created.status).toBe(201);
    familyId = created.json.familyId;
  });
  afterAll(() => server.stop());

  /** Signs with the server's own key, so only the claim under test is wrong. */
  const signWithServerKey = (claims: Record<string, unknown>, options: { expires?: boolean } = {}) => {
    const jwt = new SignJWT(claims)
      .setProtectedHeader({ alg: 'EdDSA', kid: server.devKeys().kid })
      .setSubject('someone@0630')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt();
    return (options.expires === false ? jwt : jwt.setExpirationTime('1h')).sign(server.devKeys().privateKey);
  };

  async function expectRefusedEverywhere(headers: Record<string, string>, code: string) {
    const before = await eventsRecorded(server);
    const list = await send(server, 'GET', '/v1/families', { headers });
    expectProblem(list, 401, code, 'unauthenticated');
    expect(list.headers.get('www-authenticate')).toBe(code === 'AUTH.TOKEN_INVALID' ? 'Bearer error="invalid_token"' : 'Bearer');
    const detail = await send(server, 'GET', `/v1/families/${familyId}`, { headers });
    expectProblem(detail, 401, code, 'unauthenticated');
    const register = await send(server, 'POST', '/v1/families', { headers, body: registration() });
    expectProblem(register, 401, code, 'unauthenticated');
    const step = await send(server, 'POST', `/v1/families/${familyId}/first-contact`, { headers, body: { on: '2026-11-20', channel: 'phone' } });
    expectProblem(step, 401, code, 'unauthenticated');
    expect(await eventsRecorded(server)).toBe(before);
  }

  it('no Authorization header, or one that is not a bearer token → 401 AUTH.TOKEN_MISSING', async () => {
    await expectRefusedEverywhere({}, 'AUTH.TOKEN_MISSING');
    await expectRefusedEverywhere({ authorization: 'Basic dXNlcjpwYXNz' }, 'AUTH.TOKEN_MISSING');
    await expectRefusedEverywhere({ authorization: 'Bearer' }, 'AUTH.TOKEN_MISSING');
  });

  it('a garbage token → 401 AUTH.TOKEN_INVALID', async () => {
    await expectRefusedEverywhere({ authorization: 'Bearer not-a-jwt' }, 'AUTH.TOKEN_INVALID');
    await expectRefusedEverywhere({ authorization: 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.' }, 'AUTH.TOKEN_INVALID');
  });

  it('a token signed by another key, even with the server key id → 401 AUTH.TOKEN_INVALID', async () => {
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const forged = await new SignJWT({ municipality: '0630', roles: ['caseworker', 'approver'] })
      .setProtectedHeader({ alg: 'EdDSA', kid: server.devKeys().kid })
      .setSubject('mallory@0630')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
    await expectRefusedEverywhere({ authorization: `Bearer ${forged}` }, 'AUTH.TOKEN_INVALID');
  });

  it('a token for another issuer or audience → 401 AUTH.TOKEN_INVALID', async () => {
    const keys = server.devKeys();
    const otherIssuer = await signDevToken(keys, { municipality: '0630', roles: ['caseworker'], issuer: 'someone-else', audience: AUDIENCE });
    await expectRefusedEverywhere({ authorization: `Bearer ${otherIssuer}` }, 'AUTH.TOKEN_INVALID');
    const otherAudience = await signDevToken(keys, { municipality: '0630', roles: ['caseworker'], issuer: ISSUER, audience: 'another-api' });
    await expectRefusedEverywhere({ authorization: `Bearer ${otherAudience}` }, 'AUTH.TOKEN_INVALID');
  });

  it('an expired token → 401 AUTH.TOKEN_INVALID', async () => {
    const expired = await signDevToken(server.devKeys(), { municipality: '0630', roles: ['caseworker'], issuer: ISSUER, audience: AUDIENCE, expiresIn: '-1m' });
    await expectRefusedEverywhere({ authorization: `Bearer ${expired}` }, 'AUTH.TOKEN_INVALID');
  });

  it('a token without an expiry (it would never expire) → 401 AUTH.TOKEN_INVALID', async () => {
    const forever = await signWithServerKey({ municipality: '0630', roles: ['caseworker'] }, { expires: false });
    await expectRefusedEverywhere({ authorization: `Bearer ${forever}` }, 'AUTH.TOKEN_INVALID');
  });

  it('a correctly signed token that lives ten years, or was issued a year ahead → 401 AUTH.TOKEN_INVALID with the reason', async () => {
    const now = Math.floor(Date.now() / 1000);
    const year = 365 * 86_400;
    const sign = (iat: number, exp: number) =>
      new SignJWT({ municipality: '0630', roles: ['caseworker'] })
        .setProtectedHeader({ alg: 'EdDSA', kid: server.devKeys().kid })
        .setSubject('someone@0630')
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt(iat)
        .setExpirationTime(exp)
        .sign(server.devKeys().privateKey);
    for (const [token, reason] of [
      [await sign(now, now + 10 * year), 'lifetime-too-long'],
      [await sign(now + year, now + year + 3600), 'issued-in-future'],
    ] as const) {
      await expectRefusedEverywhere({ authorization: `Bearer ${token}` }, 'AUTH.TOKEN_INVALID');
      expect((await send(server, 'GET', '/v1/families', { token })).json.details).toEqual({ reason });
    }
  });

  it('a token signed with HS256, using the public key as the secret → 401 AUTH.TOKEN_INVALID', async () => {
    const publicJwk = await exportJWK(server.devKeys().publicKey);
    const forged = await new SignJWT({ municipality: '0630', roles: ['caseworker', 'approver'] })
      .setProtectedHeader({ alg: 'HS256', kid: server.devKeys().kid })
      .setSubject('mallory@0630')
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(JSON.stringify(publicJwk)));
    await expectRefusedEverywhere({ authorization: `Bearer ${forged}` }, 'AUTH.TOKEN_INVALID');
    expect((await send(server, 'GET', '/v1/families', { token: forged })).json.details).toEqual({ reason: 'algorithm-not-allowed' });
  });

  it('a validly signed token without a proper municipality or roles → 401 AUTH.TOKEN_INVALID', async () => {
    for (const claims of [
      { roles: ['caseworker'] },
      { municipality: '0630' },
      { municipality: '0630', roles: [] },
      { municipality: '0630', roles: ['admin'] },
      { municipality: '630', roles: ['caseworker'] },
      { municipality: 630, roles: ['caseworker'] },
    ]) {
      await expectRefusedEverywhere({ authorization: `Bearer ${await signWithServerKey(claims)}` }, 'AUTH.TOKEN_INVALID');
    }
  });

  it('the control case: the same construction with the right claims is accepted', async () => {
    const token = await signWithServerKey({ municipality: '0630', roles: ['auditor'] });
    const response = await send(server, 'GET', `/v1/families/${familyId}`, { token });
    expect(response.status).toBe(200);
    expect(response.json.familyId).toBe(familyId);
  });

  it('an auditor can read everything but write nothing (403 AUTH.ROLE_MISSING, nothing appended)', async () => {
    const token = await server.token('0630', ['auditor']);
    for (const path of ['/v1/families', `/v1/families/${familyId}`, `/v1/families/${familyId}/events`, `/v1/families/${familyId}/support`, `/v1/families/${familyId}/assignments`, '/v1/available-families', '/v1/pipeline']) {
      expect({ path, status: (await send(server, 'GET', path, { token })).status }).toEqual({ path, status: 200 });
    }
    const before = await eventsRecorded(server);
    expectProblem(await send(server, 'POST', '/v1/families', { token, body: registration() }), 403, 'AUTH.ROLE_MISSING', 'forbidden');
    const step = await send(server, 'POST', `/v1/families/${familyId}/first-contact`, { token, body: { on: '2026-11-20', channel: 'phone' } });
    expectProblem(step, 403, 'AUTH.ROLE_MISSING', 'forbidden');
    expectProblem(await send(server, 'PATCH', `/v1/families/${familyId}/profile`, { token, body: { region: 'DK-84' } }), 403, 'AUTH.ROLE_MISSING', 'forbidden');
    expect(await eventsRecorded(server)).toBe(before);
  });

  it('a caseworker may record steps but not approver-only ones (403)', async () => {
    const token = await server.token('0630', ['caseworker']);
    const before = await eventsRecorded(server);
    const rejection = await send(server, 'POST', `/v1/families/${familyId}/rejection`, { token, body: { reason: 'not-suitable' } });
    expectProblem(rejection, 403, 'AUTH.ROLE_MISSING', 'forbidden');
    expect(await eventsRecorded(server)).toBe(before);
    const contact = await send(server, 'POST', `/v1/families/${familyId}/first-contact`, { token, body: { on: '2026-11-20', channel: 'phone' } });
    expect(contact.status).toBe(200);
    expect(await eventsRecorded(server)).toBe(before + 1);
  });

  it('another municipality sees nothing of this family and cannot act on it', async () => {
    const token = await server.token('0265', ['caseworker', 'approver']);
    expectProblem(await send(server, 'GET', `/v1/families/${familyId}`, { token }), 404, 'FAMILY.NOT_FOUND', 'not-found');
    for (const list of ['events', 'support', 'assignments']) {
      expectProblem(await send(server, 'GET', `/v1/families/${familyId}/${list}`, { token }), 404, 'FAMILY.NOT_FOUND', 'not-found');
    }
    expect((await send(server, 'GET', '/v1/families', { token })).json).toEqual({ items: [], nextCursor: null });
    const before = await eventsRecorded(server);
    expectProblem(await send(server, 'POST', `/v1/families/${familyId}/screening`, { token, body: { on: '2026-11-21' } }), 404, 'FAMILY.NOT_FOUND', 'not-found');
    expect(await eventsRecorded(server)).toBe(before);
  });

  it('health, readiness, the OpenAPI document and the docs need no token', async () => {
    const health = await send(server, 'GET', '/health');
    expect({ status: health.status, body: health.json }).toEqual({ status: 200, body: { status: 'ok' } });
    const ready = await send(server, 'GET', '/ready');
    expect(ready.status).toBe(200);
    expect(ready.json.status).toBe('ready');
    const openapi = await send(server, 'GET', '/openapi.json');
    expect(openapi.status).toBe(200);
    expect(openapi.headers.get('content-type')).toMatch(/^application\/json/);
    expect(openapi.json).toEqual(JSON.parse(readFileSync(join(__dirname, '../../contracts/openapi.json'), 'utf8')));
    const docs = await send(server, 'GET', '/docs');
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-type')).toMatch(/^text\/html/);
    expect(docs.text).toMatch(/<html/i);
    expect(docs.text).toMatch(/swagger/i);
  });
});
