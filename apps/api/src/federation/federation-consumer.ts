import { Logger } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import {
  DirectoryTopic,
  DisclosuresTopic,
  OffersTopic,
  RequestsTopic,
  type DirectoryTopicMessage,
  type DisclosuresTopicMessage,
  type Envelope,
  type OffersTopicMessage,
  type RequestsTopicMessage,
  type TopicModule,
} from '@familybank/contracts';
import { assertNever, DomainError } from '@familybank/domain-core';
import { DIRECTORY_OWNER, type Announcement } from '@familybank/domain-partner-facts';
import type { PartnershipCommand } from '@familybank/domain-partnership';
import {
  DIRECTORY_TOPIC,
  consumeTopicMessages,
  decodeTopicMessage,
  topics,
  type DeadLetterStore,
  type DeliveredMessage,
  type Exchange,
  type ExchangeSubscription,
  type TopicHandler,
} from '@familybank/exchange';
import {
  DIRECTORY,
  DIRECTORY_MUNICIPALITY,
  PARTNER_POOL,
  partnershipsProjection,
  type DirectoryEntry,
  type DocumentStore,
  type PartnershipDocument,
  type PoolEntry,
} from '@familybank/read-models';
import type { CommandExecutor } from '../commands/command-gateway';
import type { ReadSide } from '../commands/read-side';
import type { MunicipalityIdentities } from './municipality-identities';
import type { PartnerPoolConsumer } from './partner-pool-consumer';

// Read models of what partners told us; re-exported where the app used to find them.
export { DIRECTORY, PARTNER_POOL, type DirectoryEntry, type PoolEntry };

const ANNOUNCEMENT_NAMESPACE = '8f2a4c6e-1b3d-4e5f-9a7b-0c1d2e3f4a5b';

export interface PartnerMessageHandler {
  onRequestMessage(own: string, envelope: Envelope, message: RequestsTopicMessage): Promise<void>;
  onOfferMessage(own: string, envelope: Envelope, message: OffersTopicMessage): Promise<void>;
  onDisclosureMessage(own: string, envelope: Envelope, message: DisclosuresTopicMessage): Promise<void>;
}

/** A partnership step on the directory: everything on it but announcements. */
type PartnershipStep = Exclude<DirectoryTopicMessage, { type: 'MunicipalityAnnounced' }>;

/**
 * What a node reads from the exchange: the shared directory (announcements and partnership steps
 * addressed to the municipalities it serves), and the pool topic of each active partner of each of
 * them, verified against the partner's pinned key. Revoking a partnership closes the subscription
 * and drops that partner's entries.
 */
export class FederationConsumer {
  private readonly logger = new Logger('Federation');
  private directory?: ExchangeSubscription;
  private readonly pools = new Map<string, ExchangeSubscription[]>();
  /** Handles requests, offers and disclosures of partners; set once the node is wired. */
  partnerMessages?: PartnerMessageHandler;
  private reconciling: Promise<void> = Promise.resolve();
  /** Pools of partnerships that ended while the node was down are dropped at the first reconciliation. */
  private endedPoolsChecked = false;

  constructor(
    private readonly nodeId: string,
    private readonly exchange: Exchange,
    private readonly documents: DocumentStore,
    private readonly deadLetters: DeadLetterStore,
    private readonly gateway: CommandExecutor,
    private readonly readSide: ReadSide,
    private readonly identities: MunicipalityIdentities,
    private readonly partnerPools: PartnerPoolConsumer,
  ) {}

  async start(): Promise<void> {
    await this.exchange.ensureTopic(DIRECTORY_TOPIC, { compacted: false });
    this.directory = await this.exchange.subscribe(
      { groupId: `${this.nodeId}.directory`, topics: [DIRECTORY_TOPIC], from: 'committed', onError: (error) => this.logger.error(`Directory consumer stopped: ${String(error)}`) },
      (message) => this.onDirectoryMessage(message),
    );
    await this.reconcile();
  }

  async stop(): Promise<void> {
    await this.directory?.close();
    await Promise.all([...this.pools.values()].flat().map((subscription) => subscription.close()));
    this.pools.clear();
  }

  directoryEntries(): DirectoryEntry[] {
    return this.documents.all<DirectoryEntry>(DIRECTORY, DIRECTORY_MUNICIPALITY).sort((a, b) => a.code.localeCompare(b.code));
  }

  directoryEntry(code: string): DirectoryEntry | undefined {
    return this.documents.get<DirectoryEntry>(DIRECTORY, code)?.body;
  }

