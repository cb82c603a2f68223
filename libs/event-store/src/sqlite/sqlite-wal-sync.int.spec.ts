import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { newEvent, newStreamId, settle } from '../contract/contract-fixtures';
import { StorageUnavailableError } from '../errors';
import type { RecordedEvent } from '../event-store.port';
import { SqliteEventStore } from './sqlite-event-store';
import { holdWalFsyncs } from './wal-fsync-control';

/**
 * With synchronous FULL the commit's fsync runs on libuv's thread pool (WalSync). These tests
 * hold that fsync back to show that nothing of a commit leaves the store before it: not the
 * append's result, not a subscriber's event, not a read; and that one fsync covers every commit
 * made while the previous one was in flight.
 */
let directory: string;
beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'familybank-wal-sync-'));
});
afterAll(() => rm(directory, { recursive: true, force: true }));

/** Whether a promise has settled by the next turns of the event loop. */
async function settledSoon(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  promise.then(
    () => (settled = true),
    () => (settled = true),
  );
  for (let turn = 0; turn < 5; turn += 1) await nextTurn();
  return settled;
}

const linux = process.platform === 'linux' ? describe : describe.skip;

linux('SqliteEventStore with synchronous FULL: the commit fsync off the main thread', () => {
  let store: SqliteEventStore;
  let fsyncs: ReturnType<typeof holdWalFsyncs>;
  beforeEach(() => {
    store = SqliteEventStore.open({ filename: join(directory, `${newStreamId('file')}.sqlite`), pollIntervalMs: 10 });
    fsyncs = holdWalFsyncs();
  });
  afterEach(async () => {
    await fsyncs.releaseAll();
    fsyncs.restore();
    await store.close();
  });

  it('answers an append, wakes subscribers and serves reads of it only after the WAL fsync that follows its commit', async () => {
    const delivered: RecordedEvent[] = [];
    const subscription = store.subscribeToAll(async (event) => void delivered.push(event), { after: 0 });
    const streamId = newStreamId();
    const append = store.appendToStream(streamId, [newEvent()], { expectedRevision: 'no-stream' });
    const read = (async () => {
      await nextTurn(); // after the commit, while its fsync is held
      return store.readStream(streamId);
    })();

    expect(await settledSoon(append)).toBe(false);
    expect(await settledSoon(read)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 50)); // several poll intervals
    expect(delivered).toEqual([]);
    expect(fsyncs.held.length).toBeGreaterThan(0);

    await fsyncs.releaseAll(read);
    expect((await append).nextExpectedRevision).toBe(0);
    expect(await read).toHaveLength(1);
    await subscription.close();
  });

  it('covers every append committed while an fsync was in flight with the next single fsync', async () => {
    const first = store.appendToStream(newStreamId(), [newEvent()], { expectedRevision: 'no-stream' });
    await nextTurn();
    expect(fsyncs.held).toHaveLength(1);
    const later: Array<Promise<unknown>> = [];
    for (let n = 0; n < 10; n += 1) {
      later.push(store.appendToStream(newStreamId(), [newEvent()], { expectedRevision: 'no-stream' }));
      await nextTurn(); // one commit per turn of the event loop: ten commits, none in the first fsync
    }
    expect(store.stats()).toEqual({ commits: 11, appends: 11 });
    expect(fsyncs.held).toHaveLength(1);

    fsyncs.held.shift()!.release();
    await first;
    expect(await settledSoon(Promise.all(later))).toBe(false);
    expect(fsyncs.held).toHaveLength(1);
    fsyncs.held.shift()!.release();
    const { fulfilled, rejected } = await settle(later);
    expect([fulfilled.length, rejected.length, fsyncs.held.length]).toEqual([10, 0, 0]);
  });

  it('fails the appends waiting on a failed fsync, and every later one, as storage whose outcome is unknown', async () => {
    const waiting = store.appendToStream(newStreamId(), [newEvent()], { expectedRevision: 'no-stream' });
    await nextTurn();
    fsyncs.held.shift()!.release(Object.assign(new Error('EIO: i/o error, fsync'), { code: 'EIO' }));

    const failure = await waiting.catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(StorageUnavailableError);
    expect(failure).toMatchObject({ code: 'EIO', nothingRecorded: false });
    const later = await store.appendToStream(newStreamId(), [newEvent()], { expectedRevision: 'no-stream' }).catch((error: unknown) => error);
    expect(later).toMatchObject({ code: 'EIO', nothingRecorded: false });
  });
});
