import { join } from 'node:path';
import { processManagersWith } from '@familybank/domain-workflows';
import { EventStoreDbEventStore, SqliteEventStore, type EventStore } from '@familybank/event-store';
import { DeadLetterStore, InProcessExchange, encryptionKeyFingerprint, KafkaAclAdmin, KafkaExchange, NamespacedExchange, openSealedBox, type Exchange, type SealedBox } from '@familybank/exchange';
import { ALL_PROJECTIONS, DocumentStore, FamilyQueries, ProjectionRunner } from '@familybank/read-models';
import type { DevKeys } from '../platform/auth/dev-keys';
import { openIdentity } from '../platform/auth/identity';
import type { TokenVerifier } from '../platform/auth/token-verifier';
import type { AppConfig } from '../platform/config/config';
import { kafkaClientSecurity } from '../platform/config/kafka-config';
import { BrokerAclManager } from '../federation/broker-acl-manager';
import { principalTemplate } from '../federation/broker-acls';
import { aggregateRegistry } from '../platform/commands/aggregate-registry';
import { CommandGateway } from '../platform/commands/command-gateway';
import { ReadSide } from '../platform/commands/read-side';
import { DEMO_MUNICIPALITIES } from './demo/demo-municipalities';
import { FederationConsumer } from '../federation/federation-consumer';
import { adoptLegacyFacts } from '../federation/legacy-facts';
import { MunicipalityIdentities } from '../federation/municipality-identities';
import { OutboxRelay, STALE_SWEEP_MS } from '../federation/outbox-relay';
import { partnershipStepOutgoing, partnershipStepCommand } from '../partnerships';
import { PartnerPoolConsumer, PoolPublication, familyOfPseudonym } from '../pool';
import { RelayStore } from '../federation/relay-store';
import { RequestMessages } from '../requests/request-messages';
import { IdempotencyStore } from '../platform/http/idempotency.store';
import { ProcessManagerRunner } from '../workflows/process-manager-runner';
import { WorkflowStore } from '../workflows/workflow-store';
import type { Clock } from '../platform/tokens';
import { partnerMessageDispatcher } from './partner-messages';
import { preparePrivateDataDirectory } from './private-data-dir';
import { DeliveryStore } from '../webhooks/delivery-store';
import { WebhookSecrets } from '../webhooks/webhook-secrets';
import { WebhookWorker } from '../webhooks/webhook-worker';
import { EncryptingEventStore } from '../privacy/encrypting-event-store';
import type { KeyStore } from '../privacy/key-store';
import { loadMasterKey } from '../privacy/master-key';
import { ErasureProcessor } from '../privacy/erasure-processor';
import { ErasureProgress } from '../privacy/erasure-progress';
import { KEYS_FILE, SqliteKeyStore } from '../privacy/sqlite-key-store';

/** The read models' file under DATA_DIR: disposable (see `npm run rebuild-projections`). */
export const READ_MODELS_FILE = 'read-models.sqlite';

/** Everything with a file handle or connection: created before Nest starts, closed after it stops. */
export interface Runtime {
  config: AppConfig;
  clock: Clock;
  eventStore: EventStore;
  documents: DocumentStore;
  projections: ProjectionRunner;
  /** The one command path (HTTP, partner messages, sweeps). */
  gateway: CommandGateway;
  /** Where responses wait for the read models to show their command. */
  readSide: ReadSide;
  queries: FamilyQueries;
  idempotency: IdempotencyStore;
  /** The development issuer's keys; absent when an identity provider is configured (always in production). */
  devKeys?: DevKeys;
  tokenVerifier: TokenVerifier;
  exchange: Exchange;
  deadLetters: DeadLetterStore;
  identities: MunicipalityIdentities;
  relay: OutboxRelay;
  federation: FederationConsumer;
  /** The workflows (process managers), driven from the event log. */
  workflows: ProcessManagerRunner;
  /** Outbound webhooks: subscriptions, deliveries, retries and dead letters (deliveries.sqlite). */
  webhooks: WebhookWorker;
  webhookDeliveries: DeliveryStore;
  webhookSecrets: WebhookSecrets;
  /** Carries out recorded erasures: destroys keys, rebuilds the read models, truncates WALs, withdraws from partners. */
  erasures: ErasureProcessor;
  /** What time alone changes (approvals and requests that ran out): runs the workflows' tick and waits for the read models. */
  sweep(): Promise<Record<string, number>>;
  /** Starts publishing and consuming; called once the API is ready. */
  startFederation(): Promise<void>;
  close(): Promise<void>;
}

