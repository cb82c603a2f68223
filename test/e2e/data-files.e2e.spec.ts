import { chmodSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { startTestServer, type TestServer } from '../support/api-server';
import { registration } from '../support/family-fixtures';
import { send } from '../support/http-helpers';

/** Every file and directory the node keeps under DATA_DIR, with its permission bits, e.g. `events.sqlite: 600`. */
function modes(dataDir: string): Record<string, string> {
  const found: Record<string, string> = { '.': (statSync(dataDir).mode & 0o777).toString(8) };
  const walk = (directory: string) => {
    for (const name of readdirSync(directory)) {
      const path = join(directory, name);
      const stat = statSync(path);
      found[relative(dataDir, path)] = (stat.mode & 0o777).toString(8);
      if (stat.isDirectory()) walk(path);
    }
  };
  walk(dataDir);
  return found;
}

const privateOnly = (found: Record<string, string>) => Object.entries(found).filter(([, mode]) => mode !== '600' && mode !== '700');

/** The data directory holds personal data and keys: owner-only (700 directories, 600 files). */
describe('files under DATA_DIR', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
    const token = await server.token('0630');
    // A municipality identity (its keys), an idempotent answer, events, read models, the relay's records.
    expect((await send(server, 'GET', '/v1/partnerships', { token })).status).toBe(200);
    expect((await send(server, 'POST', '/v1/families', { token, body: registration(), headers: { 'idempotency-key': 'modes-1' } })).status).toBe(201);
  });
  afterAll(() => server.stop());

  it('after a node starts and works, every file is 600 and every directory 700', () => {
    const found = modes(server.dataDir);
    for (const name of ['events.sqlite', 'read-models.sqlite', 'outbox.sqlite', 'workflows.sqlite', 'idempotency.sqlite', 'exchange.sqlite', 'dead-letters.sqlite', 'dev-jwt-key.json', 'municipalities/0630.json']) {
      expect(found[name]).toBe('600');
    }
    expect(found['events.sqlite-wal']).toBe('600');
    expect({ dataDir: found['.'], municipalities: found['municipalities'] }).toEqual({ dataDir: '700', municipalities: '700' });
    expect(privateOnly(found)).toEqual([]);
  });

  it('a data directory an earlier release left readable is tightened when the node starts', async () => {
    await server.restart(() => {
      chmodSync(server.dataDir, 0o755);
      chmodSync(join(server.dataDir, 'municipalities'), 0o755);
      for (const name of ['events.sqlite', 'read-models.sqlite', 'idempotency.sqlite', 'municipalities/0630.json']) chmodSync(join(server.dataDir, name), 0o644);
      expect(privateOnly(modes(server.dataDir)).length).toBeGreaterThanOrEqual(6);
    });
    expect(privateOnly(modes(server.dataDir))).toEqual([]);
  });
});
