/**
 * Projection rebuild rate: drop every read model and fold the whole log again, over a store
 * holding `events` realistic family events. Baseline in the same run: reading the same log
 * through the store without folding (the floor any rebuild pays).
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { FamilyEvent } from '../../libs/domain/family/src';
import { available as availableHistory } from '../../libs/domain/family/src/testing/family.fixtures';
import type { NewEvent } from '../../libs/event-store/src/event-store.port';
import { SqliteEventStore } from '../../libs/event-store/src/sqlite/sqlite-event-store';
import { ALL_PROJECTIONS, DocumentStore, ProjectionRunner } from '../../libs/read-models/src';
import type { BenchResult } from './event-store.bench';

const EVENTS_PER_FAMILY = 50;

/** A family's stream: the way to available, then months of confirmations, support and profile changes. */
function familyStream(familyId: string, municipality: string): NewEvent[] {
  const churn: FamilyEvent[] = [
    { type: 'AvailabilityDeclared', data: { careTypes: ['respite'], capacity: 2, periods: [], patterns: ['weekends'], confirmedOn: '2026-06-01' } },
    { type: 'SupportRecorded', data: { kind: 'supervision', on: '2026-06-15', note: 'Monthly supervision' } },
    { type: 'ProfileUpdated', data: { languages: ['da', 'en', 'de'] } },
    { type: 'AvailabilityWithdrawn', data: { reason: 'Summer holiday' } },
  ];
  const history: FamilyEvent[] = [...availableHistory];
  for (let n = 0; history.length < EVENTS_PER_FAMILY; n++) history.push(churn[n % churn.length]!);
  const occurredAt = new Date('2026-01-01T09:00:00Z').toISOString();
  return history.map((event) => ({
    eventId: randomUUID(),
    type: event.type,
    data: event.type === 'FamilyRegistered' ? { ...event.data, familyId } : event.data,
    metadata: { actor: 'system:bench', municipality, correlationId: familyId, causationId: familyId, occurredAt, schemaVersion: 1 },
  }));
}

export async function benchProjections(opts: { events: number }): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'familybank-bench-projections-'));
  const store = SqliteEventStore.open({ filename: join(dir, 'events.sqlite'), synchronous: 'NORMAL' });
  const documents = new DocumentStore(join(dir, 'read.sqlite'), { synchronous: 'NORMAL' });
  try {
    const families = Math.ceil(opts.events / EVENTS_PER_FAMILY);
    for (let n = 0; n < families; n++) {
      const familyId = `bench-${n}`;
      await store.appendToStream(`family-${familyId}`, familyStream(familyId, ['0630', '0265', '0101'][n % 3]!), { expectedRevision: 'no-stream' });
    }
    const total = await store.lastPosition();

    const readStart = performance.now();
    let read = 0;
    for (let after = 0; ; ) {
      const batch = await store.readAll({ after, limit: 5_000 });
      if (batch.length === 0) break;
      read += batch.length;
      after = batch[batch.length - 1]!.position;
    }
    const readSeconds = (performance.now() - readStart) / 1000;

    const runner = new ProjectionRunner(store, documents, ALL_PROJECTIONS);
    const rebuildStart = performance.now();
    await runner.rebuild();
    const rebuildSeconds = (performance.now() - rebuildStart) / 1000;
    const rate = Math.round(total / rebuildSeconds);
    return [
      { name: `projection rebuild, ${ALL_PROJECTIONS.length} read models, ${total.toLocaleString('en')} events`, value: rate, unit: 'events/s', baseline: `goal >= 50,000 events/s; read-only scan of the same log: ${Math.round(read / readSeconds).toLocaleString('en')} events/s` },
    ];
  } finally {
    await store.close();
    documents.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
