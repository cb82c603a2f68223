import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { unwrap, type FamilybankClient } from '@familybank/api-client';
import { DocumentStore } from '@familybank/read-models';
import { startTestServer, type TestServer } from '../support/api-server';
import { registration } from '../support/family-fixtures';
import { makePartners } from '../support/federation';
import { eventually, registerAvailableFamily } from '../support/journeys';

const A = '0630'; // Vejle: sees B's pool
const B = '0265'; // Roskilde: owns the family

/**
 * Availability carries the day it was last confirmed. The owner is reminded before it goes stale
 * (60 days by default, reminded 7 days before); a stale family leaves the partners' pool
 * (tombstone) without any event, and confirming it again brings it back.
 */
describe('stale availability', () => {
  let now = new Date('2026-11-27T09:00:00.000Z');
  let server: TestServer;
  let vejle: FamilybankClient;
  let roskilde: FamilybankClient;
  let familyId: string;

  beforeAll(async () => {
    server = await startTestServer({}, { clock: () => now });
    vejle = await server.client(A, ['caseworker', 'approver']);
    roskilde = await server.client(B, ['caseworker', 'approver']);
    for (const client of [vejle, roskilde]) await unwrap(client.GET('/v1/partnerships', {})); // announces the municipality
    await makePartners(vejle, A, roskilde, B);
  });
  afterAll(() => server.stop());

  const pool = async () => (await unwrap(vejle.GET('/v1/pool', {}))).items;
  const reminders = async () => unwrap(roskilde.GET('/v1/availability-reminders', {}));
  const sweep = () => server.app.runtime.relay.sweepStale();

  it('a freshly declared, consenting family of B is in A’s pool, and B has nothing to be reminded of', async () => {
    familyId = await registerAvailableFamily(roskilde);
    const family = await unwrap(roskilde.GET('/v1/families/{familyId}', { params: { path: { familyId } } }));
    expect(family.availability?.confirmedOn).toBe('2026-11-27');
    await eventually(async () => expect(await pool()).toEqual([expect.objectContaining({ municipality: B, availabilityConfirmed: '2026-11' })]));
    expect(await reminders()).toEqual({ staleAfterDays: 60, reminderDays: 7, items: [] });
  });

  it('a few days before it goes stale, B is reminded; the family is still shared', async () => {
    now = new Date('2027-01-22T09:00:00.000Z');
    expect(await reminders()).toEqual({
      staleAfterDays: 60,
      reminderDays: 7,
      items: [{ familyId, householdName: 'Mette Hansen & Jens Hansen', confirmedOn: '2026-11-27', staleOn: '2027-01-27', daysLeft: 5, stale: false }],
    });
    expect(await sweep()).toBe(0);
    expect(await pool()).toHaveLength(1);
  });

  it('more than 60 days after the confirmation it is stale: listed as such, and withdrawn from A’s pool by the sweep', async () => {
    now = new Date('2027-01-28T09:00:00.000Z');
    expect((await reminders()).items).toEqual([
      { familyId, householdName: 'Mette Hansen & Jens Hansen', confirmedOn: '2026-11-27', staleOn: '2027-01-27', daysLeft: -1, stale: true },
    ]);
    expect(await sweep()).toBe(1);
    await eventually(async () => expect(await pool()).toEqual([]));
    expect(await sweep()).toBe(0);
    // Still available at home: staleness only stops the sharing.
    const available = await unwrap(roskilde.GET('/v1/available-families', {}));
    expect(available.items.map((item) => item.familyId)).toEqual([familyId]);
  });

  it('only a caseworker or approver confirms, and only an available family', async () => {
    const auditor = await server.client(B, ['auditor']);
    const refused = await auditor.POST('/v1/families/{familyId}/availability/confirmation', { params: { path: { familyId } }, body: {} });
    expect(refused.response.status).toBe(403);
    expect((await unwrap(auditor.GET('/v1/availability-reminders', {}))).items).toHaveLength(1);

    const { familyId: lead } = await unwrap(roskilde.POST('/v1/families', { body: registration() }));
    const early = await roskilde.POST('/v1/families/{familyId}/availability/confirmation', { params: { path: { familyId: lead } }, body: {} });
    expect(early.error).toMatchObject({ status: 409, code: 'FAMILY.WRONG_STAGE' });
  });

  it('confirming the availability again puts the family back in A’s pool with the new month', async () => {
    const before = await unwrap(roskilde.GET('/v1/families/{familyId}', { params: { path: { familyId } } }));
    const confirmed = await unwrap(
      roskilde.POST('/v1/families/{familyId}/availability/confirmation', {
        params: { path: { familyId }, header: { 'If-Match': `"${before.revision}"`, 'Idempotency-Key': 'confirm-availability-1' } },
        body: {},
      }),
    );
    expect(confirmed).toMatchObject({ stage: 'available', revision: before.revision + 1, availability: { ...before.availability, confirmedOn: '2027-01-28' } });
    const { items: events } = await unwrap(roskilde.GET('/v1/families/{familyId}/events', { params: { path: { familyId } } }));
    expect(events.at(-1)).toMatchObject({ type: 'AvailabilityConfirmed', data: { confirmedOn: '2027-01-28' } });

    await eventually(async () => expect(await pool()).toEqual([expect.objectContaining({ municipality: B, availabilityConfirmed: '2027-01' })]));
    expect((await reminders()).items).toEqual([]);
    expect(await sweep()).toBe(0);
  });

  it('a family an earlier release published without recording its id is still found and withdrawn once stale', async () => {
    // An earlier release kept the relay's records among the read models, some with the pseudonym only.
    await server.restart(() => {
      const outbox = new Database(join(server.dataDir, 'outbox.sqlite'));
      const { position } = outbox.prepare('SELECT position FROM checkpoint').get() as { position: number };
      const { entry } = outbox.prepare('SELECT entry FROM published_pool WHERE family_id = ?').get(familyId) as { entry: string };
      outbox.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(join(server.dataDir, `outbox.sqlite${suffix}`), { force: true });
      const documents = new DocumentStore(join(server.dataDir, 'read-models.sqlite'));
      documents.saveCheckpoint('outbox-relay', position);
      documents.put('outbox-published-pool', `${B}:${familyId}`, B, { pseudonym: (JSON.parse(entry) as { pseudonym: string }).pseudonym });
      documents.close();
    });

    now = new Date('2027-04-01T09:00:00.000Z');
    expect(await sweep()).toBe(1);
    await eventually(async () => expect(await pool()).toEqual([]));
    expect(await sweep()).toBe(0);
  });
});
