import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { unwrap, type FamilybankClient } from '@familybank/api-client';
import { encodeEnvelope, encryptionKeyFingerprint, seal, signEnvelope, topics } from '@familybank/exchange';
import { PARTNER_POOL } from '../../apps/api/src/federation/federation-consumer';
import { makePartners } from '../support/federation';
import { eventually, registerAvailableFamily } from '../support/journeys';
import { startTestServer, type TestServer } from '../support/api-server';

const A = '0630'; // Vejle: partner of B
const B = '0265'; // Roskilde: owns the family
const C = '0101'; // København: nobody's partner
const D = '0751'; // Aarhus: partner of B

/**
 * "Who looked at us": every time a partner's caseworker is shown a shared profile, the partner
 * records it on its own stream, its relay tells the owner, and the owner lists the views per family.
 */
describe('views of a family’s shared profile', () => {
  let server: TestServer;
  const client: Record<string, FamilybankClient> = {};
  let shared: string;
  let neverShared: string;
  let pseudonym: string;

  const pool = async (code: string) => (await unwrap(client[code]!.GET('/v1/pool', {}))).items;
  const views = (code: string, familyId: string) => client[code]!.GET('/v1/families/{familyId}/views', { params: { path: { familyId } } });
  const viewsOf = async (familyId: string) => unwrap(views(B, familyId));
  const count = (items: Array<{ municipality: string }>) => items.reduce<Record<string, number>>((counts, { municipality }) => ({ ...counts, [municipality]: (counts[municipality] ?? 0) + 1 }), {});

  beforeAll(async () => {
    server = await startTestServer();
    for (const code of [A, B, C, D]) {
      client[code] = await server.client(code, ['caseworker', 'approver']);
      await unwrap(client[code]!.GET('/v1/partnerships', {})); // creates and announces the municipality's key
    }
    await makePartners(client[A]!, A, client[B]!, B);
    await makePartners(client[D]!, D, client[B]!, B);
    shared = await registerAvailableFamily(client[B]!);
    neverShared = await registerAvailableFamily(client[B]!, { consent: false });
    // Wait on the read models, not the API: every listing that shows the profile is a view.
    for (const viewer of [A, D]) await eventually(async () => expect(server.app.runtime.documents.all(PARTNER_POOL, viewer)).toHaveLength(1));
    pseudonym = server.app.runtime.documents.all<{ pseudonym: string }>(PARTNER_POOL, A)[0]!.pseudonym;
  }, 60_000);
  afterAll(() => server?.stop());

  it('A lists the pool twice and D once: B sees A once and D once (one view per municipality, family and day), newest first, with when', async () => {
    const before = new Date().toISOString();
    expect(await pool(A)).toHaveLength(1);
    expect(await pool(A)).toHaveLength(1);
    expect(await pool(D)).toHaveLength(1);
    expect(await pool(C)).toEqual([]);

    const answer = await eventually(async () => {
      const result = await viewsOf(shared);
      expect(count(result.items)).toEqual({ [A]: 1, [D]: 1 });
      return result;
    });
    expect(answer).toMatchObject({ familyId: shared, pseudonym });
    expect(answer.items.find((item) => item.municipality === A)?.municipalityName).toBe('Vejle');
    const times = answer.items.map((item) => item.viewedAt);
    expect([...times].sort().reverse()).toEqual(times);
    const after = new Date().toISOString();
    for (const time of times) {
      expect(time >= before && time <= after).toBe(true);
    }
  });

  it('the first listing of the day is an event on the viewer’s own stream, with the acting user, and its message names no user', async () => {
    const events = await server.app.runtime.eventStore.readStream(`profile-views-${A}`);
    expect(events).toHaveLength(1);
    for (const event of events) {
      expect(event).toMatchObject({ type: 'ProfilesViewed', data: { owner: B, pseudonyms: [pseudonym] } });
      expect(event.metadata).toMatchObject({ actor: `dev-caseworker+approver@${A}`, municipality: A, schemaVersion: 1, occurredAt: (event.data as { viewedAt: string }).viewedAt });
      expect(event.metadata.correlationId).toEqual(expect.any(String));
      expect(event.metadata.causationId).toEqual(expect.any(String));
    }
    expect(await server.app.runtime.eventStore.readStream(`profile-views-${C}`)).toEqual([]);
    const published = profilesViewedOn(topics.requests(A));
    expect(published).toHaveLength(1);
    for (const value of published) {
      expect(value).not.toContain('dev-caseworker');
      // Sealed to the owner: A's other partners, who read this topic too, cannot learn whom A looked at.
      expect(JSON.parse(value)).toMatchObject({ type: 'ProfilesViewed', source: A, payload: { owner: B, sealed: { alg: 'X25519-HKDF-SHA256-A256GCM' } } });
      expect(value).not.toContain(pseudonym);
    }
  });

  it('C, who is nobody’s partner, cannot see the family’s views (404), and no partner but the owner can', async () => {
    for (const stranger of [C, A]) {
      const answer = await views(stranger, shared);
      expect(answer.response.status).toBe(404);
      expect(answer.error).toMatchObject({ code: 'FAMILY.NOT_FOUND' });
    }
    expect((await viewsOf(shared)).items.map((item) => item.municipality)).not.toContain(C);
  });

  it('a family of B that was never shared has no views', async () => {
    const answer = await viewsOf(neverShared);
    expect(answer.familyId).toBe(neverShared);
    expect(answer.pseudonym).not.toBe(pseudonym);
    expect(answer.items).toEqual([]);
  });

  it('a redelivered ProfilesViewed message adds nothing', async () => {
    const before = (await viewsOf(shared)).items;
    const exchange = server.app.runtime.exchange;
    const topic = topics.requests(A);
    // The relay's own message, delivered again...
    const genuine = profilesViewedOn(topic)[0]!;
    // ...and one signed by A with a fixed id, delivered twice.
    const signing = server.app.runtime.identities.identity(A).signing.privateKey;
    const ownerKey = server.app.runtime.identities.identity(B).encryption.publicKey;
    const sealedFor = (viewedAt: string) => ({ ...seal(JSON.stringify({ pseudonyms: [pseudonym], viewedAt }), ownerKey, `${A}|${B}|profile-views`), recipientKeyFingerprint: encryptionKeyFingerprint(ownerKey) });
    const message = (messageId: string, viewedAt: string) =>
      encodeEnvelope(signEnvelope({ messageId, type: 'ProfilesViewed', schemaVersion: 1, occurredAt: viewedAt, source: A, correlationId: 'redelivery', payload: { owner: B, sealed: sealedFor(viewedAt) } }, signing));
    const once = message(randomUUID(), '2020-01-01T00:00:00.000Z');
    const marker = message(randomUUID(), '2020-01-02T00:00:00.000Z');
    await exchange.publish([
      { topic, key: B, value: genuine },
      { topic, key: B, value: once },
      { topic, key: B, value: once },
      { topic, key: B, value: marker },
    ]);
    // Messages on one topic are handled in order: once the marker is in, the duplicates were handled.
    const after = await eventually(async () => {
      const items = (await viewsOf(shared)).items;
      expect(items.map((item) => item.viewedAt)).toContain('2020-01-02T00:00:00.000Z');
      return items;
    });
    expect(after).toHaveLength(before.length + 2);
    expect(after.filter((item) => item.viewedAt === '2020-01-01T00:00:00.000Z')).toHaveLength(1);
    expect(after.slice(0, before.length)).toEqual(before); // the older views come last, newest first
    expect(server.app.runtime.deadLetters.list().filter((letter) => letter.topic === topic)).toEqual([]);
  });

  it('two reports of the same family and day from one partner are coalesced by the owner: one view', async () => {
    const exchange = server.app.runtime.exchange;
    const topic = topics.requests(A);
    const signing = server.app.runtime.identities.identity(A).signing.privateKey;
    const ownerKey = server.app.runtime.identities.identity(B).encryption.publicKey;
    const message = (viewedAt: string) => {
      const sealed = { ...seal(JSON.stringify({ pseudonyms: [pseudonym], viewedAt }), ownerKey, `${A}|${B}|profile-views`), recipientKeyFingerprint: encryptionKeyFingerprint(ownerKey) };
      return encodeEnvelope(signEnvelope({ messageId: randomUUID(), type: 'ProfilesViewed', schemaVersion: 1, occurredAt: viewedAt, source: A, correlationId: 'coalesce', payload: { owner: B, sealed } }, signing));
    };
    await exchange.publish([
      { topic, key: B, value: message('2020-02-03T08:00:00.000Z') },
      { topic, key: B, value: message('2020-02-03T17:00:00.000Z') },
      { topic, key: B, value: message('2020-02-04T08:00:00.000Z') },
    ]);
    const items = await eventually(async () => {
      const found = (await viewsOf(shared)).items;
      expect(found.map((item) => item.viewedAt)).toContain('2020-02-04T08:00:00.000Z');
      return found;
    });
    expect(items.filter((item) => item.viewedAt.startsWith('2020-02-03')).map((item) => item.viewedAt)).toEqual(['2020-02-03T08:00:00.000Z']);
  });

  function profilesViewedOn(topic: string): string[] {
    const db = new Database(join(server.dataDir, 'exchange.sqlite'), { readonly: true });
    try {
      const rows = db.prepare('SELECT value FROM messages WHERE topic = ? ORDER BY message_offset').all(topic) as Array<{ value: string | null }>;
      return rows.map((row) => row.value).filter((value): value is string => value !== null && (JSON.parse(value) as { type: string }).type === 'ProfilesViewed');
    } finally {
      db.close();
    }
  }
});
