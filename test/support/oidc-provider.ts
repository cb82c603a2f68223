import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Role } from '@familybank/contracts';
import { waitForExit } from './api-process';

/** A machine user of the provider: its tokens carry this municipality and these roles. */
export interface ProviderClient {
  client_id: string;
  client_secret: string;
  municipality: string;
  roles: Role[];
  alg?: 'RS256' | 'ES256' | 'EdDSA';
  /** Claims in place of `municipality` and `roles`, shaped like another provider's. */
  claims?: Record<string, unknown>;
  /** Access token lifetime in seconds (default 600). */
  ttl?: number;
}

/** A person who signs in at the provider's (development) login form with this login and any password. */
export interface ProviderUser {
  municipality: string;
  roles: Role[];
}

export interface OidcProvider {
  issuer: string;
  /** An access token (client credentials) for `resource`, the audience; by default our API. */
  token(clientId: string, resource?: string): Promise<string>;
  discovery(): Promise<{ issuer: string; jwks_uri: string; token_endpoint: string }>;
  /**
   * Registers a public browser client (authorization code, PKCE required, refresh tokens) that is
   * sent back to `redirectUri`, and after signing out (RP-initiated logout) to `postLogoutRedirectUri`.
   */
  registerBrowserClient(clientId: string, redirectUri: string, postLogoutRedirectUri?: string): Promise<void>;
  stop(): Promise<void>;
}

/** Starts test/support/oidc-provider.mjs (panva's oidc-provider, ESM only) as a child process on a free loopback port. */
export async function startOidcProvider(options: {
  resource: string;
  otherResource: string;
  clients: ProviderClient[];
  /** People who sign in at the provider's login form (by login, any password); with them, browser clients may be registered. */
  users?: Record<string, ProviderUser>;
  /** Lifetime in seconds of the access tokens browser clients get (default 600). */
  browserTokenTtl?: number;
}): Promise<OidcProvider> {
  const registrationToken = randomBytes(24).toString('base64url');
  const child = spawn(process.execPath, [join(__dirname, 'oidc-provider.mjs'), JSON.stringify({ ...options, registrationToken })], { stdio: ['ignore', 'pipe', 'pipe'] });
  const { issuer, token_endpoint } = await firstLine(child);
  const secrets = new Map(options.clients.map((client) => [client.client_id, client.client_secret]));
  return {
    issuer,
    async token(clientId, resource = options.resource) {
      const response = await fetch(token_endpoint, {
        method: 'POST',
        headers: { authorization: `Basic ${Buffer.from(`${clientId}:${secrets.get(clientId)}`).toString('base64')}` },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'familybank', resource }),
      });
      const body = (await response.json()) as { access_token?: string };
      if (!response.ok || !body.access_token) throw new Error(`The provider gave no token for ${clientId}: ${response.status} ${JSON.stringify(body)}`);
      return body.access_token;
    },
    async discovery() {
      return (await (await fetch(`${issuer}/.well-known/openid-configuration`)).json()) as Awaited<ReturnType<OidcProvider['discovery']>>;
    },
    async registerBrowserClient(clientId, redirectUri, postLogoutRedirectUri) {
      const response = await fetch(`${issuer}/reg`, {
        method: 'POST',
        headers: { authorization: `Bearer ${registrationToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          client_name: clientId,
          redirect_uris: [redirectUri],
          post_logout_redirect_uris: postLogoutRedirectUri ? [postLogoutRedirectUri] : [],
          // Public: a browser cannot keep a secret, so oidc-provider requires PKCE of it.
          token_endpoint_auth_method: 'none',
          grant_types: ['authorization_code', 'refresh_token'],
          response_types: ['code'],
          scope: 'openid familybank',
        }),
      });
      if (response.status !== 201) throw new Error(`The provider refused to register ${clientId}: ${response.status} ${await response.text()}`);
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await waitForExit(child);
    },
  };
}

function firstLine(child: ChildProcess): Promise<{ issuer: string; token_endpoint: string }> {
  let output = '';
  let errors = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The OpenID provider did not start within 20 s:\n${errors}`));
    }, 20_000);
    child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const newline = output.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      resolve(JSON.parse(output.slice(0, newline)) as { issuer: string; token_endpoint: string });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The OpenID provider exited with ${code}:\n${errors}`));
    });
  });
}
