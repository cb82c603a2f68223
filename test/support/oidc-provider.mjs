// A real OpenID provider (panva's oidc-provider) on loopback, for the identity tests. Run as a child
// process (it is ESM only): prints one JSON line with its issuer and endpoints once it listens.
// Each client is a machine user of one municipality with some roles; the access token for our API
// is a JWT (resource indicators), signed with the client's algorithm, carrying those claims.
// With users, browser clients (the console: public, authorization code, PKCE required) are
// registered once the console's address is known (dynamic registration, guarded by a token), and
// people sign in at oidc-provider's development login form (any password); a user's access token
// carries that user's claims.
import { createServer } from 'node:http';
import { exportJWK, generateKeyPair } from 'jose';
import Provider, { errors } from 'oidc-provider';

const { resource: API, otherResource: OTHER_API, clients, users = {}, registrationToken, browserTokenTtl = 600 } = JSON.parse(process.argv[2]);
const signsPeopleIn = Object.keys(users).length > 0;

async function privateJwk(alg) {
  const { privateKey } = await generateKeyPair(alg, { crv: alg === 'EdDSA' ? 'Ed25519' : undefined, extractable: true });
  return { ...(await exportJWK(privateKey)), alg, use: 'sig', kid: `${alg.toLowerCase()}-${Date.now().toString(36)}` };
}

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;
const byId = new Map(clients.map((client) => [client.client_id, client]));

const provider = new Provider(issuer, {
  scopes: ['openid', 'familybank'],
  jwks: { keys: [await privateJwk('RS256'), await privateJwk('ES256'), await privateJwk('EdDSA')] },
  clients: clients.map(({ client_id, client_secret }) => ({ client_id, client_secret, grant_types: ['client_credentials'], redirect_uris: [], response_types: [], scope: 'familybank' })),
  findAccount: (_ctx, id) => (users[id] ? { accountId: id, claims: () => ({ sub: id }) } : undefined),
  // Like Keycloak: a client allowed the refresh_token grant gets a refresh token without asking for
  // offline_access (which OpenID Connect ties to prompt=consent). Public clients' are rotated on use (the default).
  issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
  features: {
    devInteractions: { enabled: signsPeopleIn },
    // The test names the browser client (client_name becomes its id): the API is configured with it before the console's port is known.
    registration: { enabled: signsPeopleIn, initialAccessToken: registrationToken, idFactory: (ctx) => ctx.oidc.body.client_name },
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => API,
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, resource, client) => {
        if (resource !== API && resource !== OTHER_API) throw new errors.InvalidTarget();
        // A browser client (not in byId) gets tokens of browserTokenTtl seconds: short, to see them renewed.
        const { alg = 'ES256', ttl = browserTokenTtl } = byId.get(client.clientId) ?? {};
        return { scope: 'familybank', audience: resource, accessTokenFormat: 'jwt', accessTokenTTL: ttl, jwt: { sign: { alg } } };
      },
    },
  },
  extraTokenClaims: (_ctx, token) => {
    // A signed-in user's token carries the user's claims; a machine client's, the client's.
    if (token.accountId) return users[token.accountId];
    // A client may bring its own claims, shaped like another provider's (Keycloak, Entra ID, ...).
    const { municipality, roles, claims } = byId.get(token.clientId);
    return claims ?? { municipality, roles };
  },
});
server.on('request', provider.callback());
process.stdout.write(`${JSON.stringify({ issuer, jwks_uri: `${issuer}/jwks`, token_endpoint: `${issuer}/token` })}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
