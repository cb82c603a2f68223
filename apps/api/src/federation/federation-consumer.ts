import { Logger } from '@nestjs/common';
import {
  DisclosuresTopic,
  OffersTopic,
  RequestsTopic,
  type DisclosuresTopicMessage,
  type Envelope,
  type OffersTopicMessage,
  type RequestsTopicMessage,
  type TopicModule,
} from '@familybank/contracts';
import { consumeTopicMessages, topics, type DeadLetterStore, type DeliveredMessage, type Exchange, type ExchangeSubscription, type TopicHandler } from '@familybank/exchange';
import { DIRECTORY, PARTNER_POOL, partnershipsProjection, trustedSigningKeys, type DirectoryEntry, type DocumentStore, type PartnershipDocument, type PoolEntry } from '@familybank/read-models';
import type { CommandExecutor } from '../platform/commands/command-gateway';
import type { ReadSide } from '../platform/commands/read-side';
import { DirectoryConsumer, type PartnershipStepMapper } from './directory-consumer';
import type { MunicipalityIdentities } from './municipality-identities';

// Read models of what partners told us; re-exported where the app used to find them.
export { DIRECTORY, PARTNER_POOL, type DirectoryEntry, type PoolEntry };

export interface PartnerMessageHandler {
  onRequestMessage(own: string, envelope: Envelope, message: RequestsTopicMessage): Promise<void>;
  onOfferMessage(own: string, envelope: Envelope, message: OffersTopicMessage): Promise<void>;
  onDisclosureMessage(own: string, envelope: Envelope, message: DisclosuresTopicMessage): Promise<void>;
}

/** The pool capability's consumer of one partner's pool topic; federation opens and closes it with the partnership. */
export interface PartnerPoolSubscriber {
  /** `trustedKeys` answers, at each message, the keys the partner may sign with (see trustedSigningKeys). */
  subscribe(own: string, partnership: PartnershipDocument, activation: string, trustedKeys: (message?: DeliveredMessage) => readonly string[] | undefined): Promise<ExchangeSubscription>;
  drop(own: string, partner: string, ending: string): Promise<void>;
}

/**
 * What a node reads from the exchange: the shared directory (announcements and partnership steps
 * addressed to the municipalities it serves), and the pool topic of each active partner of each of
 * them, verified against the partner's pinned key. Revoking a partnership closes the subscription
 * and drops that partner's entries.
 */
export class FederationConsumer {
  private readonly logger = new Logger('Federation');
  private readonly directory: DirectoryConsumer;
  private readonly pools = new Map<string, ExchangeSubscription[]>();
  /** Handles requests, offers and disclosures of partners; set once the node is wired. */
  partnerMessages?: PartnerMessageHandler;
  /** The broker ACL manager, when this node applies ACLs: synced before subscriptions open or close. */
  accessControl?: { sync(): Promise<unknown> };
  private reconciling: Promise<void> = Promise.resolve();
  /** Pools of partnerships that ended while the node was down are dropped at the first reconciliation. */
  private endedPoolsChecked = false;

  constructor(
    private readonly nodeId: string,
    private readonly exchange: Exchange,
    private readonly documents: DocumentStore,
    private readonly deadLetters: DeadLetterStore,
    gateway: CommandExecutor,
    private readonly readSide: ReadSide,
    private readonly identities: MunicipalityIdentities,
    private readonly partnerPools: PartnerPoolSubscriber,
    /** The partnerships capability's: what a partner's step on the directory records on our side. */
    partnershipStep: PartnershipStepMapper,
  ) {
    this.directory = new DirectoryConsumer(nodeId, exchange, documents, deadLetters, gateway, readSide, identities, () => this.reconcile(), partnershipStep);
  }

  async start(): Promise<void> {
    await this.directory.start();
    await this.reconcile();
  }

  async stop(): Promise<void> {
    await this.directory.stop();
    await Promise.all([...this.pools.values()].flat().map((subscription) => subscription.close()));
    this.pools.clear();
  }

  /** The node's directory (every municipality announced on the exchange), by code. */
  directoryEntries(): DirectoryEntry[] {
    return this.directory.entries();
  }

  directoryEntry(code: string): DirectoryEntry | undefined {
    return this.directory.entry(code);
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
    // After ended partners' consumers closed (so they stop quietly rather than on an authorization
    // error) and before new partners' consumers start (so they find their topics readable).
    await this.accessControl?.sync().catch((error) => this.logger.warn(`Broker ACLs not applied: ${String(error)}`));
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
    const subscriptions = [await this.partnerPools.subscribe(own, partnership, key, (message) => this.trustedKeysOf(own, partnership, message))];
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
      (source, message) => (source === partnership.partner ? this.trustedKeysOf(own, partnership, message) : undefined),
      this.deadLetters,
      handle,
    );
  }

  /**
   * The partner's keys, looked up at each message: the key pinned with the partnership and, once
   * the partner rotates, the successor its pinned key vouched for; a retired key no longer counts.
   */
  private trustedKeysOf(own: string, subscribed: PartnershipDocument, message?: DeliveredMessage): string[] | undefined {
    const partnership = this.documents.get<PartnershipDocument>(partnershipsProjection.collection, `${own}-${subscribed.partner}`)?.body ?? subscribed;
    return partnership.partnerKey && trustedSigningKeys(partnership.partnerKey, this.directory.entry(subscribed.partner), message?.timestamp);
  }
}
