import Database from 'better-sqlite3';
import { join } from 'node:path';
import { unwrap, type FamilybankClient } from '@familybank/api-client';
import { encodeEnvelope, signEnvelope, topics } from '@familybank/exchange';
import { eventually, registerAvailableFamily } from '../support/journeys';
import { startTestServer, type TestServer } from '../support/api-server';

const A = '0630'; // Vejle
const B = '0265'; // Roskilde
const C = '0101'; // København: nobody's partner
const D = '0751'; // Aarhus: partner of A and B

/**
 * Four municipalities on one node. Partnerships are proposed and accepted over the directory
 * topic; each municipality's anonymized pool reaches only its active partners.
 */
describe('partnerships and the anonymized shared pool', () => {
  let server: TestServer;
  const client: Record<string, FamilybankClient> = {};
  let familyOfB: string;

  beforeAll(async () => {
    server = await startTestServer();
    for (const code of [A, B, C, D]) {
      client[code] = await server.client(code, ['caseworker', 'approver']);
      await unwrap(client[code]!.GET('/v1/partnerships', {})); // creates and announces the municipality's key
    }
  });
  afterAll(() => server.stop());

  const partnerships = async (code: string) => unwrap(client[code]!.GET('/v1/partnerships', {}));
  const statusOf = async (code: string, partner: string) => (await partnerships(code)).items.find((p) => p.partner === partner)?.status;
  const pool = async (code: string) => (await unwrap(client[code]!.GET('/v1/pool', {}))).items;

  async function partner(proposer: string, accepter: string) {
    await eventually(async () => expect((await unwrap(client[proposer]!.GET('/v1/directory', {}))).items.map((e) => e.code)).toContain(accepter));
    await unwrap(client[proposer]!.POST('/v1/partnerships', { body: { partner: accepter } }));
    await eventually(async () => expect(await statusOf(accepter, proposer)).toBe('proposed-to-us'));
    await unwrap(client[accepter]!.POST('/v1/partnerships/{partner}/acceptance', { params: { path: { partner: proposer } }, body: {} }));
    await eventually(async () => expect(await statusOf(proposer, accepter)).toBe('active'));
  }

  it('a partnership becomes active on both sides, each pinning the key whose fingerprint the other shows', async () => {
    await partner(A, B);
    await partner(D, A);
    await partner(B, D);
    const [a, b] = [await partnerships(A), await partnerships(B)];
    expect(a.items.find((p) => p.partner === B)?.partnerKeyFingerprint).toBe(b.ownKeyFingerprint);
    expect(b.items.find((p) => p.partner === A)?.partnerKeyFingerprint).toBe(a.ownKeyFingerprint);
    expect(b.items.find((p) => p.partner === A)?.partnerName).toBe('Vejle');
    expect((await partnerships(C)).items).toEqual([]);
  });

  it('accepting a partnership nobody proposed is refused; proposing to oneself too', async () => {
    const unasked = await client[C]!.POST('/v1/partnerships/{partner}/acceptance', { params: { path: { partner: A } }, body: {} });
    expect(unasked.response.status).toBe(404);
    const self = await client[C]!.POST('/v1/partnerships', { body: { partner: C } });
    expect(self.error).toMatchObject({ status: 422, code: 'PARTNERSHIP.WITH_ITSELF' });
  });

  it('an available, consenting family of B reaches the pools of A and D, never C, and never B’s own', async () => {
    familyOfB = await registerAvailableFamily(client[B]!, { registration: { contact: { street: 'Algade 7', postalCode: '4000', city: 'Roskilde', phone: '+45 46 31 31 31', email: 'jensen@roskilde.example' } } });
    await registerAvailableFamily(client[B]!, { consent: false });
    for (const viewer of [A, D]) {
      await eventually(async () => expect(await pool(viewer)).toEqual([expect.objectContaining({ municipality: B, region: 'DK-83', careTypes: ['respite', 'contact'], freeCapacity: 1 })]));
    }
    expect(await pool(C)).toEqual([]);
    expect(await pool(B)).toEqual([]);
    const seenByA = JSON.stringify(await pool(A));
    for (const personal of ['Hansen', 'Algade', '4000', 'Roskilde', '46 31 31 31', 'jensen@', familyOfB]) expect(seenByA).not.toContain(personal);
  });

  it('withdrawing consent removes the family from the partners’ pools (tombstone)', async () => {
    await unwrap(client[B]!.POST('/v1/families/{familyId}/consent/withdrawal', { params: { path: { familyId: familyOfB } }, body: { on: '2026-11-27' } }));
    await eventually(async () => expect(await pool(A)).toEqual([]));
    await unwrap(client[B]!.POST('/v1/families/{familyId}/consent', { params: { path: { familyId: familyOfB } }, body: { on: '2026-11-27' } }));
    await eventually(async () => expect(await pool(A)).toHaveLength(1));
  });

  it('a forged message on B’s pool topic changes nothing and lands in the dead letters', async () => {
    const before = await pool(A);
    const genuine = before[0]!;
    const forger = server.app.runtime.identities.identity(C);
    const forgedProfile = { ...genuine, freeCapacity: 9, version: genuine.version + 100 };
    const forged = signEnvelope(
      { messageId: '7d0f7a7e-2f0f-4f6e-9a4e-1c2b3d4e5f60', type: 'SharedProfilePublished', schemaVersion: 1, occurredAt: new Date().toISOString(), source: B, correlationId: 'forgery', payload: forgedProfile },
      forger.signing.privateKey,
    );
    const { signature: _signature, ...unsigned } = forged;
    const ownSigned = signEnvelope({ ...unsigned, messageId: '7d0f7a7e-2f0f-4f6e-9a4e-1c2b3d4e5f61', source: C }, forger.signing.privateKey);
    await server.app.runtime.exchange.publish([
      // Other keys than the genuine entry's: the pool topic is compacted, so a later message with the
      // same key would replace the earlier one before anyone read it.
      { topic: topics.pool(B), key: 'forged-with-another-key', value: encodeEnvelope(forged) },
      { topic: topics.pool(B), key: 'signed-by-the-wrong-municipality', value: encodeEnvelope(ownSigned) },
      { topic: topics.pool(B), key: 'not-even-json', value: '{"garbage"' },
    ]);
    await eventually(async () =>
      expect(server.app.runtime.deadLetters.list().map((letter) => letter.reason)).toEqual(expect.arrayContaining(['forged', 'unknown-source', 'malformed'])),
    );
    const reasons = server.app.runtime.deadLetters.list().filter((letter) => letter.topic === topics.pool(B));
    expect(reasons.length).toBeGreaterThanOrEqual(3);
    expect(await pool(A)).toEqual(before);
  });

  it('revoking a partnership removes the revoked partner’s entries from the pool on both sides', async () => {
    await unwrap(client[A]!.POST('/v1/partnerships/{partner}/revocation', { params: { path: { partner: B } }, body: { reason: 'Agreement ended' } }));
    await eventually(async () => expect(await statusOf(B, A)).toBe('revoked'));
    await eventually(async () => expect(await pool(A)).toEqual([]));
    expect(await pool(D)).toHaveLength(1);
  });

  it('nothing personal is in any message on the exchange', async () => {
    const db = new Database(join(server.dataDir, 'exchange.sqlite'), { readonly: true });
    const rows = db.prepare('SELECT * FROM messages').all() as Array<Record<string, unknown>>;
    db.close();
    expect(rows.length).toBeGreaterThan(10);
    const values = rows.map((row) => JSON.stringify(row)).join('\n');
    for (const personal of ['Mette Hansen', 'Jens Hansen', 'Søndergade', 'Algade', '20 30 40 50', '46 31 31 31', 'hansen@example.dk', 'jensen@roskilde.example']) {
      expect(values).not.toContain(personal);
    }
  });
});
