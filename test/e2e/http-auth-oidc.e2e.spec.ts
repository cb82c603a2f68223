import { decodeJwt, decodeProtectedHeader } from 'jose';
import { startTestServer, type TestServer } from '../support/api-server';
import { registration } from '../support/family-fixtures';
import { expectProblem, send } from '../support/http-helpers';
import { startOidcProvider, type OidcProvider } from '../support/oidc-provider';

jest.setTimeout(60_000);
const API = 'https://api.familybank.test';
const OTHER_API = 'https://payroll.vejle.test';

/**
 * A real OpenID provider (panva's oidc-provider) on loopback issues JWT access tokens for our API
 * (client credentials, resource indicators); the node verifies them against the provider's JWKS,
 * found through its discovery document, as a municipality's IT department would configure it.
 */
describe('tokens from a real OpenID provider', () => {
  let provider: OidcProvider;
  let server: TestServer;

  beforeAll(async () => {
    provider = await startOidcProvider({
      resource: API,
      otherResource: OTHER_API,
      clients: [
        { client_id: 'vejle-rs', client_secret: 'vejle-rs-secret-0123456789', municipality: '0630', roles: ['caseworker', 'approver'], alg: 'RS256' },
        { client_id: 'vejle-es', client_secret: 'vejle-es-secret-0123456789', municipality: '0630', roles: ['caseworker'], alg: 'ES256' },
        { client_id: 'vejle-ed', client_secret: 'vejle-ed-secret-0123456789', municipality: '0630', roles: ['auditor'], alg: 'EdDSA' },
        { client_id: 'vejle-long', client_secret: 'vejle-long-secret-0123456789', municipality: '0630', roles: ['caseworker'], ttl: 13 * 3600 },
        {
          client_id: 'vejle-keycloak-style',
          client_secret: 'vejle-kc-secret-0123456789',
          municipality: '0630',
          roles: [],
          claims: { 'https://familybank.dk/claims/municipality': '0630', realm_access: { roles: ['offline_access', 'FB-Leder'] } },
        },
        { client_id: 'copenhagen', client_secret: 'copenhagen-secret-0123456789', municipality: '0101', roles: ['caseworker'] },
      ],
    });
    const discovery = await provider.discovery();
    server = await startTestServer({ JWT_ISSUER: discovery.issuer, JWT_JWKS_URL: discovery.jwks_uri, JWT_AUDIENCE: API, MUNICIPALITIES: '0630' });
  });
  afterAll(async () => {
    await server?.stop();
    await provider?.stop();
  });

  it.each([
    ['vejle-rs', 'RS256'],
    ['vejle-es', 'ES256'],
    ['vejle-ed', 'EdDSA'],
  ])("serves %s's %s access token", async (client, alg) => {
    const token = await provider.token(client);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg, typ: 'at+jwt' });
    expect(decodeJwt(token)).toMatchObject({ iss: provider.issuer, aud: API, municipality: '0630' });
    const families = await send(server, 'GET', '/v1/families', { token });
    expect(families.status).toBe(200);
  });

  it("acts as the token's principal: a caseworker registers a family, an auditor may not", async () => {
    const created = await send(server, 'POST', '/v1/families', { token: await provider.token('vejle-es'), body: registration() });
    expect(created.status).toBe(201);
    const detail = await send(server, 'GET', `/v1/families/${created.json.familyId}`, { token: await provider.token('vejle-ed') });
    expect(detail.status).toBe(200);
    expectProblem(await send(server, 'POST', '/v1/families', { token: await provider.token('vejle-ed'), body: registration() }), 403, 'AUTH.ROLE_MISSING', 'forbidden');
  });

  it("refuses the provider's token for another API (audience)", async () => {
    const response = await send(server, 'GET', '/v1/families', { token: await provider.token('vejle-rs', OTHER_API) });
    expectProblem(response, 401, 'AUTH.TOKEN_INVALID', 'unauthenticated');
    expect(response.json.details).toEqual({ reason: 'wrong-audience' });
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  });

  it('refuses a tampered token (municipality or roles changed after signing)', async () => {
    const [header, payload, signature] = (await provider.token('vejle-es')).split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    for (const change of [{ municipality: '0265' }, { roles: ['caseworker', 'approver'] }]) {
      const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, ...change })).toString('base64url')}.${signature}`;
      const response = await send(server, 'GET', '/v1/families', { token: tampered });
      expectProblem(response, 401, 'AUTH.TOKEN_INVALID', 'unauthenticated');
      expect(response.json.details).toEqual({ reason: 'signature-invalid' });
    }
  });

  it('refuses a token that lives longer than 12 h, though the provider signed it', async () => {
    const response = await send(server, 'GET', '/v1/families', { token: await provider.token('vejle-long') });
    expectProblem(response, 401, 'AUTH.TOKEN_INVALID', 'unauthenticated');
    expect(response.json.details).toEqual({ reason: 'lifetime-too-long' });
  });

  it('refuses a token of a municipality this node does not serve', async () => {
    expectProblem(await send(server, 'GET', '/v1/families', { token: await provider.token('copenhagen') }), 403, 'AUTH.MUNICIPALITY_NOT_SERVED', 'forbidden');
  });

  it("maps a provider's own claim names and role names, as configured (JWT_CLAIM_*, JWT_ROLE_MAP)", async () => {
    const token = await provider.token('vejle-keycloak-style');
    expectProblem(await send(server, 'GET', '/v1/families', { token }), 401, 'AUTH.TOKEN_INVALID', 'unauthenticated');
    const discovery = await provider.discovery();
    const mapped = await startTestServer({
      JWT_ISSUER: discovery.issuer,
      JWT_JWKS_URL: discovery.jwks_uri,
      JWT_AUDIENCE: API,
      MUNICIPALITIES: '0630',
      JWT_CLAIM_MUNICIPALITY: 'https://familybank.dk/claims/municipality',
      JWT_CLAIM_ROLES: 'realm_access.roles',
      JWT_ROLE_MAP: 'FB-Leder=caseworker,FB-Leder=approver,FB-Revisor=auditor',
    });
    try {
      const created = await send(mapped, 'POST', '/v1/families', { token, body: registration() });
      expect(created.status).toBe(201);
      const rejection = await send(mapped, 'POST', `/v1/families/${created.json.familyId}/rejection`, { token, body: { reason: 'not-suitable' } });
      expect(rejection.status).toBe(200);
    } finally {
      await mapped.stop();
    }
  });

  it("answers 503 AUTH.KEYS_UNAVAILABLE, not 401, when the provider's keys cannot be fetched", async () => {
    const token = await provider.token('vejle-es');
    const discovery = await provider.discovery();
    const fresh = await startTestServer({ JWT_ISSUER: discovery.issuer, JWT_JWKS_URL: discovery.jwks_uri, JWT_AUDIENCE: API, MUNICIPALITIES: '0630' });
    try {
      await provider.stop();
      expectProblem(await send(fresh, 'GET', '/v1/families', { token }), 503, 'AUTH.KEYS_UNAVAILABLE', 'not-ready');
      // The node that fetched them before keeps verifying with its cached keys.
      expect((await send(server, 'GET', '/v1/families', { token })).status).toBe(200);
    } finally {
      await fresh.stop();
    }
  });
});
