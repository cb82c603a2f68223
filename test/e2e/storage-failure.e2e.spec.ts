import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from '../support/api-server';
import { TinyFileSystem } from '../support/full-disk';
import { expectProblem, send, type RawResponse } from '../support/http-helpers';
import { registerAvailableFamily } from '../support/journeys';

const unavailable = TinyFileSystem.unavailableReason();
const describeWithTmpfs = unavailable ? describe.skip : describe;
if (unavailable) console.warn(`storage-failure e2e skipped: ${unavailable}`);

const SUPPORT_CALLS = 25;
const support = (n: number) => ({ kind: 'emergency-call', on: '2026-11-20', note: `Call ${n}` });

/** A data directory whose `file` lives on the tiny file system (SQLite follows the symlink, WAL included). */
function dataDirWith(file: string, disk: TinyFileSystem): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'familybank-e2e-storage-'));
  mkdirSync(join(disk.path, 'db'), { recursive: true });
  symlinkSync(join(disk.path, 'db', file), join(dataDir, file));
  return dataDir;
}

/** A server whose `file` is on a tiny file system of its own; `stop` removes the server, its data directory and the mount. */
async function serverWithFileOnTinyDisk(file: string, env: Record<string, string> = {}): Promise<{ disk: TinyFileSystem; server: TestServer; stop: () => Promise<void> }> {
  const disk = TinyFileSystem.mount();
  const dataDir = dataDirWith(file, disk);
  const server = await startTestServer({ DATA_DIR: dataDir, ...env });
  return {
    disk,
    server,
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
      disk.unmount();
    },
  };
}

async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describeWithTmpfs('the read models run out of disk after the events were appended', () => {
  let disk: TinyFileSystem;
  let server: TestServer;
  let token: string;

  let stop: () => Promise<void>;

  beforeAll(async () => {
    ({ disk, server, stop } = await serverWithFileOnTinyDisk('read-models.sqlite', { PROJECTION_POLL_MS: '100' }));
    token = await server.token('0630');
  });

  afterAll(() => stop());

  it('answers every command with what was stored (202 receipts, never 500), and the read models catch up once there is space', async () => {
    const familyId = await registerAvailableFamily(await server.client('0630'));
    const start = (await server.app.runtime.eventStore.readStream(`family-${familyId}`)).length;

    disk.fill();
    const responses: RawResponse[] = [];
    for (let n = 1; n <= SUPPORT_CALLS; n++) {
      responses.push(await send(server, 'POST', `/v1/families/${familyId}/support`, { token, body: support(n), headers: { 'Idempotency-Key': `support-${n}` } }));
    }

    // Every answer is a success that names the revision it stored; the stream holds exactly those.
    expect(responses.map((response) => response.status).filter((status) => status !== 200 && status !== 202)).toEqual([]);
    expect(responses.filter((response) => response.status === 202).length).toBeGreaterThan(0);
    for (const response of responses.filter((r) => r.status === 202)) {
      expect(response.json).toEqual(expect.objectContaining({ status: 'recorded', readModels: 'lagging', stream: `family-${familyId}`, appended: 1 }));
      expect(response.headers.get('etag')).toBe(`"${response.json.revision}"`);
    }
    const revisions = responses.map((response) => Number(response.headers.get('etag')!.replaceAll('"', '')));
    expect(revisions).toEqual(Array.from({ length: SUPPORT_CALLS }, (_, index) => start + index));
    const stream = await server.app.runtime.eventStore.readStream(`family-${familyId}`);
    expect(stream.filter((event) => event.type === 'SupportRecorded')).toHaveLength(SUPPORT_CALLS);
    expect(stream).toHaveLength(start + SUPPORT_CALLS);

    const ready = await send(server, 'GET', '/ready');
    expect(ready.json.checks.projections.status).toBe('degraded');

    // A retry of a command answered 202 records nothing twice.
    const retried = await send(server, 'POST', `/v1/families/${familyId}/support`, { token, body: support(SUPPORT_CALLS), headers: { 'Idempotency-Key': `support-${SUPPORT_CALLS}` } });
    expect([200, 202]).toContain(retried.status);
    expect((await server.app.runtime.eventStore.readStream(`family-${familyId}`)).length).toBe(stream.length);

    disk.free();
    const detail = await eventually(
      () => send(server, 'GET', `/v1/families/${familyId}`, { token }),
      (response) => response.json?.revision === stream.length - 1,
    );
    expect(detail.json.revision).toBe(stream.length - 1);
    const readyAgain = await eventually(() => send(server, 'GET', '/ready'), (response) => response.json?.checks?.projections?.status === 'up');
    expect(readyAgain.json.checks.projections.status).toBe('up');
  });
});

