import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { partnerPoolStreamId, type PartnerPoolEvent } from '@familybank/domain-partner-facts';
import { SqliteEventStore } from '@familybank/event-store';
import { DocumentStore } from '../document-store';
import { ProjectionRunner } from '../projection-runner';
import { PARTNER_POOL, partnerPoolProjection, type PoolEntry } from './partner-pool.projection';

const [OWN, PARTNER] = ['0630', '0265'];
const published = (pseudonym: string, version = 1): PartnerPoolEvent => ({
  type: 'PartnerProfilePublished',
  data: { profile: { municipality: PARTNER, pseudonym, version }, receivedAt: '2026-03-10T09:00:00.000Z' },
});
const withdrawn = (pseudonym: string): PartnerPoolEvent => ({ type: 'PartnerProfileWithdrawn', data: { partner: PARTNER, pseudonym } });

describe('the partner pool, incrementally and rebuilt in one batch', () => {
  let dir: string;
  let store: SqliteEventStore;
  let documents: DocumentStore;
  let revision = -1;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'familybank-pool-projection-'));
    store = SqliteEventStore.open({ filename: join(dir, 'events.sqlite'), synchronous: 'NORMAL' });
    documents = new DocumentStore(join(dir, 'read.sqlite'));
    revision = -1;
  });
  afterEach(async () => {
    await store.close();
    documents.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const append = async (event: PartnerPoolEvent) => {
    const metadata = { actor: 'partner:0265', municipality: OWN, correlationId: 'c', causationId: `cmd-${revision + 1}`, occurredAt: '2026-03-10T09:00:00.000Z', schemaVersion: 1 };
    await store.appendToStream(partnerPoolStreamId(OWN, PARTNER), [{ eventId: `e-${revision + 1}`, type: event.type, data: event.data, metadata }], {
      expectedRevision: revision === -1 ? 'no-stream' : revision,
    });
    revision += 1;
  };
  const listed = () => documents.page<PoolEntry>(PARTNER_POOL, OWN, { limit: 50 }).items.map((entry) => entry.pseudonym);

  it('lists the same families in the same order (newest first), a withdrawn and republished family as new', async () => {
    const runner = new ProjectionRunner(store, documents, [partnerPoolProjection]);
    for (const event of [published('ps-1'), published('ps-2'), withdrawn('ps-1'), published('ps-3'), published('ps-1', 2), published('ps-2', 2)]) {
      await append(event);
      await runner.catchUp();
    }
    const incremental = listed();
    expect(incremental).toEqual(['ps-1', 'ps-3', 'ps-2']);

    await runner.rebuild();
    expect(listed()).toEqual(incremental);
  });

  it('a dropped pool empties the partner’s entries in one event', async () => {
    const runner = new ProjectionRunner(store, documents, [partnerPoolProjection]);
    for (const event of [published('ps-1'), published('ps-2')]) await append(event);
    await runner.catchUp();
    await append({ type: 'PartnerPoolDropped', data: { partner: PARTNER, pseudonyms: ['ps-1', 'ps-2'] } });
    await runner.catchUp();
    expect(listed()).toEqual([]);
  });
});
