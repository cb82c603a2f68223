import { randomUUID } from 'node:crypto';
import { unwrap, type FamilybankClient } from '@familybank/api-client';
import type { Envelope } from '@familybank/contracts';
import { DIRECTORY_TOPIC, encodeEnvelope, signEnvelope, topics, type InProcessExchange } from '@familybank/exchange';
import { eventually, registerAvailableFamily } from '../support/journeys';
import { startTestServer, type TestServer } from '../support/api-server';

const A = '0630';
const B = '0265';

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

  const pool = async (code: string) => (await unwrap(client[code]!.GET('/v1/pool', {}))).items;
  const runtime = () => server.app.runtime;
  const directoryEntryOfB = () => runtime().federation.directoryEntry(B);
  const deadLetters = () => runtime().deadLetters.list().filter((letter) => letter.topic === topics.pool(B));

  /** B's latest pool message, changed and signed with `privateKey`: what a node holding that key could publish. */
  function poolMessageSignedWith(privateKey: string, change: { freeCapacity: number; versionStep: number }) {
    const latest = (runtime().exchange as InProcessExchange).read(topics.pool(B)).filter((message) => message.value !== null).at(-1)!;
    const envelope = JSON.parse(latest.value!) as Envelope;
    const payload = { ...envelope.payload, freeCapacity: change.freeCapacity, version: (envelope.payload.version as number) + change.versionStep };
    const { signature: _old, ...fields } = envelope;
    const signed = signEnvelope({ ...fields, messageId: randomUUID(), occurredAt: new Date().toISOString(), payload }, privateKey);
    return { topic: latest.topic, key: latest.key, value: encodeEnvelope(signed) };
  }

  beforeAll(async () => {
    server = await startTestServer();
    for (const code of [A, B]) {
      client[code] = await server.client(code, ['caseworker', 'approver']);
      await unwrap(client[code]!.GET('/v1/partnerships', {}));
    }
    await eventually(async () => expect((await unwrap(client[A]!.GET('/v1/directory', {}))).items.map((entry) => entry.code)).toContain(B));
    await unwrap(client[A]!.POST('/v1/partnerships', { body: { partner: B } }));
    await eventually(async () => expect((await unwrap(client[B]!.GET('/v1/partnerships', {}))).items[0]?.status).toBe('proposed-to-us'));
    await unwrap(client[B]!.POST('/v1/partnerships/{partner}/acceptance', { params: { path: { partner: A } }, body: {} }));
    await eventually(async () => expect((await unwrap(client[A]!.GET('/v1/partnerships', {}))).items[0]?.status).toBe('active'));
    familyOfB = await registerAvailableFamily(client[B]!, { capacity: 1 });
    await eventually(async () => expect(await pool(A)).toEqual([expect.objectContaining({ municipality: B, freeCapacity: 1 })]));
  });
  afterAll(() => server.stop());

  it('B announces a successor: A records it beside the key it pinned, and accepts messages signed by either', async () => {
    oldPrivateKey = runtime().identities.identity(B).signing.privateKey;
    await runtime().relay.rotation.announceSuccessor(B);
    const successor = runtime().identities.identity(B).successor!;
    await eventually(async () => expect(directoryEntryOfB()?.successor).toEqual({ signingKey: successor.publicKey, fingerprint: successor.fingerprint }));

    // Signed with the successor during the overlap: accepted.
    await runtime().exchange.publish([poolMessageSignedWith(successor.privateKey, { freeCapacity: 2, versionStep: 1 })]);
    await eventually(async () => expect((await pool(A))[0]).toMatchObject({ freeCapacity: 2 }));
    // Signed with the old key (B's node still signs with it): accepted too.
    await runtime().exchange.publish([poolMessageSignedWith(oldPrivateKey, { freeCapacity: 3, versionStep: 1 })]);
    await eventually(async () => expect((await pool(A))[0]).toMatchObject({ freeCapacity: 3 }));
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
    await eventually(async () => expect(await pool(A)).toEqual([]));
    await unwrap(client[B]!.POST('/v1/families/{familyId}/consent', { params: { path: { familyId: familyOfB } }, body: { on: '2026-11-27' } }));
    await eventually(async () => expect(await pool(A)).toEqual([expect.objectContaining({ municipality: B })]));
    const before = await pool(A);

    // Whoever still holds the old key can no longer speak for B.
    await runtime().exchange.publish([poolMessageSignedWith(oldPrivateKey, { freeCapacity: 9, versionStep: 100 })]);
    await eventually(async () => expect(deadLetters().map((letter) => letter.reason)).toEqual(['forged']));
    expect(await pool(A)).toEqual(before);
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
