import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@familybank/contracts';
import { createFamilybankClient, type FamilybankClient } from '@familybank/api-client';
import { signDevToken, type DevKeys } from '../../apps/api/src/platform/auth/dev-keys';
import { loadConfig, type AppConfig } from '../../apps/api/src/platform/config/config';
import { NO_RATE_LIMITS } from './api-process';
import { createApp, type FamilybankApp } from '../../apps/api/src/create-app';

export interface TestServer {
  baseUrl: string;
  dataDir: string;
  app: FamilybankApp;
  /** The development issuer's keys (a server configured with an identity provider has none). */
  devKeys(): DevKeys;
  token(municipality: string, roles?: Role[], subject?: string): Promise<string>;
  client(municipality: string, roles?: Role[]): Promise<FamilybankClient>;
  /**
   * Stops the API, runs `meanwhile` (e.g. deleting files under DATA_DIR) and starts it again on the
   * same data directory and port, so clients made before keep working. Resolves once it is ready.
   */
  restart(meanwhile?: () => void | Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

/** The real API, in this process, on a free port and a fresh data directory. */
export async function startTestServer(env: Record<string, string> = {}, options: { clock?: () => Date } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'familybank-e2e-'));
  // Rate limits off unless a test sets them (see NO_RATE_LIMITS).
  const config: AppConfig = loadConfig({ DATA_DIR: dataDir, PORT: '0', SQLITE_SYNCHRONOUS: 'NORMAL', ...NO_RATE_LIMITS, ...env });
  const listen = async (port: number) => {
    const app = await createApp(config, { logger: false, clock: options.clock });
    await app.app.listen(port, '127.0.0.1');
    return { app, port: (app.app.getHttpServer().address() as { port: number }).port };
  };
  const started = await listen(0);
  const server: TestServer = {
    baseUrl: `http://127.0.0.1:${started.port}`,
    dataDir,
    app: started.app,
    devKeys() {
      if (!server.app.runtime.devKeys) throw new Error('This test server takes tokens from an identity provider, not the development issuer');
      return server.app.runtime.devKeys;
    },
    token: (municipality, roles = ['caseworker', 'approver'], subject) =>
      signDevToken(server.devKeys(), { municipality, roles, subject, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE }),
    client: async (municipality, roles) => createFamilybankClient({ baseUrl: server.baseUrl, token: await server.token(municipality, roles) }),
    async restart(meanwhile) {
      await server.app.close();
      await meanwhile?.();
      server.app = (await listen(started.port)).app;
    },
    async stop() {
      await server.app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return server;
}
