import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createFamilybankClient, unwrap } from '@familybank/api-client';
import { loadOrCreateDevKeys, signDevToken } from '../../apps/api/src/platform/auth/dev-keys';
import { buildApiForProcessTests, startApiProcess, waitForExit, type ApiProcess } from '../support/api-process';
import { eventually } from '../support/journeys';

jest.setTimeout(120_000);
const run = promisify(execFile);
const root = join(__dirname, '../..');

/** What `npm start` does: the embedded default with demo data, started twice on the same files. */
describe('embedded default with demo data', () => {
  let mainJs: string;
  let dataDir: string;
  let api: ApiProcess | undefined;

  beforeAll(() => {
    mainJs = buildApiForProcessTests();
    dataDir = mkdtempSync(join(tmpdir(), 'familybank-embedded-'));
  });
  afterAll(async () => {
    if (api && api.child.exitCode === null) api.child.kill('SIGKILL');
    if (api) await waitForExit(api.child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  async function stop() {
    api!.child.kill('SIGTERM');
    await waitForExit(api!.child);
  }

  async function snapshot(baseUrl: string) {
    const keys = await loadOrCreateDevKeys(dataDir);
    const views: Record<string, unknown> = {};
    for (const municipality of ['0630', '0265', '0101']) {
      const token = await signDevToken(keys, { municipality, roles: ['auditor'], issuer: 'familybank-dev', audience: 'familybank-api' });
      const client = createFamilybankClient({ baseUrl, token });
      const families = await unwrap(client.GET('/v1/families', { params: { query: { limit: 200 } } }));
      const pipeline = await unwrap(client.GET('/v1/pipeline', {}));
      views[municipality] = { families: families.items.map((family) => [family.familyId, family.stage, family.revision]).sort(), stages: pipeline.stages };
    }
    return views;
  }

  it('seeds three municipalities with families in every stage, prints the docs URL and a working token', async () => {
    api = await startApiProcess(mainJs, { DATA_DIR: dataDir, SEED_DEMO_DATA: 'true' });
    // The console's URL first (a caseworker's way in), then the API docs.
    expect(api.output()).toMatch(new RegExp(`familybank console: +${api.baseUrl}/\\n`));
    expect(api.output().indexOf('familybank console')).toBeLessThan(api.output().indexOf(`${api.baseUrl}/docs`));
    expect(api.output()).toContain(`${api.baseUrl}/docs`);
    const docs = await fetch(`${api.baseUrl}/docs/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger-ui');
    const token = /Dev token[^\n]*\n\s+(\S+)/.exec(api.output())![1]!;
    const pipeline = await unwrap(createFamilybankClient({ baseUrl: api.baseUrl, token }).GET('/v1/pipeline', {}));
    const stagesWithFamilies = pipeline.stages.filter((stage) => stage.count > 0).map((stage) => stage.stage);
    expect(stagesWithFamilies).toEqual(['lead', 'contacted', 'screened', 'interviewed', 'background-checks', 'approved', 'available', 'suspended', 'approval-expired', 'rejected']);
    expect(api.output()).toContain('Seeded demo data for Vejle 0630, Roskilde 0265, København 0101');
    const views = (await snapshot(api.baseUrl)) as Record<string, { families: unknown[] }>;
    // Ten families of today in every stage, and twelve of the two years of history the figures show;
    // Vejle also has a network family (the grandmother of the child of its network request).
    expect(Object.values(views).map((view) => view.families.length)).toEqual([23, 22, 22]);
  });

  it('demo partnerships share the pools, and Vejle’s request reaches Roskilde with Roskilde’s families ranked', async () => {
    const keys = await loadOrCreateDevKeys(dataDir);
    const as = async (municipality: string) =>
      createFamilybankClient({ baseUrl: api!.baseUrl, token: await signDevToken(keys, { municipality, roles: ['caseworker'], issuer: 'familybank-dev', audience: 'familybank-api' }) });
    const [vejle, roskilde] = [await as('0630'), await as('0265')];
    const partnerships = await unwrap(vejle.GET('/v1/partnerships', {}));
    expect(partnerships.items.map((p) => [p.partner, p.status])).toEqual([['0101', 'active'], ['0265', 'active']]);
    await eventually(async () => {
      const pool = await unwrap(vejle.GET('/v1/pool', {}));
      expect(new Set(pool.items.map((profile) => profile.municipality))).toEqual(new Set(['0265', '0101']));
    });
    const inbox = await eventually(async () => {
      const { items } = await unwrap(roskilde.GET('/v1/inbox', {}));
      expect(items).toHaveLength(1);
      return items[0]!;
    });
    expect(inbox).toMatchObject({ requester: '0630', requesterName: 'Vejle', status: 'open' });
    expect(inbox.candidates.length).toBeGreaterThan(0);
  });

  it('Vejle’s own family is placed for Vejle’s own request: the request is filled with an own placement and its match', async () => {
    const keys = await loadOrCreateDevKeys(dataDir);
    const vejle = createFamilybankClient({ baseUrl: api!.baseUrl, token: await signDevToken(keys, { municipality: '0630', roles: ['caseworker'], issuer: 'familybank-dev', audience: 'familybank-api' }) });
    const filled = await eventually(async () => {
      const current = await unwrap(vejle.GET('/v1/requests/{requestId}', { params: { path: { requestId: 'demo-request-vejle-own-1' } } }));
      expect(current.status).toBe('filled');
      return current;
    });
    expect(filled.offers[0]).toMatchObject({ partner: '0630', status: 'confirmed', own: { familyId: filled.assignment!.familyId, match: { score: expect.any(Number) } } });
  });

  it('Vejle’s network request: the map of the child’s network, the grandmother provisionally approved and placed, counted as from the network', async () => {
    const keys = await loadOrCreateDevKeys(dataDir);
    const vejle = createFamilybankClient({ baseUrl: api!.baseUrl, token: await signDevToken(keys, { municipality: '0630', roles: ['caseworker'], issuer: 'familybank-dev', audience: 'familybank-api' }) });
    const requestId = 'demo-request-vejle-network-1';
    const filled = await eventually(async () => {
      const current = await unwrap(vejle.GET('/v1/requests/{requestId}', { params: { path: { requestId } } }));
      expect(current.status).toBe('filled');
      return current;
    });
    expect(filled.offers[0]!.own).toMatchObject({ familyId: 'demo-network-family-vejle-1', network: true });
    const map = await eventually(async () => {
      const current = await unwrap(vejle.GET('/v1/requests/{requestId}/network-map', { params: { path: { requestId } } }));
      expect(current.persons.map((person) => person.outcome)).toEqual(['declined', 'not-suitable', 'registered-as-network-family']);
      return current;
    });
    expect(map.networkFamilies).toEqual([expect.objectContaining({ familyId: 'demo-network-family-vejle-1', relation: 'grandparent', status: 'provisionally-approved' })]);
    const share = await unwrap(vejle.GET('/v1/figures/network-share', { params: { query: { grouping: 'year' } } }));
    // The history has no assignment from a network; the grandmother's is the one.
    expect(share.rows.reduce((sum, row) => sum + row.fromNetwork, 0)).toBe(1);
  });

  it('a second start keeps the data and does not seed twice', async () => {
    const before = await snapshot(api!.baseUrl);
    await stop();
    api = await startApiProcess(mainJs, { DATA_DIR: dataDir, SEED_DEMO_DATA: 'true' });
    expect(api.output()).not.toContain('Seeded demo data');
    expect(await snapshot(api.baseUrl)).toEqual(before);
  });

  it('rebuild-projections drops and rebuilds the read models from the log, with the same result', async () => {
    const before = await snapshot(api!.baseUrl);
    await stop();
    const { stdout } = await run(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'tools/rebuild-projections.ts'], { cwd: root, env: { ...process.env, DATA_DIR: dataDir } });
    expect(stdout).toMatch(/Rebuilt read models from \d+ events/);
    api = await startApiProcess(mainJs, { DATA_DIR: dataDir });
    expect(await snapshot(api.baseUrl)).toEqual(before);
  });

  it('a bad configuration value stops start-up with a message naming the variable', async () => {
    await expect(startApiProcess(mainJs, { DATA_DIR: dataDir, PORT: 'eighty' })).rejects.toThrow(/PORT="eighty"/);
  });
});
