import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import type { PartnershipCommand } from '@familybank/domain-partnership';
import { SqliteEventStore, type EventStore } from '@familybank/event-store';
import { generateSigningKeys, KafkaAclAdmin, KafkaExchange, NamespacedExchange, publicKeyFingerprint, topics, type Exchange } from '@familybank/exchange';
import { ALL_PROJECTIONS, DocumentStore, ProjectionRunner } from '@familybank/read-models';
import { CommandGateway } from '../platform/commands/command-gateway';
import { BrokerAclManager } from './broker-acl-manager';
import { DEFAULT_PRINCIPAL_TEMPLATE, principalTemplate } from './broker-acls';
import { openSecureBroker, secureBrokerUnavailable, type SecureBroker } from './testing/secure-broker';

// A broker start (when .ci/run did not start one) and consumer-group joins take seconds.
jest.setTimeout(240_000);

const unavailable = secureBrokerUnavailable();
if (unavailable) it.skip(`Broker ACL tests skipped: ${unavailable}`, () => undefined);

/**
 * Three municipalities, each a principal of its own on the secure broker, with the ACL manager of
 * its node driven by its partnership records. Codes used by no other test of the secure broker:
 * each manager owns every ACL of its principal.
 */
(unavailable ? describe.skip : describe)('broker ACLs on the secure broker (SASL/SCRAM, StandardAuthorizer)', () => {
  const [OWNER, PARTNER, STRANGER] = ['0301', '4601', '5001'] as const;
  type Code = typeof OWNER | typeof PARTNER | typeof STRANGER;
  const namespace = `acl${Date.now()}`;
  const ns = (topic: string) => `${namespace}.${topic}`;
  let broker: SecureBroker;
  let dir: string;
  const nodes = {} as Record<Code, { events: EventStore; documents: DocumentStore; gateway: CommandGateway; projections: ProjectionRunner; manager: BrokerAclManager; exchange: Exchange }>;
  const clients: Array<{ disconnect(): Promise<void> }> = [];

  const kafkaAs = (code: Code) => new Kafka({ clientId: `acl-test-${code}`, brokers: broker.brokers, sasl: broker.sasl(`familybank-${code}`), logLevel: logLevel.NOTHING, retry: { retries: 2, maxRetryTime: 1000 } });

  beforeAll(async () => {
    broker = openSecureBroker();
    dir = mkdtempSync(join(tmpdir(), 'familybank-acls-'));
    for (const code of [OWNER, PARTNER, STRANGER]) {
      const events = SqliteEventStore.open({ filename: join(dir, `${code}-events.sqlite`), synchronous: 'NORMAL' });
      const documents = new DocumentStore(join(dir, `${code}-read.sqlite`), { synchronous: 'NORMAL' });
      const admin = await KafkaAclAdmin.connect({ brokers: broker.brokers, clientId: `acl-manager-${code}`, sasl: broker.admin() });
      const manager = new BrokerAclManager(admin, documents, {
        served: () => [code],
        principalOf: principalTemplate(DEFAULT_PRINCIPAL_TEMPLATE),
        groupPrefix: ns(`node-${code}.`),
        namespace,
        // Every sync reads the broker's ACLs again, so the test sees what the broker holds.
        recheckAfterMs: 0,
      });
      // Before the node connects: its idempotent producer needs the right to write somewhere.
      await manager.sync();
      const kafka = await KafkaExchange.connect({ brokers: broker.brokers, clientId: `familybank-node-${code}`, sasl: broker.sasl(`familybank-${code}`), maxWaitTimeInMs: 250 });
      const exchange = new NamespacedExchange(kafka, namespace);
      nodes[code] = { events, documents, gateway: new CommandGateway(events, () => new Date()), projections: new ProjectionRunner(events, documents, ALL_PROJECTIONS), manager, exchange };
    }
  });

  afterAll(async () => {
    await Promise.allSettled(clients.map((client) => client.disconnect()));
    if (broker) await deleteNamespace(broker, namespace);
    for (const node of Object.values(nodes)) {
      // Back to no partnerships: the principals keep only their own rights.
      await node.exchange.close();
      await node.manager.close();
      await node.events.close();
      node.documents.close();
    }
    broker?.release();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function partnership(own: Code, partner: Code, command: PartnershipCommand): Promise<void> {
    const node = nodes[own];
    await node.gateway.execute({ aggregate: 'partnership', id: partner, command }, { municipality: own, actor: 'liaison', commandId: randomUUID(), correlationId: randomUUID() });
    await node.projections.catchUp();
    await node.manager.sync();
  }

  /** The values on a topic as `code` reads them with a plain consumer in its node's group prefix, or the broker's refusal. */
  async function readAs(code: Code, topic: string, expected: number): Promise<{ values: string[] } | { refused: string }> {
    const consumer = kafkaAs(code).consumer({ groupId: ns(`node-${code}.reader-${randomUUID().slice(0, 8)}`), maxWaitTimeInMs: 250 });
    clients.push(consumer);
    const values: string[] = [];
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [ns(topic)], fromBeginning: true });
      const crashed = new Promise<string>((resolve) => consumer.on(consumer.events.CRASH, ({ payload }) => resolve(String(payload.error))));
      await consumer.run({ eachMessage: async ({ message }) => void values.push(message.value?.toString() ?? 'null') });
      const done = await Promise.race([crashed, until(() => values.length >= expected, 30_000).then(() => undefined)]);
      return done === undefined ? { values } : { refused: done };
    } catch (error) {
      return { refused: `${(error as { type?: string }).type ?? ''} ${String(error)}` };
    } finally {
      await consumer.disconnect();
    }
  }

  it('each node writes its own topics: the owner publishes on its pool', async () => {
    await nodes[OWNER].exchange.ensureTopic(topics.pool(OWNER), { compacted: true });
    await nodes[OWNER].exchange.publish([{ topic: topics.pool(OWNER), key: 'family-1', value: 'profile-1' }]);
    expect(await readAs(OWNER, topics.pool(OWNER), 1)).toEqual({ values: ['profile-1'] });
  });

  it('a non-partner’s consumer is refused by the broker itself (TOPIC_AUTHORIZATION_FAILED)', async () => {
    expect(await readAs(STRANGER, topics.pool(OWNER), 1)).toEqual({ refused: expect.stringMatching(/TOPIC_AUTHORIZATION_FAILED|Not authorized to access topics/) });
  });

  it('a node cannot write as another municipality: producing on its topics is refused by the broker', async () => {
    const producer = kafkaAs(STRANGER).producer({ idempotent: true, maxInFlightRequests: 1 });
    clients.push(producer);
    await producer.connect();
    await expect(producer.send({ topic: ns(topics.pool(OWNER)), acks: -1, messages: [{ key: 'family-1', value: 'forged' }] })).rejects.toThrow(/authoriz/i);
    // Nor can it create (or even see) the owner's topics, while its own are its to write.
    await expect(nodes[STRANGER].exchange.ensureTopic(topics.offers(OWNER), { compacted: false })).rejects.toThrow(/does not exist/);
    await nodes[STRANGER].exchange.ensureTopic(topics.offers(STRANGER), { compacted: false });
    await expect(nodes[STRANGER].exchange.publish([{ topic: topics.offers(STRANGER), key: 'k', value: 'own' }])).resolves.toBeUndefined();
  });

  it('after a partnership is activated the partner reads the owner’s topics; after it ends it cannot', async () => {
    const ownerKey = generateSigningKeys().publicKey;
    await partnership(PARTNER, OWNER, { type: 'ProposePartnership', data: { partner: OWNER } });
    expect(await readAs(PARTNER, topics.pool(OWNER), 1)).toEqual({ refused: expect.stringMatching(/TOPIC_AUTHORIZATION_FAILED|Not authorized/) });

    await partnership(PARTNER, OWNER, { type: 'RecordPartnerAcceptance', data: { partnerKey: { publicKey: ownerKey, fingerprint: publicKeyFingerprint(ownerKey) } } });
    expect(await readAs(PARTNER, topics.pool(OWNER), 1)).toEqual({ values: ['profile-1'] });
    // Reading is all: the partner still cannot write the owner's topics.
    await expect(nodes[PARTNER].exchange.publish([{ topic: topics.pool(OWNER), key: 'family-1', value: 'forged' }])).rejects.toThrow(/authoriz/i);
    // And a third municipality is still refused.
    expect(await readAs(STRANGER, topics.pool(OWNER), 1)).toEqual({ refused: expect.stringMatching(/TOPIC_AUTHORIZATION_FAILED|Not authorized/) });

    await partnership(PARTNER, OWNER, { type: 'RevokePartnership', data: { reason: 'test' } });
    expect(await readAs(PARTNER, topics.pool(OWNER), 1)).toEqual({ refused: expect.stringMatching(/TOPIC_AUTHORIZATION_FAILED|Not authorized/) });
  });

  it('applying again changes nothing (idempotent), and a rule removed behind its back is restored', async () => {
    expect(await nodes[PARTNER].manager.sync()).toEqual({ create: [], delete: [] });
    const admin = await KafkaAclAdmin.connect({ brokers: broker.brokers, clientId: 'acl-test-drift', sasl: broker.admin() });
    const write = { principal: `User:familybank-${PARTNER}`, resourceType: 'topic', patternType: 'prefixed', resourceName: `${namespace}.familybank.${PARTNER}.`, operation: 'write' } as const;
    await admin.delete([write]);
    await admin.close();
    expect(await nodes[PARTNER].manager.sync()).toEqual({ create: [write], delete: [] });
  });
});

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Not reached within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The run's topics go; its ACLs go at the next run's first sync (each manager owns its principal's ACLs). */
async function deleteNamespace(broker: SecureBroker, namespace: string): Promise<void> {
  const admin = new Kafka({ clientId: 'acl-test-cleanup', brokers: broker.brokers, sasl: broker.admin(), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const mine = (await admin.listTopics()).filter((topic) => topic.startsWith(`${namespace}.`));
    if (mine.length) await admin.deleteTopics({ topics: mine });
  } finally {
    await admin.disconnect();
  }
}
