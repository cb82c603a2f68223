import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFamilybankClient, unwrap, type FamilybankClient } from '@familybank/api-client';
import { loadOrCreateDevKeys, signDevToken } from '../../apps/api/src/platform/auth/dev-keys';
import { buildApiForProcessTests, startApiProcess, waitForExit, type ApiProcess } from '../support/api-process';
import { registration } from '../support/family-fixtures';

jest.setTimeout(120_000);

/**
 * Durability: every command the API acknowledged survives SIGKILL (SQLite WAL, synchronous=FULL),
 * and after a restart on the same files the read models are up to date with the log.
 */
describe('crash recovery of a separate API process', () => {
  let mainJs: string;
  let dataDir: string;
  let api: ApiProcess | undefined;

  beforeAll(() => {
    mainJs = buildApiForProcessTests();
    dataDir = mkdtempSync(join(tmpdir(), 'familybank-crash-'));
  });
  afterAll(async () => {
    if (api && api.child.exitCode === null) {
      api.child.kill('SIGKILL');
      await waitForExit(api.child);
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function clientFor(baseUrl: string): Promise<FamilybankClient> {
    const keys = await loadOrCreateDevKeys(dataDir);
    const token = await signDevToken(keys, { municipality: '0630', roles: ['caseworker'], issuer: 'familybank-dev', audience: 'familybank-api' });
    return createFamilybankClient({ baseUrl, token });
  }

  it('finds every acknowledged event and up-to-date projections after SIGKILL and restart', async () => {
    api = await startApiProcess(mainJs, { DATA_DIR: dataDir });
    const client = await clientFor(api.baseUrl);

    // A burst: 30 families registered in parallel, each then contacted and screened.
    const acknowledged = new Map<string, number>();
    await Promise.all(
      Array.from({ length: 30 }, async (_, index) => {
        const family = await unwrap(client.POST('/v1/families', { body: registration({ sourceDetail: `burst ${index}` }) }));
        const path = { path: { familyId: family.familyId } };
        await unwrap(client.POST('/v1/families/{familyId}/first-contact', { params: path, body: { on: '2026-11-26', channel: 'phone' } }));
        const screened = await unwrap(client.POST('/v1/families/{familyId}/screening', { params: path, body: { on: '2026-11-27' } }));
        acknowledged.set(family.familyId, screened.revision);
      }),
    );
    // More commands in flight at the moment of the kill: they may or may not land, but must not corrupt anything.
    const inFlight = [...acknowledged.keys()].slice(0, 10).map((familyId) =>
      client.POST('/v1/families/{familyId}/interview', { params: { path: { familyId } }, body: { on: '2026-11-27', interviewers: ['Anna'] } }).catch(() => undefined),
    );
    api.child.kill('SIGKILL');
    await waitForExit(api.child);
    await Promise.all(inFlight);

    api = await startApiProcess(mainJs, { DATA_DIR: dataDir });
    const restarted = await clientFor(api.baseUrl);
    for (const [familyId, revision] of acknowledged) {
      const { items: events } = await unwrap(restarted.GET('/v1/families/{familyId}/events', { params: { path: { familyId } } }));
      expect(events.length - 1).toBeGreaterThanOrEqual(revision);
      expect(events.slice(0, 3).map((event) => event.type)).toEqual(['FamilyRegistered', 'FirstContactMade', 'FamilyScreened']);
      const detail = await unwrap(restarted.GET('/v1/families/{familyId}', { params: { path: { familyId } } }));
      expect(detail.revision).toBe(events.length - 1);
      expect(detail.stage).toBe(events.length === 4 ? 'interviewed' : 'screened');
    }
    const families = await unwrap(restarted.GET('/v1/families', { params: { query: { limit: 200 } } }));
    expect(families.items).toHaveLength(acknowledged.size);
    const pipeline = await unwrap(restarted.GET('/v1/pipeline', {}));
    const counted = pipeline.stages.reduce((sum, stage) => sum + stage.count, 0);
    expect(counted).toBe(acknowledged.size);
    const ready = await (await fetch(`${api.baseUrl}/ready`)).json();
    expect(ready).toMatchObject({ status: 'ready', checks: { eventStore: { status: 'up' }, projections: { status: 'up' }, exchange: { status: 'up' } } });

    api.child.kill('SIGTERM');
    await waitForExit(api.child);
  });
});
