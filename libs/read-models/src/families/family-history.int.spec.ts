import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FamilyEvent } from '@familybank/domain-family';
import { available } from '@familybank/domain-family/testing';
import { SqliteEventStore, type EventStore } from '@familybank/event-store';
import { decodeCursor, DocumentStore, type Page } from '../document-store';
import { ALL_PROJECTIONS } from '../index';
import { ProjectionRunner } from '../projection-runner';
import { recorded } from '../testing';
import { FamilyQueries } from './family-queries';

const SUPPORT = 130;
const support = (index: number): FamilyEvent => ({ type: 'SupportRecorded', data: { kind: 'course', on: '2026-04-01', note: `Course ${index}` } });
const reserved = (assignmentId: string): FamilyEvent => ({
  type: 'FamilyReserved',
  data: { assignmentId, requester: { municipality: '0265', requestId: `rq-${assignmentId}` }, period: { from: '2026-04-01', to: '2026-04-02' }, children: 1 },
});
const ended = (assignmentId: string): FamilyEvent => ({ type: 'AssignmentEnded', data: { assignmentId, reason: 'Done', wantsNewAssignment: false, endedOn: '2026-04-03' } });

/** Every item of a list, page by page, following nextCursor as a client would. */
function walk<Item>(fetch: (before: number | undefined) => Page<Item> | undefined): Item[] {
  const items: Item[] = [];
  let cursor: string | null | undefined;
  do {
    const page = fetch(decodeCursor(cursor ?? undefined))!;
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

describe('a family’s support records and assignments as paginated read models', () => {
  let dir: string;
  let store: EventStore;
  let documents: DocumentStore;
  let queries: FamilyQueries;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'familybank-family-history-'));
    store = SqliteEventStore.open({ filename: join(dir, 'events.sqlite'), synchronous: 'NORMAL' });
    documents = new DocumentStore(join(dir, 'read.sqlite'), { synchronous: 'NORMAL' });
    queries = new FamilyQueries(documents, () => new Date('2026-11-27T12:00:00Z'));
    const histories: Record<string, { municipality: string; events: FamilyEvent[] }> = {
      'fam-a': { municipality: '0630', events: [...available, ...Array.from({ length: SUPPORT }, (_, index) => support(index))] },
      'fam-b': { municipality: '0630', events: [...available, reserved('as-1'), ended('as-1'), reserved('as-2'), reserved('as-3'), ended('as-3'), support(0)] },
      'fam-c': { municipality: '0265', events: [...available, support(0)] },
    };
    const recordedOf = Object.fromEntries(Object.entries(histories).map(([familyId, { municipality, events }]) => [familyId, recorded(events, { familyId, municipality })]));
    // Appended one event at a time, families interleaved, as a busy municipality would record them.
    for (let index = 0; index < available.length + SUPPORT; index++) {
      for (const [familyId, events] of Object.entries(recordedOf)) {
        const event = events[index];
        if (!event) continue;
        await store.appendToStream(`family-${familyId}`, [{ eventId: event.eventId, type: event.type, data: event.data, metadata: event.metadata }], { expectedRevision: index === 0 ? 'no-stream' : index - 1 });
      }
    }
    await new ProjectionRunner(store, documents, ALL_PROJECTIONS, 37).catchUp();
  });
  afterEach(async () => {
    await store.close();
    documents.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a walk through a family’s support visits each of its records exactly once, newest first', () => {
    const records = walk((before) => queries.listSupport('0630', 'fam-a', { limit: 50, before }));
    const revisions = records.map((record) => record.revision);
    expect(revisions).toEqual(Array.from({ length: SUPPORT }, (_, index) => available.length + SUPPORT - 1 - index));
    expect(records.every((record) => record.familyId === 'fam-a')).toBe(true);
    expect(queries.getFamily('0630', 'fam-a')!.support.recent).toEqual(records.slice(0, 5));
  });

  it('another municipality’s family, or an unknown one, has no list at all', () => {
    expect(queries.listSupport('0630', 'fam-c', { limit: 50 })).toBeUndefined();
    expect(queries.listAssignments('0630', 'fam-c', { limit: 50 })).toBeUndefined();
    expect(queries.listSupport('0630', 'nobody', { limit: 50 })).toBeUndefined();
    expect(queries.listSupport('0265', 'fam-c', { limit: 50 })!.items).toHaveLength(1);
  });

  it('assignments list newest reservation first, filtered by status, while the detail keeps the active ones and counts the ended', () => {
    const ids = (status?: 'active' | 'ended') => walk((before) => queries.listAssignments('0630', 'fam-b', { limit: 1, before, status })).map((item) => item.assignmentId);
    expect(ids()).toEqual(['as-3', 'as-2', 'as-1']);
    expect(ids('active')).toEqual(['as-2']);
    expect(ids('ended')).toEqual(['as-3', 'as-1']);
    expect(queries.getFamily('0630', 'fam-b')).toMatchObject({ assignments: [expect.objectContaining({ assignmentId: 'as-2' })], endedAssignmentCount: 2 });
  });

  it('documents written by the previous version (support embedded) are rebuilt on the next start', async () => {
    const current = queries.getFamily('0630', 'fam-a');
    documents.put('family-detail', 'fam-a', '0630', { ...current, support: [{ kind: 'course', on: '2026-04-01' }] });
    documents.saveProjectionVersion('family-detail', 4);
    documents.reset('family-support', 'family-support');
    documents.saveProjectionVersion('family-support', 0);
    await new ProjectionRunner(store, documents, ALL_PROJECTIONS).catchUp();
    expect(queries.getFamily('0630', 'fam-a')).toEqual(current);
    expect(walk((before) => queries.listSupport('0630', 'fam-a', { limit: 200, before }))).toHaveLength(SUPPORT);
  });
});
