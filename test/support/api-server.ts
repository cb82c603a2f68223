import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@familybank/contracts';
import { createFamilybankClient, type FamilybankClient } from '@familybank/api-client';
import { signDevToken } from '../../apps/api/src/auth/dev-keys';
import { loadConfig, type AppConfig } from '../../apps/api/src/config/config';
import { createApp, type FamilybankApp } from '../../apps/api/src/create-app';

export interface TestServer {
  baseUrl: string;
  dataDir: string;
  app: FamilybankApp;
  token(municipality: string, roles?: Role[], subject?: string): Promise<string>;
  client(municipality: string, roles?: Role[]): Promise<FamilybankClient>;
  stop(): Promise<void>;
}

/** The real API, in this process, on a free port and a fresh data directory. */
export async function startTestServer(env: Record<string, string> = {}, options: { clock?: () => Date } = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'familybank-e2e-'));
  const config: AppConfig = loadConfig({ DATA_DIR: dataDir, PORT: '0', SQLITE_SYNCHRONOUS: 'NORMAL', ...env });
  const app = await createApp(config, { logger: false, clock: options.clock });
  await app.app.listen(0, '127.0.0.1');
  const { port } = app.app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${port}`;
  const token = (municipality: string, roles: Role[] = ['caseworker', 'approver'], subject?: string) =>
    signDevToken(app.runtime.devKeys, { municipality, roles, subject, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE });
  return {
    baseUrl,
    dataDir,
    app,
    token,
    client: async (municipality, roles) => createFamilybankClient({ baseUrl, token: await token(municipality, roles) }),
    async stop() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