  /** Opens the pool subscriptions of active partnerships and closes those of ended ones. */
  reconcile(): Promise<void> {
    this.reconciling = this.reconciling.then(
      () => this.reconcileNow(),
      () => this.reconcileNow(),
    );
    return this.reconciling;
  }

  private async reconcileNow(): Promise<void> {
    // Partnerships are read from their read model: it must have seen every step recorded so far.
    await this.readSide.catchUp();
    const wanted = new Map<string, { own: string; partnership: PartnershipDocument }>();
    const partnerships = new Map<string, PartnershipDocument>();
    for (const own of this.identities.served()) {
      for (const partnership of this.documents.all<PartnershipDocument>(partnershipsProjection.collection, own)) {
        partnerships.set(`${own}:${partnership.partner}`, partnership);
        if (partnership.status === 'active') wanted.set(`${own}:${partnership.partner}:${partnership.activatedAt}`, { own, partnership });
      }
    }
    // Closed before dropped: a message still in flight cannot bring an entry back.
    let ended = !this.endedPoolsChecked;
    for (const [key, subscriptions] of this.pools) {
      if (wanted.has(key)) continue;
      await Promise.all(subscriptions.map((subscription) => subscription.close()));
      this.pools.delete(key);
      ended = true;
    }
    if (ended) await this.dropEndedPools(partnerships);
    this.endedPoolsChecked = true;
    for (const [key, { own, partnership }] of wanted) {
      if (!this.pools.has(key)) this.pools.set(key, await this.subscribePartner(own, partnership, key));
    }
  }

  /** Every pool entry of a partner we are no longer active partners with leaves (also after a restart that missed the revocation). */
  private async dropEndedPools(partnerships: Map<string, PartnershipDocument>): Promise<void> {
    const ended = new Set<string>();
    for (const own of this.identities.served()) {
      for (const entry of this.documents.all<PoolEntry>(PARTNER_POOL, own)) {
        const partnership = partnerships.get(`${own}:${entry.municipality}`);
        if (partnership?.status !== 'active') ended.add(`${own}:${entry.municipality}:${partnership?.revision ?? 'none'}`);
      }
    }
    for (const key of ended) {
      const [own, partner, revision] = key.split(':') as [string, string, string];
      await this.partnerPools.drop(own, partner, revision);
    }
  }

  /** The partner's four topics, each verified against the key pinned when the partnership became active. */
  private async subscribePartner(own: string, partnership: PartnershipDocument, key: string): Promise<ExchangeSubscription[]> {
    const subscriptions = [await this.partnerPools.subscribe(own, partnership, key)];
    const handler = this.partnerMessages;
    if (!handler) return subscriptions;
    const { partner } = partnership;
    subscriptions.push(await this.subscribeTopic(own, partnership, key, topics.requests(partner), RequestsTopic, (message, envelope) => handler.onRequestMessage(own, envelope, message)));
    subscriptions.push(await this.subscribeTopic(own, partnership, key, topics.offers(partner), OffersTopic, (message, envelope) => handler.onOfferMessage(own, envelope, message)));
    subscriptions.push(await this.subscribeTopic(own, partnership, key, topics.disclosures(partner), DisclosuresTopic, (message, envelope) => handler.onDisclosureMessage(own, envelope, message)));
    return subscriptions;
  }

  private async subscribeTopic<Topic extends TopicModule>(
    own: string,
    partnership: PartnershipDocument,
    key: string,
    topic: string,
    contract: Topic,
    handle: TopicHandler<Topic>,
  ): Promise<ExchangeSubscription> {
    await this.exchange.ensureTopic(topic, { compacted: false });
    return consumeTopicMessages(
      this.exchange,
      { groupId: `${this.nodeId}.${topic}.${key}`, topics: [topic], from: 'committed', onError: (error) => this.logger.error(`Consumer of ${topic} for ${own} stopped: ${String(error)}`) },
      contract,
      (source) => (source === partnership.partner ? partnership.partnerKey?.publicKey : undefined),
      this.deadLetters,
      handle,
    );
  }

