import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { newEvent, newEvents, newStreamId, waitFor } from '../contract/contract-fixtures';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { WrongExpectedRevisionError } from '../errors';
import type { EventStore, RecordedEvent } from '../event-store.port';
import type { AppenderReport } from './sqlite-concurrent-appender.fixture';
import { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite-event-store';

let directory: string;
const file = (name = 'events.sqlite') => join(directory, name);
// A short poll keeps the cross-connection subscription tests quick.
const openStore = (options: Partial<SqliteEventStoreOptions> = {}) => SqliteEventStore.open({ filename: file(), pollIntervalMs: 50, ...options });

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'familybank-event-store-'));
});

afterAll(() => rm(directory, { recursive: true, force: true }));

describeEventStoreContract('SQLite', {
  open: async () => openStore(),
  openAnother: async () => openStore(),
  reopen: async (store: EventStore) => {
    await store.close();
    return openStore();
  },
  strictEventIds: true,
});

describe('SqliteEventStore', () => {
  it('opens a file of an earlier release (a streams table beside the events): revisions come from the events, and that table is dropped', async () => {
    const name = file('earlier-release.sqlite');
    const earlier = openStore({ filename: name });
    const streamId = newStreamId();
    await earlier.appendToStream(streamId, newEvents(2), { expectedRevision: 'no-stream' });
    await earlier.close();
    const raw = new Database(name);
    // What the earlier release kept, here made stale on purpose: it must not be believed.
    raw.exec("CREATE TABLE streams (stream_id TEXT PRIMARY KEY, revision INTEGER NOT NULL); INSERT INTO streams VALUES ('" + streamId + "', 7)");
    raw.close();

    const store = openStore({ filename: name });
    await expect(store.appendToStream(streamId, newEvents(1), { expectedRevision: 7 })).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(await store.appendToStream(streamId, newEvents(1), { expectedRevision: 1 })).toMatchObject({ nextExpectedRevision: 2 });
    expect((await store.readStream(streamId)).map((event) => event.revision)).toEqual([0, 1, 2]);
    await store.close();
    const check = new Database(name, { readonly: true });
    expect(check.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'streams'").get()).toBeUndefined();
    check.close();
  });

  it('uses WAL, synchronous FULL, a 5 s busy timeout, foreign keys and a 32 MB page cache by default', async () => {
    const store = openStore({ filename: file('defaults.sqlite') });
    expect(store.settings()).toEqual({ journalMode: 'wal', synchronous: 'FULL', fsyncOffMainThread: true, busyTimeoutMs: 5000, foreignKeys: true, pageCacheKib: 32_000 });
    await store.close();
  });

  it('uses synchronous NORMAL only when asked', async () => {
    const store = openStore({ filename: file('normal.sqlite'), synchronous: 'NORMAL' });
    expect(store.settings()).toMatchObject({ journalMode: 'wal', synchronous: 'NORMAL' });
    await store.close();
  });

  it('works in memory', async () => {
    const store = openStore({ filename: ':memory:' });
    await store.appendToStream('in-memory', newEvents(2), { expectedRevision: 'no-stream' });
    expect(await store.readStream('in-memory')).toHaveLength(2);
    await store.close();
  });

  it('reports a revision clash with a row written behind its back as WrongExpectedRevisionError', async () => {
    const store = openStore({ filename: file('clash.sqlite') });
    const raw = new Database(file('clash.sqlite'));
    raw
      .prepare('INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, 0, ?, ?, ?, ?)')
      .run(randomUUID(), 'bypassed', 'Raw', '{}', '{}', new Date().toISOString());
    raw.close();
    const append = store.appendToStream('bypassed', [newEvent()], { expectedRevision: 'no-stream' });
    await expect(append).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    await expect(append).rejects.toMatchObject({ actual: 0 });
    await store.close();
  });

  it('stops its subscriptions when closed', async () => {
    const store = openStore({ filename: file('closing.sqlite') });
    const received: RecordedEvent[] = [];
    const errors: unknown[] = [];
    store.subscribeToAll((event) => void received.push(event), { after: 0, onError: (error) => errors.push(error) });
    await store.appendToStream('closing', [newEvent()], { expectedRevision: 'no-stream' });
    await waitFor(() => received.length === 1);
    await store.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(errors).toEqual([]);
  });

  it('keeps revisions gapless and unique when several processes append to the same file', async () => {
    const [raceStream, sharedStream] = [newStreamId('race'), newStreamId('shared')];
    const appendsEach = 100;
    openStore({ filename: file('processes.sqlite') }).close(); // create the schema once, up front
    const reports = await runAppenders(4, [file('processes.sqlite'), raceStream, sharedStream, String(appendsEach)]);

    expect(reports.flatMap((report) => report.unexpectedErrors)).toEqual([]);
    expect(reports.filter((report) => report.wonRace)).toHaveLength(1);
    const store = openStore({ filename: file('processes.sqlite') });
    const shared = await store.readStream(sharedStream);
    expect(shared.map((event) => event.revision)).toEqual([...Array(4 * appendsEach).keys()]);
    expect(shared.every((event, index) => index === 0 || event.position > shared[index - 1].position)).toBe(true);
    await store.close();
  }, 60_000);
});

/** Starts the children, releases them together once all are ready, and collects their reports. */
async function runAppenders(count: number, args: string[]): Promise<AppenderReport[]> {
  const fixture = join(__dirname, 'sqlite-concurrent-appender.fixture.ts');
  const children = Array.from({ length: count }, () => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    return { child, output: () => output };
  });
  await waitFor(() => children.every(({ output }) => output().startsWith('ready\n')), 30_000);
  children.forEach(({ child }) => child.stdin.write('go\n'));
  await Promise.all(children.map(({ child }) => once(child, 'exit')));
  return children.map(({ output }) => JSON.parse(output().split('\n')[1]) as AppenderReport);
}
