import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SharedProfile } from '@familybank/contracts';
import { SqliteEventStore } from '@familybank/event-store';
import { ALL_PROJECTIONS, DIRECTORY, DocumentStore, INBOX, PARTNER_POOL, PROFILE_VIEWS, ProjectionRunner } from '@familybank/read-models';
import { TestCommandGateway } from '../workflows/testing';
import { adoptLegacyFacts } from './legacy-facts';
import { needs, OWNER, REQUESTER } from './testing/federation-message.fixtures';

const NOW = new Date('2026-12-02T09:00:00.000Z');
const announcement = { code: OWNER, name: 'Horsens', signingKey: 'sign', fingerprint: 'fp', encryptionKey: 'enc', announcedAt: '2026-11-01T08:00:00.000Z' };
const entry = (requestId: string, status: 'open' | 'closed') => ({
  requester: REQUESTER,
  requestId,
  needs,
  responseDeadline: '2026-12-20',
  status,
  ...(status === 'closed' && { closedReason: 'withdrawn' }),
  receivedAt: `2026-11-0${requestId.length}T10:00:00.000Z`,
});
const profile = (pseudonym: string, version: number) => ({ municipality: OWNER, pseudonym, version, freeCapacity: 1 }) as unknown as SharedProfile;

/** A data directory of an earlier release, whose read models held what partners had told. */
describe('facts an earlier release kept among the read models', () => {
  let dir: string;
  let documents: DocumentStore;
  let events: SqliteEventStore;
  let gateway: TestCommandGateway;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'familybank-legacy-facts-'));
    documents = new DocumentStore(join(dir, 'read-models.sqlite'));
    events = SqliteEventStore.open({ filename: ':memory:' });
    gateway = new TestCommandGateway(events, () => NOW);
    documents.put(DIRECTORY, OWNER, '*', announcement);
    documents.put(INBOX, `${OWNER}:${REQUESTER}:r-1`, OWNER, entry('r-1', 'open'));
    documents.put(INBOX, `${OWNER}:${REQUESTER}:r-22`, OWNER, entry('r-22', 'closed'));
    const answered = { type: 'NoMatchAnswered', data: { requester: REQUESTER, requestId: 'r-22' } };
    const metadata = { actor: 'anna', municipality: OWNER, correlationId: 'c', causationId: 'c', occurredAt: NOW.toISOString(), schemaVersion: 1 };
    await events.appendToStream(`answer-${OWNER}-${REQUESTER}-r-22`, [{ eventId: 'answered', ...answered, metadata }], { expectedRevision: 'no-stream' });
    documents.put(PARTNER_POOL, `${REQUESTER}:ps-2`, REQUESTER, { ...profile('ps-2', 7), receivedAt: '2026-11-03T08:00:00.000Z' });
    documents.put(PARTNER_POOL, `${REQUESTER}:ps-1`, REQUESTER, { ...profile('ps-1', 3), receivedAt: '2026-11-04T08:00:00.000Z' });
    const view = (municipality: string, messageId: string, viewedAt: string) => ({ municipality, messageId, viewedAt });
    documents.put(PROFILE_VIEWS, `${OWNER}:ps-1`, OWNER, { owner: OWNER, pseudonym: 'ps-1', views: [view('0751', 'm-2', '2026-11-06T08:00:00.000Z'), view(REQUESTER, 'm-1', '2026-11-05T08:00:00.000Z')] });
    documents.put(PROFILE_VIEWS, `${OWNER}:ps-2`, OWNER, { owner: OWNER, pseudonym: 'ps-2', views: [view(REQUESTER, 'm-1', '2026-11-05T08:00:00.000Z')] });
  });
  afterEach(async () => {
    documents.close();
    await events.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('are recorded as events once, and the projections built from them show the same, with the times kept', async () => {
    const before = {
      directory: documents.all(DIRECTORY, '*'),
      inbox: documents.all<object>(INBOX, OWNER),
      pool: documents.all(PARTNER_POOL, REQUESTER),
      views: documents.all(PROFILE_VIEWS, OWNER),
    };
    expect(await adoptLegacyFacts(documents, events, gateway)).toBe(9);
    expect(await adoptLegacyFacts(documents, events, gateway)).toBe(0);

    await new ProjectionRunner(events, documents, ALL_PROJECTIONS).catchUp();
    // The entries now also list their signing keys (a rotation's history), starting with the announced one.
    expect(documents.all(DIRECTORY, '*')).toEqual(
      (before.directory as Array<{ signingKey: string; fingerprint: string }>).map((entry) => ({ ...entry, keys: [{ signingKey: entry.signingKey, fingerprint: entry.fingerprint, retired: false }] })),
    );
    expect(documents.all(INBOX, OWNER)).toEqual([
      { ...before.inbox[0], answeredNoMatch: true },
      { ...before.inbox[1], answeredNoMatch: false },
    ]);
    expect(documents.all(PARTNER_POOL, REQUESTER)).toEqual(before.pool);
    expect(documents.all(PROFILE_VIEWS, OWNER)).toEqual(before.views);
    expect(await adoptLegacyFacts(documents, events, gateway)).toBe(0);
  });
});