  private async onDirectoryMessage(message: DeliveredMessage): Promise<void> {
    if (message.value === null) return;
    const result = decodeTopicMessage(message.value, DirectoryTopic, (source) => this.trustedDirectoryKey(source, message.value!));
    if (!result.ok) {
      this.deadLetters.record({ topic: message.topic, offset: message.offset, key: message.key, rawValue: message.value, reason: result.reason, detail: result.detail });
      return;
    }
    const { envelope, message: directoryMessage } = result;
    switch (directoryMessage.type) {
      case 'MunicipalityAnnounced': {
        const { code, name, signingKey, fingerprint, encryptionKey } = directoryMessage.payload;
        if (code !== envelope.source) return this.deadLetter(message, 'forged', 'An announcement names another municipality than its signer');
        return this.recordAnnouncement(envelope, { code, name, signingKey, fingerprint, encryptionKey, announcedAt: envelope.occurredAt });
      }
      case 'PartnershipProposed':
      case 'PartnershipAccepted':
      case 'PartnershipDeclined':
      case 'PartnershipRevoked': {
        const { from, to: own } = directoryMessage.payload;
        if (from !== envelope.source) return this.deadLetter(message, 'forged', 'A partnership step names another sender than its signer');
        if (!this.identities.served().includes(own)) return;
        await this.recordPartnerStep(own, envelope.source, directoryMessage.type, envelope.messageId, envelope.correlationId);
        return;
      }
      default:
        return assertNever(directoryMessage);
    }
  }

  /**
   * The node's directory is recorded on `directory-<code>` (trust on first use: see the directory
   * decider). The next directory message is verified against it, so it waits for the read model.
   */
  private async recordAnnouncement(envelope: Envelope, announcement: Announcement): Promise<void> {
    const commandId = uuidv5(`${envelope.messageId}:announced`, ANNOUNCEMENT_NAMESPACE);
    try {
      const target = { aggregate: 'directory' as const, id: announcement.code, command: { type: 'RecordAnnouncement' as const, data: announcement } };
      const result = await this.gateway.execute(target, { municipality: DIRECTORY_OWNER, actor: `partner:${announcement.code}`, commandId, correlationId: envelope.correlationId });
      if (result.appended === 0) return;
      const visibility = await this.readSide.waitFor(result.position);
      if (!visibility.visible) this.logger.warn(`The directory shows ${announcement.code}'s announcement only once the read models catch up: ${visibility.reason}`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`Ignored the announcement of ${announcement.code}: ${error.code}: ${error.message}`);
    }
  }

  private async recordPartnerStep(own: string, partner: string, type: PartnershipStep['type'], messageId: string, correlationId: string): Promise<void> {
    const command = this.partnerCommand(type, partner);
    if (!command) return;
    try {
      // The message id is the command id: a redelivered step is recognised and appends nothing.
      await this.gateway.execute({ aggregate: 'partnership', id: partner, command }, { municipality: own, actor: `partner:${partner}`, commandId: messageId, correlationId });
    } catch (error) {
      // A step that does not fit our view (e.g. an acceptance nobody asked for) changes nothing.
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`Ignored ${type} from ${partner} for ${own}: ${error.code}`);
    }
    await this.reconcile();
  }

  /** What we record of the partner's step; an acceptance only once we know the partner's announced key. */
  private partnerCommand(type: PartnershipStep['type'], partner: string): PartnershipCommand | undefined {
    const key = this.directoryEntry(partner);
    switch (type) {
      case 'PartnershipProposed':
        return { type: 'RecordPartnerProposal', data: { partner } };
      case 'PartnershipAccepted':
        return key ? { type: 'RecordPartnerAcceptance', data: { partnerKey: { publicKey: key.signingKey, fingerprint: key.fingerprint } } } : undefined;
      case 'PartnershipDeclined':
        return { type: 'RecordPartnerDecline', data: {} };
      case 'PartnershipRevoked':
        return { type: 'RecordPartnerRevocation', data: {} };
      default:
        return assertNever(type);
    }
  }

  /**
   * Directory trust: a municipality's first announcement is self-signed (trust on first use; its
   * fingerprint is shown to partners before they accept); afterwards only the announced key counts.
   */
  private trustedDirectoryKey(source: string, raw: string): string | undefined {
    const known = this.directoryEntry(source);
    if (known) return known.signingKey;
    try {
      const parsed = JSON.parse(raw) as { type?: string; payload?: { signingKey?: unknown } };
      return parsed.type === 'MunicipalityAnnounced' && typeof parsed.payload?.signingKey === 'string' ? parsed.payload.signingKey : undefined;
    } catch {
      return undefined;
    }
  }

  private deadLetter(message: DeliveredMessage, reason: 'forged', detail: string): void {
    this.deadLetters.record({ topic: message.topic, offset: message.offset, key: message.key, rawValue: message.value, reason, detail });
  }
}
