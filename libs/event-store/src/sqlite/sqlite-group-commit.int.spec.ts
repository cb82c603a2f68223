import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { newEvent, newEvents, newStreamId, settle } from '../contract/contract-fixtures';
import { StorageUnavailableError, WrongExpectedRevisionError } from '../errors';
import type { NewEvent } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';
import { FIND_EVENT_SQL } from './sqlite-statements';

let directory: string;
const file = (name: string) => join(directory, name);
const openStore = (name: string) => SqliteEventStore.open({ filename: file(name), pollIntervalMs: 50 });

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'familybank-group-commit-'));
});

afterAll(() => rm(directory, { recursive: true, force: true }));

/** One new stream per batch, all appended at once. */
function appendAll(store: SqliteEventStore, batches: Map<string, NewEvent[]>) {
  return settle([...batches].map(([streamId, events]) => store.appendToStream(streamId, events, { expectedRevision: 'no-stream' })));
}

const batchesOf = (streams: number, events: () => NewEvent[]) => new Map(Array.from({ length: streams }, () => [newStreamId(), events()]));

describe('SqliteEventStore group commit', () => {
  let store: SqliteEventStore;
  afterEach(() => store.close());

  it('commits appends made at once in one transaction, each with its own result', async () => {
    store = openStore('one-commit.sqlite');
    const { fulfilled, rejected } = await appendAll(store, batchesOf(50, () => newEvents(2)));
    expect(rejected).toEqual([]);
    expect(new Set(fulfilled.map((result) => result.lastPosition)).size).toBe(50);
    expect(store.stats()).toEqual({ commits: 1, appends: 50 });
  });

  it('needs fewer commits than appends when callers keep appending concurrently', async () => {
    store = openStore('fewer-commits.sqlite');
    const writer = async () => {
      const streamId = newStreamId();
      let expectedRevision: 'no-stream' | number = 'no-stream';
      for (let n = 0; n < 5; n += 1) {
        expectedRevision = (await store.appendToStream(streamId, [newEvent()], { expectedRevision })).nextExpectedRevision;
      }
    };
    await Promise.all(Array.from({ length: 20 }, writer));
    // Each writer waits for its previous append, so 5 rounds of 20 are the fewest possible commits.
    expect(store.stats()).toEqual({ commits: 5, appends: 100 });
  });

  it('caps a group at 256 appends; the rest commit in the next one', async () => {
    store = openStore('capped.sqlite');
    const { rejected } = await appendAll(store, batchesOf(300, () => [newEvent()]));
    expect(rejected).toEqual([]);
    expect(store.stats()).toEqual({ commits: 2, appends: 300 });
  });

  it('rolls back alone a member whose batch breaks a constraint half-way, and commits the others', async () => {
    store = openStore('constraint.sqlite');
    // A row written behind the store's back, at revision 1: the member's second insert clashes with it.
    const raw = new Database(file('constraint.sqlite'));
    const insert = 'INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, 1, ?, ?, ?, ?)';
    raw.prepare(insert).run(randomUUID(), 'bypassed', 'Raw', '{}', '{}', new Date().toISOString());
    raw.close();
    const [before, after] = [newStreamId(), newStreamId()];
    const [first, clashing, last] = await Promise.allSettled([
      store.appendToStream(before, [newEvent()], { expectedRevision: 'no-stream' }),
      store.appendToStream('bypassed', newEvents(3), { expectedRevision: 'no-stream' }),
      store.appendToStream(after, [newEvent()], { expectedRevision: 'no-stream' }),
    ]);
    expect(store.stats().commits).toBe(1);
    expect([first.status, last.status]).toEqual(['fulfilled', 'fulfilled']);
    expect(clashing.status === 'rejected' && clashing.reason).toBeInstanceOf(WrongExpectedRevisionError);
    expect((await store.readStream('bypassed')).map((event) => event.type)).toEqual(['Raw']);
    expect(await store.readStream(before)).toHaveLength(1);
    expect(await store.readStream(after)).toHaveLength(1);
  });

  it('refuses a whole group that fills the disk (SQLITE_FULL), storing none of it, and appends again once there is room', async () => {
    store = openStore('full.sqlite');
    await store.appendToStream(newStreamId(), [newEvent()], { expectedRevision: 'no-stream' });
    const largeEvent = () => newEvent({ data: { note: 'x'.repeat(2_000) } });
    const batches = batchesOf(20, () => [largeEvent(), largeEvent()]);
    store.pragmaForTests(`max_page_count = ${Number(store.pragmaForTests('page_count'))}`);

    const { fulfilled, rejected } = await appendAll(store, batches);

    expect(fulfilled).toEqual([]);
    expect(rejected).toHaveLength(20);
    for (const error of rejected) {
      expect(error).toBeInstanceOf(StorageUnavailableError);
      expect(error).toMatchObject({ code: 'SQLITE_FULL', nothingRecorded: true });
    }
    for (const [streamId, [event]] of batches) {
      expect(await store.readStream(streamId)).toEqual([]);
      expect(await store.findEvent(streamId, event.eventId)).toBeUndefined();
    }

    store.pragmaForTests('max_page_count = 1073741823');
    const retried = await appendAll(store, batches);
    expect(retried.rejected).toEqual([]);
    for (const streamId of batches.keys()) expect(await store.readStream(streamId)).toHaveLength(2);
  });

  it('refuses a group that cannot take the write lock (SQLITE_BUSY) as storage unavailable, and commits once the lock is free', async () => {
    store = openStore('busy.sqlite');
    store.pragmaForTests('busy_timeout = 0');
    const other = new Database(file('busy.sqlite'));
    other.exec('BEGIN IMMEDIATE');
    const batches = batchesOf(3, () => [newEvent()]);

    const { rejected } = await appendAll(store, batches);
    other.exec('ROLLBACK');
    other.close();

    expect(rejected).toHaveLength(3);
    rejected.forEach((error) => expect(error).toMatchObject({ name: 'StorageUnavailableError', code: 'SQLITE_BUSY' }));
    expect((await appendAll(store, batches)).fulfilled).toHaveLength(3);
  });

  it('commits the appends still queued when it is closed, and refuses appends after that', async () => {
    store = openStore('closing.sqlite');
    const streamId = newStreamId();
    const queued = store.appendToStream(streamId, newEvents(2), { expectedRevision: 'no-stream' });
    await store.close();
    await expect(queued).resolves.toMatchObject({ nextExpectedRevision: 1 });
    await expect(store.appendToStream(newStreamId(), [newEvent()], { expectedRevision: 'no-stream' })).rejects.toThrow('closed');

    store = openStore('closing.sqlite');
    expect(await store.readStream(streamId)).toHaveLength(2);
  });

  it('finds an event through the unique index on event_id, never by scanning', async () => {
    store = openStore('index.sqlite');
    const raw = new Database(file('index.sqlite'), { readonly: true });
    const plan = raw.prepare<[string, string], { detail: string }>(`EXPLAIN QUERY PLAN ${FIND_EVENT_SQL}`).all('event', 'stream');
    raw.close();
    expect(plan.map((step) => step.detail)).toEqual([expect.stringMatching(/^SEARCH events USING INDEX \S+ \(event_id=\?\)$/)]);
  });
});
