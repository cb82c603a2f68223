/**
 * Event store throughput against plain better-sqlite3 on the same table and pragmas (WAL,
 * synchronous=FULL), so the number that matters is the ratio: the cost of the store's checks
 * (expected revision, idempotency lookup, stream table) on top of the unavoidable commit.
 * Both sides start from the same NewEvent objects and serialise them the same way.
 * The concurrent rows show group commit: appends in flight together share one fsync.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ExpectedRevision, NewEvent } from '../../libs/event-store/src/event-store.port';
import { SqliteEventStore } from '../../libs/event-store/src/sqlite/sqlite-event-store';
import { openDatabase } from '../../libs/event-store/src/sqlite/sqlite-schema';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  baseline?: string;
}

const STREAMS = 100;
const BATCH = 100;
const RATIO_GOAL = '>= 50 % of raw better-sqlite3';
const IN_FLIGHT = 50;

interface Planned {
  streamId: string;
  event: NewEvent;
}

/** Events spread round-robin over the streams, built before any clock starts. */
function plan(count: number): Planned[] {
  const metadata = { actor: 'system:bench', municipality: '0630', occurredAt: new Date().toISOString(), schemaVersion: 1 };
  return Array.from({ length: count }, (_, n) => ({
    streamId: `family-${n % STREAMS}`,
    event: {
      eventId: randomUUID(),
      type: 'FamilyProfileUpdated',
      data: { familyId: `family-${n % STREAMS}`, n, note: 'Bench event with a realistic, modest payload' },
      metadata: { ...metadata, correlationId: randomUUID(), causationId: randomUUID() },
    },
  }));
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, n) => items.slice(n * size, (n + 1) * size));
}

async function timed(run: () => Promise<void> | void): Promise<number> {
  const started = performance.now();
  await run();
  return (performance.now() - started) / 1000;
}

/** One append per group; each group targets one stream, at its exact last revision. */
async function storeAppends(filename: string, groups: Planned[][]): Promise<number> {
  const store = SqliteEventStore.open({ filename, synchronous: 'FULL' });
  const revisions = new Map<string, number>();
  const seconds = await timed(async () => {
    for (const group of groups) {
      const { streamId } = group[0];
      const expectedRevision = revisions.get(streamId) ?? 'no-stream';
      const result = await store.appendToStream(streamId, group.map(({ event }) => event), { expectedRevision });
      revisions.set(streamId, result.nextExpectedRevision);
    }
  });
  await store.close();
  return seconds;
}

/** One transaction per group: a single INSERT is its own autocommitted transaction. */
async function rawInserts(filename: string, groups: Planned[][]): Promise<number> {
  const db = openDatabase(filename, 'FULL');
  const insert = db.prepare(
    'INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const revisions = new Map<string, number>();
  const insertRow = ({ streamId, event }: Planned) => {
    const revision = (revisions.get(streamId) ?? -1) + 1;
    revisions.set(streamId, revision);
    insert.run(event.eventId, streamId, revision, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata), new Date().toISOString());
  };
  const insertGroup = db.transaction((group: Planned[]) => group.forEach(insertRow));
  const seconds = await timed(() => groups.forEach((group) => (group.length === 1 ? insertRow(group[0]) : insertGroup(group))));
  db.close();
  return seconds;
}

/** Groups of `size` consecutive events of one stream each, in round-robin stream order. */
function groupByStream(planned: Planned[], size: number): Planned[][] {
  if (size === 1) return planned.map((item) => [item]);
  const byStream = new Map<string, Planned[]>();
  for (const item of planned) {
    const items = byStream.get(item.streamId) ?? [];
    items.push(item);
    byStream.set(item.streamId, items);
  }
  const perStream = [...byStream.values()].map((items) => chunks(items, size));
  const rounds = Math.max(...perStream.map((groups) => groups.length));
  return Array.from({ length: rounds }, (_, round) => perStream.flatMap((groups) => (groups[round] ? [groups[round]] : []))).flat();
}

async function compare(directory: string, events: number, size: number): Promise<BenchResult[]> {
  const storeGroups = groupByStream(plan(events), size);
  const rawGroups = groupByStream(plan(events), size);
  const storeSeconds = await storeAppends(join(directory, `store-${size}.sqlite`), storeGroups);
  const rawSeconds = await rawInserts(join(directory, `raw-${size}.sqlite`), rawGroups);
  const storeRate = events / storeSeconds;
  const rawRate = events / rawSeconds;
  const label = size === 1 ? '1 event per append' : `${size} events per append`;
  const rawLabel = size === 1 ? '1 row per autocommit' : `${size} rows per transaction`;
  return [
    { name: `SqliteEventStore append (${label})`, value: Math.round(storeRate), unit: 'events/s' },
    { name: `raw better-sqlite3 INSERT (${rawLabel})`, value: Math.round(rawRate), unit: 'events/s' },
    { name: `SqliteEventStore vs raw (${label})`, value: Math.round((storeRate / rawRate) * 1000) / 10, unit: '%', baseline: RATIO_GOAL },
  ];
}

/** `inFlight` writers, each appending one event at a time to its own stream at its exact revision. */
async function concurrentStoreAppends(filename: string, planned: Planned[], inFlight: number): Promise<{ seconds: number; commits: number }> {
  const store = SqliteEventStore.open({ filename, synchronous: 'FULL' });
  let next = 0;
  const writer = async (streamId: string) => {
    let expectedRevision: ExpectedRevision = 'no-stream';
    while (next < planned.length) {
      const { event } = planned[next++];
      expectedRevision = (await store.appendToStream(streamId, [event], { expectedRevision })).nextExpectedRevision;
    }
  };
  const seconds = await timed(async () => {
    await Promise.all(Array.from({ length: inFlight }, (_, n) => writer(`family-${n}`)));
  });
  const { commits } = store.stats();
  await store.close();
  return { seconds, commits };
}

async function concurrent(directory: string, events: number): Promise<BenchResult[]> {
  const label = `concurrent appends, 1 event each, ${IN_FLIGHT} in flight, FULL sync`;
  const { seconds, commits } = await concurrentStoreAppends(join(directory, 'store-concurrent.sqlite'), plan(events), IN_FLIGHT);
  const rawSeconds = await rawInserts(join(directory, 'raw-concurrent.sqlite'), groupByStream(plan(events), 1));
  const [rate, rawRate] = [events / seconds, events / rawSeconds];
  return [
    { name: label, value: Math.round(rate), unit: 'events/s', baseline: `${(events / commits).toFixed(1)} appends per commit` },
    { name: `concurrent appends, ${IN_FLIGHT} in flight: commits`, value: Math.round(commits / seconds), unit: 'commits/s' },
    { name: 'raw better-sqlite3, one transaction (fsync) per insert', value: Math.round(rawRate), unit: 'events/s (= commits/s)' },
    { name: 'concurrent appends vs raw one fsync per insert', value: Math.round((rate / rawRate) * 1000) / 10, unit: '%', baseline: '> 100 % once appends share commits' },
  ];
}

export async function benchEventStore(opts: { events: number }): Promise<BenchResult[]> {
  const directory = mkdtempSync(join(tmpdir(), 'familybank-bench-event-store-'));
  try {
    const single = await compare(directory, opts.events, 1);
    const batched = await compare(directory, opts.events, BATCH);
    return [...single, ...batched, ...(await concurrent(directory, opts.events))];
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
