import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@familybank/event-store';
import { ALL_PROJECTIONS, DocumentStore, ProjectionRunner } from '@familybank/read-models';
import { MunicipalityIdentities } from '../federation/municipality-identities';
import type { PublishedEntry, PublishedRecord } from '../federation/relay-store';
import { OWNER, WorkflowFixture } from '../workflows/testing';
import { familyOfPseudonym, PoolPublication } from './pool-publication';

/** What the relay recorded as published, in memory. */
class Published {
  readonly records = new Map<string, PublishedRecord>();
  published(municipality: string, familyId: string): PublishedEntry | undefined {
    return this.records.get(`${municipality}:${familyId}`)?.entry;
  }
  allPublished(): PublishedRecord[] {
    return [...this.records.values()];
  }
  put(record: PublishedRecord): void {
    this.records.set(`${record.municipality}:${record.familyId}`, record);
  }
}

/** Whether a family may be shared is decided from the family read model, as the relay caught it up. */
describe('the pool’s publication: what the relay publishes of our families', () => {
  let dir: string;
  let fixture: WorkflowFixture;
  let documents: DocumentStore;
  let identities: MunicipalityIdentities;
  let published: Published;
  let pool: PoolPublication;
  let batch: RecordedEvent[];

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'familybank-pool-'));
    fixture = new WorkflowFixture();
    documents = new DocumentStore(join(dir, 'read.sqlite'), { synchronous: 'NORMAL' });
    identities = new MunicipalityIdentities(dir);
    published = new Published();
    pool = new PoolPublication(documents, identities, published);
    await fixture.availableFamily('fam-1');
    // Shared only with the family's consent.
    const consent = { eventId: 'fam-1-consent', type: 'ConsentToShareGiven', data: { on: '2026-03-09' }, metadata: fixture.metadata('caseworker-1', 'fam-1-consent') };
    await fixture.events.appendToStream('family-fam-1', [consent], { expectedRevision: 'any' });
    await new ProjectionRunner(fixture.events, documents, ALL_PROJECTIONS).catchUp();
    batch = await fixture.stream('family-fam-1');
  });
  afterEach(async () => {
    documents.close();
    await fixture.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a batch that touched a shareable family publishes its latest profile once, under its pseudonym, with an id from family and version', () => {
    const [message, ...others] = pool.afterBatch(batch, fixture.now);
    expect(others).toEqual([]);
    const revision = batch.at(-1)!.revision;
    expect(message).toMatchObject({ municipality: OWNER, correlationId: `family-${revision}`, dedupeKey: `fam-1:${revision}`, draft: { message: { type: 'SharedProfilePublished' } } });
    expect(message!.change).toMatchObject({ kind: 'published', record: { municipality: OWNER, familyId: 'fam-1', entry: { familyId: 'fam-1', version: revision } } });
    const pseudonym = message!.change.kind === 'published' ? message!.change.record.entry.pseudonym : '';
    expect(familyOfPseudonym(documents, identities)(OWNER, pseudonym)).toBe('fam-1');
  });

  it('the version already published is not published again, and a batch without family events publishes nothing', () => {
    const [message] = pool.afterBatch(batch, fixture.now);
    expect(message?.change.kind).toBe('published');
    if (message?.change.kind === 'published') published.put(message.change.record);
    expect(pool.afterBatch(batch, fixture.now)).toEqual([]);
    expect(pool.afterBatch(batch.map((event) => ({ ...event, streamId: 'offer-1' })), fixture.now)).toEqual([]);
  });

  it('once its approval ran out, a published family is withdrawn by the sweep with a tombstone under its published pseudonym', () => {
    const [message] = pool.afterBatch(batch, fixture.now);
    if (message?.change.kind === 'published') published.put(message.change.record);
    expect(pool.unshareable(fixture.now)).toEqual([]);

    const [withdrawal, ...others] = pool.unshareable(new Date('2027-06-01T00:00:00.000Z'));
    expect(others).toEqual([]);
    const pseudonym = published.allPublished()[0]!.entry.pseudonym;
    expect(withdrawal).toEqual({ municipality: OWNER, tombstone: { topic: `familybank.${OWNER}.pool.v1`, key: pseudonym, value: null }, change: { kind: 'withdrawn', municipality: OWNER, familyId: 'fam-1' } });
  });
});
