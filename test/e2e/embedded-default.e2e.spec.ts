import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createFamilybankClient, unwrap } from '@familybank/api-client';
import { loadOrCreateDevKeys, signDevToken } from '../../apps/api/src/auth/dev-keys';
import { buildApiForProcessTests, startApiProcess, waitForExit, type ApiProcess } from '../support/api-process';

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
    expect(api.output()).toContain(`${api.baseUrl}/docs`);
    const docs = await fetch(`${api.baseUrl}/docs/`);
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('swagger-ui');
    const token = /Dev token[^\n]*\n\s+(\S+)/.exec(api.output())![1]!;
    const pipeline = await unwrap(createFamilybankClient({ baseUrl: api.baseUrl, token }).GET('/v1/pipeline', {}));
    const stagesWithFamilies = pipeline.stages.filter((stage) => stage.count > 0).map((stage) => stage.stage);
    expect(stagesWithFamilies).toEqual(['lead', 'contacted', 'screened', 'interviewed', 'background-checks', 'approved', 'available', 'suspended', 'rejected']);
    const views = (await snapshot(api.baseUrl)) as Record<string, { families: unknown[] }>;
    expect(Object.values(views).map((view) => view.families.length)).toEqual([10, 10, 10]);
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
