import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { unwrap, type FamilybankClient } from '@familybank/api-client';
import { buildApiForProcessTests } from '../support/api-process';
import { makePartners, needs } from '../support/federation';
import { eventually, registerAvailableFamily } from '../support/journeys';
import { restartNode, startNode, stopNode, type Node } from '../support/nodes';

const brokers = process.env.KAFKA_BROKERS;
const root = join(__dirname, '../..');
const kafka = (command: 'start' | 'stop') => execFileSync('bash', [join(root, 'infra/kafka/kafka.sh'), command], { stdio: 'pipe', timeout: 180_000 });

jest.setTimeout(240_000);

if (!brokers) {
  it.skip('Kafka federation skipped: set KAFKA_BROKERS (npm run kafka:start) to run three nodes over the real broker', () => undefined);
}

/**
 * Three municipalities, each on its own node (a separate process with its own SQLite files),
 * joined only by the real Kafka broker, in a namespace of their own.
 */
(brokers ? describe : describe.skip)('three nodes over real Kafka', () => {
  const namespace = `e2e${Date.now()}`;
  let mainJs: string;
  const nodes: Record<string, Node> = {};
  const clients: Record<string, FamilybankClient> = {};
  const [A, B, D] = ['0630', '0265', '0751'];
  let familyOfB: string;

  const env = () => ({ EXCHANGE: 'kafka', KAFKA_BROKERS: brokers!, EXCHANGE_NAMESPACE: namespace });
  const pool = async (code: string) => (await unwrap(clients[code]!.GET('/v1/pool', { params: { query: { limit: 200 } } }))).items;

  /** All values of a topic, read with a plain Kafka client until one carries `untilVersion`. */
  async function readTopic(topic: string, untilVersion: number): Promise<string[]> {
    const consumer = new Kafka({ clientId: 'topic-reader', brokers: brokers!.split(','), logLevel: logLevel.NOTHING }).consumer({ groupId: `${namespace}-reader-${Date.now()}` });
    const values: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void (message.value && values.push(message.value.toString())) });
    await eventually(async () => expect(values.some((value) => value.includes(`"version":${untilVersion}`))).toBe(true), 30_000);
    await consumer.disconnect();
    return values;
  }

  beforeAll(async () => {
    mainJs = buildApiForProcessTests();
    for (const code of [A, B, D]) {
      nodes[code] = await startNode(mainJs, code, env());
      clients[code] = await nodes[code]!.client();
    }
  });
  afterAll(async () => {
    for (const node of Object.values(nodes)) await stopNode(node, 'SIGKILL');
  });

  it('partnerships, the pool and a request for one child work across nodes', async () => {
    await makePartners(clients[A]!, A, clients[B]!, B);
    await makePartners(clients[D]!, D, clients[A]!, A);
    await makePartners(clients[B]!, B, clients[D]!, D);
    familyOfB = await registerAvailableFamily(clients[B]!, {
      capacity: 2,
      registration: { contact: { street: 'Algade 7', postalCode: '4000', city: 'Roskilde', phone: '+45 46 31 31 31', email: 'jensen@roskilde.example' } },
    });
    await eventually(async () => expect(await pool(A)).toEqual([expect.objectContaining({ municipality: B, freeCapacity: 2 })]), 30_000);

    const opened = await unwrap(clients[A]!.POST('/v1/requests', { body: { caseReference: 'KAFKA-1', needs: needs(), responseDeadline: '2026-12-31' } }));
    await unwrap(clients[A]!.POST('/v1/requests/{requestId}/sharing', { params: { path: { requestId: opened.requestId } }, body: {} }));
    const item = await eventually(async () => {
      const { items } = await unwrap(clients[B]!.GET('/v1/inbox', {}));
      expect(items).toHaveLength(1);
      return items[0]!;
    }, 30_000);
    expect(item.candidates[0]).toMatchObject({ familyId: familyOfB });
    const offer = await unwrap(clients[B]!.POST('/v1/inbox/{requester}/{requestId}/offers', { params: { path: { requester: A, requestId: opened.requestId } }, body: { familyId: familyOfB } }));
    await eventually(async () => expect((await unwrap(clients[A]!.GET('/v1/requests/{requestId}', { params: { path: { requestId: opened.requestId } } }))).offers).toHaveLength(1), 30_000);
    await unwrap(clients[A]!.POST('/v1/requests/{requestId}/offers/{offerId}/acceptance', { params: { path: { requestId: opened.requestId, offerId: offer.offerId } }, body: {} }));
    const filled = await eventually(async () => {
      const current = await unwrap(clients[A]!.GET('/v1/requests/{requestId}', { params: { path: { requestId: opened.requestId } } }));
      expect(current.assignment?.contact).toBeDefined();
      return current;
    }, 30_000);
    expect(filled).toMatchObject({ status: 'filled', assignment: { partner: B, contact: { phone: '+45 46 31 31 31' } } });
    await eventually(async () => expect((await pool(A))[0]).toMatchObject({ freeCapacity: 1 }), 30_000);
    await eventually(async () => expect((await pool(D))[0]).toMatchObject({ freeCapacity: 1 }), 30_000);
  });

  it('a plain Kafka client finds no personal data in clear on any topic', async () => {
    const consumer = new Kafka({ clientId: 'pii-scan', brokers: brokers!.split(','), logLevel: logLevel.NOTHING }).consumer({ groupId: `${namespace}-pii-${Date.now()}` });
    const admin = new Kafka({ clientId: 'pii-scan-admin', brokers: brokers!.split(','), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(`${namespace}.`));
    await admin.disconnect();
    expect(topics).toEqual(expect.arrayContaining([`${namespace}.familybank.0265.pool.v1`, `${namespace}.familybank.0265.disclosures.v1`, `${namespace}.familybank.directory.v1`]));
    const values: string[] = [];
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void values.push(message.value?.toString() ?? '') });
    await eventually(async () => expect(values.some((value) => value.includes('ContactDetailsDisclosed'))).toBe(true), 30_000);
    await consumer.disconnect();
    const everything = values.join('\n');
    for (const personal of ['Algade', '46 31 31 31', 'jensen@roskilde', 'Mette Hansen', 'Jens Hansen', 'KAFKA-1']) expect(everything).not.toContain(personal);
  });

  it('broker outage: commands go on locally; after the broker returns every change arrives, none twice', async () => {
    const family = await unwrap(clients[B]!.GET('/v1/families/{familyId}', { params: { path: { familyId: familyOfB } } }));
    kafka('stop');
    try {
      let revision = family.revision;
      for (let n = 0; n < 1000; n++) {
        const changed = await unwrap(
          clients[B]!.POST('/v1/families/{familyId}/availability', { params: { path: { familyId: familyOfB } }, body: { capacity: (n % 2) + 1, periods: [{ from: '2026-12-01', to: '2027-06-30' }], patterns: ['weekends'] } }),
        );
        revision = changed.revision;
      }
      await eventually(async () => {
        const ready = await (await fetch(`${nodes[B]!.process.baseUrl}/ready`)).json();
        expect(ready).toMatchObject({ status: 'degraded', checks: { exchange: { status: 'degraded' } } });
      }, 90_000);
      kafka('start');
      await eventually(async () => expect((await pool(A))[0]).toMatchObject({ version: revision, freeCapacity: 1 }), 90_000);
      expect(await pool(A)).toHaveLength(1);
      // On the topic itself: every published version of the family once, in increasing order.
      const versions = (await readTopic(`${namespace}.familybank.0265.pool.v1`, revision)).map((value) => (JSON.parse(value) as { payload: { version: number } }).payload.version);
      expect(versions.at(-1)).toBe(revision);
      expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
    } finally {
      kafka('start');
    }
  });

  it('crash: a node killed while publishing loses nothing, and partners’ views equal a view rebuilt from scratch', async () => {
    for (let n = 0; n < 5; n++) await registerAvailableFamily(clients[B]!, { registration: { sourceDetail: `crash ${n}` } });
    nodes[B]!.process.child.kill('SIGKILL');
    // After SIGKILL the broker keeps the dead node's consumers until their session times out (~30 s).
    nodes[B] = await restartNode(mainJs, nodes[B]!, 120_000);
    clients[B] = await nodes[B]!.client();
    await eventually(async () => expect(await pool(A)).toHaveLength(6), 60_000);
    // A fourth node joining now bootstraps B's whole pool from the compacted topic: the view from scratch.
    const fresh = await startNode(mainJs, '0101', env());
    try {
      const copenhagen = await fresh.client();
      await makePartners(clients[B]!, B, copenhagen, '0101');
      await eventually(async () => {
        const rebuilt = (await unwrap(copenhagen.GET('/v1/pool', { params: { query: { limit: 200 } } }))).items;
        const fromA = await pool(A);
        const key = (items: typeof fromA) => items.map((p) => `${p.pseudonym}:${p.version}:${p.freeCapacity}`).sort();
        expect(key(rebuilt)).toEqual(key(fromA));
      }, 60_000);
    } finally {
      await stopNode(fresh, 'SIGKILL');
    }
  });
});
