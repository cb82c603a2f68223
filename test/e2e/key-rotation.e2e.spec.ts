import { randomUUID } from 'node:crypto';
import { unwrap, type FamilybankClient } from '@familybank/api-client';
import type { Envelope } from '@familybank/contracts';
import { DIRECTORY_TOPIC, encodeEnvelope, signEnvelope, topics, type InProcessExchange } from '@familybank/exchange';
import { eventually, registerAvailableFamily } from '../support/journeys';
import { startTestServer, type TestServer } from '../support/api-server';

const A = '0630';
const B = '0265';
const D = '0751'; // partners with B only after the rotation

jest.setTimeout(60_000);

/**
 * B rotates its signing key while partnered with A, with no downtime: it announces a successor
 * (signed by the key A pinned, proven by the successor), A accepts messages signed by either,
 * B retires the old key (signed by the successor), and from then on A accepts the new key only,
 * keeping what the exchange accepted before the retirement.
 */
describe('signing-key rotation between partners', () => {
  let server: TestServer;
  const client: Record<string, FamilybankClient> = {};
  let familyOfB: string;
  let oldPrivateKey: string;
  /** The pseudonym of the family whose profile the test changes; another family of B stays as shared before the rotation. */
  let rotating: string;
  const entry = async (code: string) => (await pool(code)).find((item) => item.pseudonym === rotating);

  const pool = async (code: string) => (await unwrap(client[code]!.GET('/v1/pool', {}))).items;
  const runtime = () => server.app.runtime;
  const directoryEntryOfB = () => runtime().federation.directoryEntry(B);
  const deadLetters = () => runtime().deadLetters.list().filter((letter) => letter.topic === topics.pool(B));

  /** B's latest pool message, changed and signed with `privateKey`: what a node holding that key could publish. */
  function poolMessageSignedWith(privateKey: string, change: { freeCapacity: number; versionStep: number }, messageKey?: string) {
    const latest = (runtime().exchange as InProcessExchange).read(topics.pool(B)).filter((message) => message.value !== null && message.key === rotating).at(-1)!;
    const envelope = JSON.parse(latest.value!) as Envelope;
    const payload = { ...envelope.payload, freeCapacity: change.freeCapacity, version: (envelope.payload.version as number) + change.versionStep };
    const { signature: _old, ...fields } = envelope;
    const signed = signEnvelope({ ...fields, messageId: randomUUID(), occurredAt: new Date().toISOString(), payload }, privateKey);
    return { topic: latest.topic, key: messageKey ?? latest.key, value: encodeEnvelope(signed) };
  }

  beforeAll(async () => {
    server = await startTestServer();
    for (const code of [A, B, D]) {
      client[code] = await server.client(code, ['caseworker', 'approver']);
      await unwrap(client[code]!.GET('/v1/partnerships', {}));
    }
    await partner(A, B);
    await registerAvailableFamily(client[B]!, { capacity: 2 });
    await eventually(async () => expect(await pool(A)).toHaveLength(1));
    const untouched = (await pool(A))[0]!.pseudonym;
    familyOfB = await registerAvailableFamily(client[B]!, { capacity: 1 });
    await eventually(async () => expect(await pool(A)).toHaveLength(2));
    rotating = (await pool(A)).find((item) => item.pseudonym !== untouched)!.pseudonym;
  });
  afterAll(() => server.stop());

  async function partner(proposer: string, accepter: string): Promise<void> {
    const statusAt = async (code: string, other: string) => (await unwrap(client[code]!.GET('/v1/partnerships', {}))).items.find((p) => p.partner === other)?.status;
    await eventually(async () => expect((await unwrap(client[proposer]!.GET('/v1/directory', {}))).items.map((entry) => entry.code)).toContain(accepter));
    await unwrap(client[proposer]!.POST('/v1/partnerships', { body: { partner: accepter } }));
    await eventually(async () => expect(await statusAt(accepter, proposer)).toBe('proposed-to-us'));
    await unwrap(client[accepter]!.POST('/v1/partnerships/{partner}/acceptance', { params: { path: { partner: proposer } }, body: {} }));
    await eventually(async () => expect(await statusAt(proposer, accepter)).toBe('active'));
  }

  it('B announces a successor: A records it beside the key it pinned, and accepts messages signed by either', async () => {
    oldPrivateKey = runtime().identities.identity(B).signing.privateKey;
    await runtime().relay.rotation.announceSuccessor(B);
    const successor = runtime().identities.identity(B).successor!;
    await eventually(async () => expect(directoryEntryOfB()?.successor).toEqual({ signingKey: successor.publicKey, fingerprint: successor.fingerprint }));

    // Signed with the successor during the overlap: accepted.
    await runtime().exchange.publish([poolMessageSignedWith(successor.privateKey, { freeCapacity: 2, versionStep: 1 })]);
    await eventually(async () => expect(await entry(A)).toMatchObject({ freeCapacity: 2 }));
    // Signed with the old key (B's node still signs with it): accepted too.
    await runtime().exchange.publish([poolMessageSignedWith(oldPrivateKey, { freeCapacity: 3, versionStep: 1 })]);
    await eventually(async () => expect(await entry(A)).toMatchObject({ freeCapacity: 3 }));
    expect(deadLetters()).toEqual([]);
    // The partnership still shows the key A pinned: nobody had to accept anything again.
    const pinned = (await unwrap(client[A]!.GET('/v1/partnerships', {}))).items[0]?.partnerKeyFingerprint;
    expect(pinned).toBe(directoryEntryOfB()?.fingerprint);
  });

  it('B retires the old key: its node signs with the successor, which A accepts; the old key no longer counts', async () => {
    const successor = runtime().identities.identity(B).successor!;
    await runtime().relay.rotation.retireSigningKey(B);
    expect(runtime().identities.identity(B)).toMatchObject({ fingerprint: successor.fingerprint });
    expect(runtime().identities.identity(B).successor).toBeUndefined();
    await eventually(async () => expect(directoryEntryOfB()).toMatchObject({ signingKey: successor.publicKey, fingerprint: successor.fingerprint }));
    expect(directoryEntryOfB()?.successor).toBeUndefined();
    // B's own shares and its own tombstones now carry the new key.
    await unwrap(client[B]!.POST('/v1/families/{familyId}/consent/withdrawal', { params: { path: { familyId: familyOfB } }, body: { on: '2026-11-27' } }));
    await eventually(async () => expect(await entry(A)).toBeUndefined());
    await unwrap(client[B]!.POST('/v1/families/{familyId}/consent', { params: { path: { familyId: familyOfB } }, body: { on: '2026-11-27' } }));
    await eventually(async () => expect(await entry(A)).toMatchObject({ municipality: B, freeCapacity: 1 }));
    const before = await pool(A);

    // Whoever still holds the old key can no longer speak for B.
    // (Under another message key: on the compacted topic it would otherwise replace the genuine profile for later readers.)
    await runtime().exchange.publish([poolMessageSignedWith(oldPrivateKey, { freeCapacity: 9, versionStep: 100 }, 'forged-after-retirement')]);
    await eventually(async () => expect(deadLetters().map((letter) => letter.reason)).toEqual(['forged']));
    expect(await pool(A)).toEqual(before);
  });

  it('a partner who pins the new key reads B’s pool, signed before and after the rotation, and refuses the forgery', async () => {
    const before = deadLetters().length;
    await partner(D, B);
    expect((await unwrap(client[D]!.GET('/v1/partnerships', {}))).items[0]?.partnerKeyFingerprint).toBe(runtime().identities.identity(B).fingerprint);
    const shared = (items: Awaited<ReturnType<typeof pool>>) => items.map(({ municipality, freeCapacity, version }) => ({ municipality, freeCapacity, version }));
    await eventually(async () => expect(shared(await pool(D))).toEqual(shared(await pool(A))));
    // Offsets signed with the old key before its retirement were accepted; only the forgery after it is a dead letter (once per offset).
    expect(deadLetters()).toHaveLength(before);
  });

  it('a restart re-announces the new key, and the directory accepts it', async () => {
    await runtime().relay.announce(B);
    await runtime().relay.run();
    expect(directoryEntryOfB()?.fingerprint).toBe(runtime().identities.identity(B).fingerprint);
    expect((await unwrap(client[A]!.GET('/v1/directory', {}))).items.find((entry) => entry.code === B)?.fingerprint).toBe(runtime().identities.identity(B).fingerprint);
    // Every step of the rotation on the directory checked out: nothing refused there.
    await runtime().federation.reconcile();
    expect(runtime().deadLetters.list().filter((letter) => letter.topic === DIRECTORY_TOPIC)).toEqual([]);
  });
});
