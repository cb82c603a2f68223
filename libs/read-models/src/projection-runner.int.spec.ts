import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { available, contacted } from '@familybank/domain-family/testing';
import { SqliteEventStore, type EventStore } from '@familybank/event-store';
import { DocumentStore } from './document-store';
import { FamilyQueries } from './families/family-queries';
import { ALL_PROJECTIONS } from './index';
import { ProjectionRunner } from './projection-runner';
import { recorded } from './testing';

describe('projection runner on SQLite', () => {
  let dir: string;
  let store: EventStore;
  let documents: DocumentStore;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'familybank-projections-'));
    store = SqliteEventStore.open({ filename: join(dir, 'events.sqlite'), synchronous: 'NORMAL' });
    documents = new DocumentStore(join(dir, 'read.sqlite'), { synchronous: 'NORMAL' });
    for (const [index, events] of [available, contacted, available].entries()) {
      const familyId = `fam-${index}`;
      const toAppend = recorded(events, { familyId, municipality: index === 2 ? '0265' : '0630' }).map(({ eventId, type, data, metadata }) => ({ eventId, type, data, metadata }));
      await store.appendToStream(`family-${familyId}`, toAppend, { expectedRevision: 'no-stream' });
    }
  });
  afterEach(async () => {
    await store.close();
    documents.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const snapshot = (queries: FamilyQueries) => ({
    vejle: queries.listFamilies('0630', { limit: 50 }),
    roskilde: queries.listFamilies('0265', { limit: 50 }),
    available: queries.listAvailableFamilies('0630', { limit: 50 }),
    pipeline: queries.pipeline('0630', 3),
  });

  it('catches up to the end of the log and stores each projection’s checkpoint', async () => {
    const runner = new ProjectionRunner(store, documents, ALL_PROJECTIONS, 4);
    const head = await store.lastPosition();
    expect(await runner.catchUp()).toBe(head);
    for (const projection of ALL_PROJECTIONS) expect(documents.checkpoint(projection.name)).toBe(head);
    const queries = new FamilyQueries(documents, () => new Date('2026-11-27T12:00:00Z'));
    expect(queries.listFamilies('0630', { limit: 50 }).items.map((family) => family.familyId).sort()).toEqual(['fam-0', 'fam-1']);
    expect(queries.listAvailableFamilies('0630', { limit: 50 }).items.map((family) => family.familyId)).toEqual(['fam-0']);
    expect(queries.getFamily('0630', 'fam-2')).toBeUndefined();
  });

  it('a rebuild from scratch gives exactly the read models that incremental catch-up gave', async () => {
    const runner = new ProjectionRunner(store, documents, ALL_PROJECTIONS, 3);
    await runner.catchUp();
    const queries = new FamilyQueries(documents, () => new Date('2026-11-27T12:00:00Z'));
    const before = snapshot(queries);
    await runner.rebuild();
    expect(snapshot(queries)).toEqual(before);
  });

  it('resumes from its checkpoint: events appended later are applied once', async () => {
    const runner = new ProjectionRunner(store, documents, ALL_PROJECTIONS);
    await runner.catchUp();
    const [extra] = recorded([{ type: 'FamilyScreened', data: { on: '2026-11-27' } }], { familyId: 'fam-1' });
    await store.appendToStream('family-fam-1', [{ eventId: 'extra', type: extra!.type, data: extra!.data, metadata: extra!.metadata }], { expectedRevision: 1 });
    await Promise.all([runner.catchUp(), runner.catchUp()]);
    const queries = new FamilyQueries(documents, () => new Date());
    expect(queries.getFamily('0630', 'fam-1')).toMatchObject({ stage: 'screened', revision: 2 });
  });
});

describe('projection versions', () => {
  it('a projection whose version changed is rebuilt from the log at the next catch-up', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'familybank-projection-versions-'));
    const store = SqliteEventStore.open({ filename: join(dir, 'events.sqlite'), synchronous: 'NORMAL' });
    const documents = new DocumentStore(join(dir, 'read.sqlite'), { synchronous: 'NORMAL' });
    const toAppend = recorded(contacted, { familyId: 'fam-9' }).map(({ eventId, type, data, metadata }) => ({ eventId, type, data, metadata }));
    await store.appendToStream('family-fam-9', toAppend, { expectedRevision: 'no-stream' });
    await new ProjectionRunner(store, documents, ALL_PROJECTIONS).catchUp();
    // Simulate documents written by an older version of the code.
    documents.put('family-detail', 'fam-9', '0630', { stale: true });
    documents.saveProjectionVersion('family-detail', 1);
    await new ProjectionRunner(store, documents, ALL_PROJECTIONS).catchUp();
    expect(new FamilyQueries(documents, () => new Date()).getFamily('0630', 'fam-9')).toMatchObject({ stage: 'contacted', assignments: [] });
    await store.close();
    documents.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