export async function openRuntime(config: AppConfig, clock: Clock = () => new Date()): Promise<Runtime> {
  preparePrivateDataDirectory(config.DATA_DIR);
  // First: a misconfigured identity provider stops start-up before any file is opened.
  const { devKeys, verifier: tokenVerifier } = await openIdentity(config);
  const keys = openKeyStore(config);
  const eventStore = await openEventStore(config, keys);
  // Every document is a projection of the log: the file can be deleted and is rebuilt at start
  // (its commits need no fsync: see DocumentStore).
  const documents = new DocumentStore(join(config.DATA_DIR, READ_MODELS_FILE));
  const projections = new ProjectionRunner(eventStore, documents, ALL_PROJECTIONS);
  // A disclosure is sealed to the requester's announced key: the offer's handler looks it up.
  const gateway = new CommandGateway(eventStore, clock, aggregateRegistry({ encryptionKeyFingerprintOf: (code) => encryptionKeyOf(federation, code) }));
  const readSide = new ReadSide(projections);
  // NORMAL: workflow progress lost to a power cut is replayed from the log, and replayed commands carry the same ids.
  const workflowStore = new WorkflowStore(join(config.DATA_DIR, 'workflows.sqlite'), { synchronous: 'NORMAL' });
  const workflows = new ProcessManagerRunner(eventStore, workflowStore, gateway, processManagersWith({ retentionDaysAfterClose: config.RETENTION_DAYS_AFTER_CLOSE }), clock);
  // What was promised to receivers and what they answered: its own file, never rebuilt with the read models.
  const webhookDeliveries = new DeliveryStore(join(config.DATA_DIR, 'deliveries.sqlite'), { synchronous: config.SQLITE_SYNCHRONOUS });
  const webhookSecrets = new WebhookSecrets(config.DATA_DIR);
  const webhooks = new WebhookWorker(eventStore, webhookDeliveries, webhookSecrets, clock, {
    retry: { maxAttempts: config.WEBHOOK_MAX_ATTEMPTS, baseDelayMs: config.WEBHOOK_RETRY_BASE_MS, maxDelayMs: config.WEBHOOK_RETRY_MAX_MS },
    timeoutMs: config.WEBHOOK_TIMEOUT_MS,
    allowInternalTargets: config.WEBHOOK_INTERNAL_TARGETS === 'allow',
  });
  const idempotency = new IdempotencyStore(join(config.DATA_DIR, 'idempotency.sqlite'), { ttlHours: config.IDEMPOTENCY_TTL_HOURS });
  // Optional (KAFKA_ACL_ADMIN_USERNAME): first, since the node's own producer needs its write ACLs.
  const brokerAcls = await openBrokerAclManager(config, documents);
  const exchange = await openExchange(config);
  const deadLetters = DeadLetterStore.open(join(config.DATA_DIR, 'dead-letters.sqlite'));
  const identities = new MunicipalityIdentities(config.DATA_DIR);
  const requestMessages = new RequestMessages(documents, (code) => federation.directoryEntry(code));
  // The relay's checkpoint and what it published are its own, beside the read models, never rebuilt with them.
  const relayStore = new RelayStore(join(config.DATA_DIR, 'outbox.sqlite'));
  relayStore.adoptLegacy(documents, familyOfPseudonym(documents, identities));
  const poolPublication = new PoolPublication(documents, identities, relayStore, { staleAfterDays: config.AVAILABILITY_STALE_AFTER_DAYS });
  const relay = new OutboxRelay(eventStore, relayStore, projections, exchange, identities, clock, municipalityName, [partnershipStepOutgoing, requestMessages], poolPublication);
  // Only a municipality this node serves goes on the directory (with MUNICIPALITIES unset, all it meets).
  const serves = (code: string) => config.MUNICIPALITIES.length === 0 || config.MUNICIPALITIES.includes(code);
  identities.onCreated = (identity) => void (serves(identity.code) && relay.announce(identity.code));
  const erasureProgress = new ErasureProgress(join(config.DATA_DIR, 'erasures.sqlite'));
  // It needs only what is never encrypted (erasures, a network family's origin): it reads the log
  // as the other readers do (one shared read), and a family's first event as stored.
  const erasures = new ErasureProcessor(eventStore, eventStore.stored, keys, erasureProgress, projections, documents, config.DATA_DIR, {
    withdrawUnshareable: () => relay.nudgeSweep(),
    forget: (streamId) => {
      gateway.forget(streamId);
      eventStore.forgetOpened();
    },
  });
  // Before anything downstream listens: what an earlier release kept among the read models becomes events.
  await adoptLegacyFacts(documents, eventStore, gateway);
  // Everything downstream of the log wakes up after a commit; nobody else nudges after a command.
  gateway.onCommitted(() => {
    readSide.nudge();
    relay.nudge();
    workflows.nudge();
    webhooks.nudge();
    erasures.nudge();
  });
  const partnerPools = new PartnerPoolConsumer(config.NODE_ID, exchange, deadLetters, gateway);
  const federation: FederationConsumer = new FederationConsumer(config.NODE_ID, exchange, documents, deadLetters, gateway, readSide, identities, partnerPools, partnershipStepCommand);
  federation.accessControl = brokerAcls;
  const openSealed = (own: string, box: unknown, aad: string) => openSealedBox(box as SealedBox, identities.identity(own).encryption.privateKey, aad);
  federation.partnerMessages = partnerMessageDispatcher(gateway, openSealed);
  const timers: NodeJS.Timeout[] = [];
  let closing: Promise<void> | undefined;
  return {
    config,
    clock,
    eventStore,
    documents,
    projections,
    gateway,
    readSide,
    queries: new FamilyQueries(documents, clock),
    idempotency,
    devKeys,
    tokenVerifier,
    exchange,
    deadLetters,
    identities,
    relay,
    federation,
    workflows,
    webhooks,
    webhookDeliveries,
    webhookSecrets,
    erasures,
    async sweep() {
      const executed = await workflows.tick(clock());
      await readSide.waitFor(await eventStore.lastPosition());
      return executed;
    },
    async startFederation() {
      for (const code of new Set([...config.MUNICIPALITIES, ...identities.served()].filter(serves))) await relay.announce(code);
      await federation.start();
      await workflows.run();
      // An erasure recorded before a crash is carried out before anything is published.
      await erasures.catchUp();
      await relay.run();
      timers.push(setInterval(() => relay.nudge(), config.RELAY_POLL_MS).unref());
      // Events appended by another process, or that the read models could not take yet (a full
      // disk), reach them on the next poll.
      timers.push(setInterval(() => readSide.nudge(), config.PROJECTION_POLL_MS).unref());
      timers.push(setInterval(() => workflows.nudge(), config.PROJECTION_POLL_MS).unref());
      webhooks.nudge();
      timers.push(setInterval(() => webhooks.nudge(), config.RELAY_POLL_MS).unref());
      // Availability goes stale without any event: published families are re-checked now and then.
      relay.nudgeSweep();
      timers.push(setInterval(() => relay.nudgeSweep(), STALE_SWEEP_MS).unref());
      // Signing keys rotate without downtime: a successor, the overlap, then the retirement.
      const rotation = { maxAgeDays: config.SIGNING_KEY_MAX_AGE_DAYS, overlapHours: config.SIGNING_KEY_OVERLAP_HOURS };
      const rotateDue = () => identities.served().filter(serves).forEach((code) => void relay.rotation.rotateIfDue(code, rotation));
      rotateDue();
      timers.push(setInterval(rotateDue, STALE_SWEEP_MS).unref());
      timers.push(setInterval(() => void federation.reconcile().catch(() => undefined), config.RELAY_POLL_MS * 4).unref());
      // Keys older than IDEMPOTENCY_TTL_HOURS are forgotten even when no POST comes to push them out.
      const expireKeys = () => idempotency.expire(clock());
      expireKeys();
      timers.push(setInterval(expireKeys, 15 * 60_000).unref());
    },
    close() {
      // Once, whoever asks first (the shutdown hook on SIGTERM, or the caller of createApp).
      closing ??= closeAll();
      return closing;
    },
  };

  async function closeAll(): Promise<void> {
    timers.forEach(clearInterval);
    await federation.stop();
    await workflows.run().catch(() => undefined);
    await relay.run().catch(() => undefined);
    await erasures.catchUp().catch(() => undefined);
    try {
      erasures.save();
    } catch {
      // A full disk: the checkpoint is read again from the last one saved.
    }
    await projections.catchUp().catch(() => undefined);
    await webhooks.close();
    await exchange.close();
    await brokerAcls?.close();
    await eventStore.close();
    deadLetters.close();
    documents.close();
    idempotency.close();
    workflowStore.close();
    relayStore.close();
    webhookDeliveries.close();
    erasureProgress.close();
  }
}