describeWithTmpfs('the event log runs out of disk', () => {
  let disk: TinyFileSystem;
  let server: TestServer;
  let token: string;

  let stop: () => Promise<void>;

  beforeAll(async () => {
    ({ disk, server, stop } = await serverWithFileOnTinyDisk('events.sqlite'));
    token = await server.token('0630');
  });

  afterAll(() => stop());

  it('refuses with 503 and Retry-After, records nothing, and takes the same command once there is space', async () => {
    const familyId = await registerAvailableFamily(await server.client('0630'));
    const before = await server.app.runtime.eventStore.readStream(`family-${familyId}`);

    disk.fill();
    const refused: RawResponse[] = [];
    for (let n = 1; n <= 5; n++) {
      refused.push(await send(server, 'POST', `/v1/families/${familyId}/support`, { token, body: support(n), headers: { 'Idempotency-Key': `full-${n}` } }));
    }
    for (const response of refused) {
      expectProblem(response, 503, 'STORAGE.UNAVAILABLE', 'storage-unavailable');
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    disk.free();
    expect(await server.app.runtime.eventStore.readStream(`family-${familyId}`)).toHaveLength(before.length);

    const retried = await send(server, 'POST', `/v1/families/${familyId}/support`, { token, body: support(1), headers: { 'Idempotency-Key': 'full-1' } });
    expect(retried.status).toBe(200);
    expect(retried.json.revision).toBe(before.length);
    expect(await server.app.runtime.eventStore.readStream(`family-${familyId}`)).toHaveLength(before.length + 1);
  });
});

describeWithTmpfs('the whole data directory runs out of disk', () => {
  let disk: TinyFileSystem;
  let server: TestServer;

  beforeAll(async () => {
    disk = TinyFileSystem.mount(16 * 1024 * 1024);
    server = await startTestServer({ DATA_DIR: join(disk.path, 'data'), PROJECTION_POLL_MS: '100' });
  });

  afterAll(async () => {
    await server.stop();
    disk.unmount();
  });

  it('answers each of 60 commands with what it stored, and retrying all of them records each exactly once', async () => {
    const token = await server.token('0630');
    const familyId = await registerAvailableFamily(await server.client('0630'));
    const streamLength = async () => (await server.app.runtime.eventStore.readStream(`family-${familyId}`)).length;
    const start = await streamLength();
    const post = (n: number) => send(server, 'POST', `/v1/families/${familyId}/support`, { token, body: support(n), headers: { 'Idempotency-Key': `disk-${n}` } });

    disk.fill();
    const answers: RawResponse[] = [];
    for (let n = 1; n <= 60; n++) answers.push(await post(n));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => ![200, 202, 503].includes(status))).toEqual([]);
    expect(statuses).toContain(503);
    for (const refused of answers.filter((answer) => answer.status === 503)) expect(refused.json.details.nothingRecorded).toBe(true);
    // What the answers say was recorded is what the log holds.
    const recorded = statuses.filter((status) => status === 200 || status === 202).length;
    disk.free();
    expect(await streamLength()).toBe(start + recorded);

    // The caseworker retries everything with the same keys: every record exists once.
    for (let n = 1; n <= 60; n++) expect([200, 202]).toContain((await post(n)).status);
    const stream = await server.app.runtime.eventStore.readStream(`family-${familyId}`);
    expect(stream).toHaveLength(start + 60);
    expect(new Set(stream.slice(start).map((event) => (event.data as { note: string }).note)).size).toBe(60);
  });
});
