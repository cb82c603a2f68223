import { unwrap, type FamilybankClient } from '@familybank/api-client';
import { KafkaAclAdmin, type BrokerAcl } from '@familybank/exchange';
import { openSecureBroker, secureBrokerUnavailable, type SecureBroker } from '../../apps/api/src/federation/testing/secure-broker';
import { buildApiForProcessTests } from '../support/api-process';
import { makePartners } from '../support/federation';
import { eventually, registerAvailableFamily } from '../support/journeys';
import { startNode, stopNode, type Node } from '../support/nodes';

jest.setTimeout(300_000);

const unavailable = secureBrokerUnavailable();
if (unavailable) it.skip(`Secure Kafka federation skipped: ${unavailable}`, () => undefined);

/**
 * Two municipalities' nodes on the secure broker (SASL/SCRAM, ACLs), each signing in as its own
 * principal and running the ACL manager: the partnership made through the API grants each the
 * other's topics, the pool and its signed tombstones flow, and revoking takes the grants away.
 * Principals 0630 and 0265 are used by no other test of the secure broker.
 */
(unavailable ? describe.skip : describe)('two nodes over the secure broker, ACLs following the partnership', () => {
  const [A, B] = ['0630', '0265'];
  const namespace = `sec${Date.now()}`;
  let broker: SecureBroker;
  let admin: KafkaAclAdmin;
  const nodes: Record<string, Node> = {};
  const clients: Record<string, FamilybankClient> = {};

  const env = (code: string) => {
    const own = broker.sasl(`familybank-${code}`) as { username: string; password: string };
    const superUser = broker.admin() as { username: string; password: string };
    return {
      EXCHANGE: 'kafka',
      KAFKA_BROKERS: broker.brokers.join(','),
      EXCHANGE_NAMESPACE: namespace,
      KAFKA_SASL_MECHANISM: 'scram-sha-512',
      KAFKA_SASL_USERNAME: own.username,
      KAFKA_SASL_PASSWORD: own.password,
      KAFKA_ACL_ADMIN_USERNAME: superUser.username,
      KAFKA_ACL_ADMIN_PASSWORD: superUser.password,
    };
  };
  const pool = async (code: string) => (await unwrap(clients[code]!.GET('/v1/pool', { params: { query: { limit: 200 } } }))).items;
  /** The topics `reader` may read on the broker now (prefixes of other municipalities). */
  const readable = async (reader: string) =>
    (await admin.list([`User:familybank-${reader}`]))
      .filter((acl: BrokerAcl) => acl.operation === 'read' && acl.resourceType === 'topic' && !acl.resourceName.includes(`familybank.${reader}.`) && !acl.resourceName.endsWith('directory.v1'))
      .map((acl) => acl.resourceName);

  beforeAll(async () => {
    broker = openSecureBroker();
    admin = await KafkaAclAdmin.connect({ brokers: broker.brokers, clientId: 'secure-e2e-observer', sasl: broker.admin() });
    const mainJs = buildApiForProcessTests();
    for (const code of [A, B]) {
      nodes[code] = await startNode(mainJs, code, env(code));
      clients[code] = await nodes[code]!.client();
    }
  });
  afterAll(async () => {
    for (const node of Object.values(nodes)) await stopNode(node, 'SIGKILL');
    await admin?.close();
    broker?.release();
  });

  it('before any partnership, neither node may read the other', async () => {
    expect(await readable(A)).toEqual([]);
    expect(await readable(B)).toEqual([]);
  });

  it('the partnership grants each the other’s prefix; the pool and its signed tombstones flow', async () => {
    await makePartners(clients[A]!, A, clients[B]!, B);
    await eventually(async () => expect(await readable(A)).toEqual([`${namespace}.familybank.${B}.`]), 30_000);
    await eventually(async () => expect(await readable(B)).toEqual([`${namespace}.familybank.${A}.`]), 30_000);

    const familyOfB = await registerAvailableFamily(clients[B]!, {});
    await eventually(async () => expect(await pool(A)).toEqual([expect.objectContaining({ municipality: B })]), 30_000);
    await unwrap(clients[B]!.POST('/v1/families/{familyId}/consent/withdrawal', { params: { path: { familyId: familyOfB } }, body: { on: '2026-11-27' } }));
    // Only a tombstone signed by B (headers, checked against B's pinned key) takes it out.
    await eventually(async () => expect(await pool(A)).toEqual([]), 30_000);
  });

  it('revoking the partnership takes both grants away', async () => {
    await unwrap(clients[A]!.POST('/v1/partnerships/{partner}/revocation', { params: { path: { partner: B } }, body: {} }));
    await eventually(async () => expect(await readable(A)).toEqual([]), 30_000);
    await eventually(async () => expect(await readable(B)).toEqual([]), 30_000);
    // Consumers close before their grants go: nothing stopped on an authorization error, no sync failed.
    for (const code of [A, B]) {
      const log = nodes[code]!.process.output();
      expect(log).toMatch(/Broker ACLs: 0 granted, 3 revoked/);
      expect(log).not.toMatch(/AUTHORIZATION_FAILED|Not authorized|Broker ACLs not applied/);
    }
  });
});