function municipalityName(code: string): string {
  return DEMO_MUNICIPALITIES.find((municipality) => municipality.code === code)?.name ?? `Municipality ${code}`;
}

/** The embedded in-process exchange, or Kafka (with SASL/TLS when configured); optionally in a namespace of a shared broker. */
async function openExchange(config: AppConfig): Promise<Exchange> {
  const exchange =
    config.EXCHANGE === 'kafka'
      ? await KafkaExchange.connect({ brokers: config.KAFKA_BROKERS, clientId: `familybank-${config.NODE_ID}`, ...kafkaClientSecurity(config) })
      : InProcessExchange.open({ filename: config.EXCHANGE_FILE ?? join(config.DATA_DIR, 'exchange.sqlite'), synchronous: config.SQLITE_SYNCHRONOUS });
  return config.EXCHANGE_NAMESPACE ? new NamespacedExchange(exchange, config.EXCHANGE_NAMESPACE) : exchange;
}

/**
 * The broker ACL manager, when the node holds the broker admin's credential; synced once before
 * the exchange connects (so the node may write its own topics), then before each reconciliation
 * of the federation's subscriptions. Without it the operator applies the ACLs (docs/operations.md).
 */
async function openBrokerAclManager(config: AppConfig, documents: DocumentStore): Promise<BrokerAclManager | undefined> {
  if (config.EXCHANGE !== 'kafka' || !config.KAFKA_ACL_ADMIN_USERNAME) return undefined;
  const admin = await KafkaAclAdmin.connect({ brokers: config.KAFKA_BROKERS, clientId: `familybank-${config.NODE_ID}-acls`, ...kafkaClientSecurity(config, 'admin') });
  const ns = config.EXCHANGE_NAMESPACE ? `${config.EXCHANGE_NAMESPACE}.` : '';
  const manager = new BrokerAclManager(admin, documents, {
    served: () => config.MUNICIPALITIES,
    principalOf: principalTemplate(config.KAFKA_ACL_PRINCIPAL_TEMPLATE),
    groupPrefix: `${ns}${config.NODE_ID}.`,
    namespace: config.EXCHANGE_NAMESPACE,
  });
  try {
    await manager.sync();
  } catch (error) {
    await manager.close();
    throw error;
  }
  return manager;
}

/** The log as the application uses it: personal fields encrypted per family with keys from `keys` (keys.sqlite unless given). */
export async function openEventStore(config: AppConfig, keys: KeyStore = openKeyStore(config)): Promise<EncryptingEventStore> {
  const log = config.EVENT_STORE === 'eventstoredb'
    ? await EventStoreDbEventStore.connect(config.EVENTSTOREDB_CONNECTION_STRING!)
    : SqliteEventStore.open({ filename: join(config.DATA_DIR, 'events.sqlite'), synchronous: config.SQLITE_SYNCHRONOUS });
  return new EncryptingEventStore(log, keys);
}

export function openKeyStore(config: AppConfig): KeyStore {
  return new SqliteKeyStore(join(config.DATA_DIR, KEYS_FILE), loadMasterKey(config));
}

function encryptionKeyOf(federation: FederationConsumer, code: string): string | undefined {
  const entry = federation.directoryEntry(code);
  return entry && encryptionKeyFingerprint(entry.encryptionKey);
}
