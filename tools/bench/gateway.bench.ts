/**
 * Command latency through the command gateway on one family stream of 10, 1,000 and 10,000
 * events (SQLite, synchronous=FULL), beside the previous path measured in the same run: read the
 * whole stream and fold it for every command. Goal: p99 at 10,000 within 1.5× of p99 at 10.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { CommandGateway } from '../../apps/api/src/platform/commands/command-gateway';
import { familyDecider, type FamilyCommand, type FamilyEvent } from '../../libs/domain/family/src';
import { available, NOW } from '../../libs/domain/family/src/testing/family.fixtures';
import type { NewEvent } from '../../libs/event-store/src/event-store.port';
import { SqliteEventStore } from '../../libs/event-store/src/sqlite/sqlite-event-store';
import type { BenchResult } from './event-store.bench';

const OWN = '0630';
const support = (n: number): FamilyCommand => ({ type: 'RecordSupport', data: { kind: 'supervision', on: '2026-03-10', note: `Meeting ${n}` } });
const toNew = (event: FamilyEvent): NewEvent => ({
  eventId: randomUUID(),
  type: event.type,
  data: event.data,
  metadata: { actor: 'system:bench', municipality: OWN, correlationId: 'bench', causationId: 'bench', occurredAt: NOW.toISOString(), schemaVersion: 1 },
});

async function seeded(dir: string, length: number): Promise<{ store: SqliteEventStore; streamId: string; familyId: string }> {
  const store = SqliteEventStore.open({ filename: join(dir, `events-${length}.sqlite`), synchronous: 'FULL' });
  const familyId = `bench-${length}`;
  const streamId = `family-${familyId}`;
  const history: FamilyEvent[] = [...available];
  while (history.length < length) history.push({ type: 'SupportRecorded', data: { kind: 'course', on: '2026-03-10' } });
  for (let from = 0; from < history.length; from += 1_000) {
    await store.appendToStream(streamId, history.slice(from, from + 1_000).map(toNew), { expectedRevision: from === 0 ? 'no-stream' : from - 1 });
  }
  return { store, streamId, familyId };
}

/** The path before the gateway: every command reads and folds its whole stream. */
async function foldWholeStream(store: SqliteEventStore, streamId: string, command: FamilyCommand): Promise<void> {
  const history = await store.readStream(streamId);
  const state = history.reduce((folded, event) => familyDecider.evolve(folded, event as unknown as FamilyEvent), familyDecider.initialState());
  const decided = familyDecider.decide(command, state, { now: NOW });
  await store.appendToStream(streamId, decided.map(toNew), { expectedRevision: history.length - 1 });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function latencies(commands: number, run: (n: number) => Promise<unknown>): Promise<number[]> {
  const samples: number[] = [];
  for (let n = 0; n < commands; n++) {
    const started = performance.now();
    await run(n);
    samples.push(performance.now() - started);
  }
  return samples.sort((a, b) => a - b);
}

export async function benchGateway({ commands }: { commands: number }): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'familybank-bench-gateway-'));
  const results: BenchResult[] = [];
  let p99AtTen = 0;
  try {
    for (const length of [10, 1_000, 10_000]) {
      const { store, streamId, familyId } = await seeded(dir, length);
      const gateway = new CommandGateway(store, () => NOW);
      const viaGateway = await latencies(commands, (n) => gateway.execute({ aggregate: 'family', id: familyId, command: support(n) }, { municipality: OWN, actor: 'bench', commandId: randomUUID(), correlationId: 'bench' }));
      const previous = await latencies(Math.max(10, Math.round(commands / 5)), (n) => foldWholeStream(store, streamId, support(n)));
      await store.close();
      const p99 = percentile(viaGateway, 99);
      if (length === 10) p99AtTen = p99;
      results.push({
        name: `command through the gateway, stream of ${length.toLocaleString('en')} events: p50`,
        value: percentile(viaGateway, 50),
        unit: 'ms',
      });
      results.push({
        name: `command through the gateway, stream of ${length.toLocaleString('en')} events: p99`,
        value: p99,
        unit: 'ms',
        baseline: `previous path (read and fold the whole stream): p50 ${percentile(previous, 50).toFixed(1)} ms, p99 ${percentile(previous, 99).toFixed(1)} ms` +
          (length > 10 ? `; p99 vs the 10-event stream: ${(p99 / p99AtTen).toFixed(2)}× (goal <= 1.5×)` : ''),
      });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
