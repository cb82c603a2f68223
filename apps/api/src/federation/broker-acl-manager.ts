import { Logger } from '@nestjs/common';
import { DIRECTORY_TOPIC, municipalityTopics, type BrokerAcl, type TopicOptions } from '@familybank/exchange';
import { partnershipsProjection, type DocumentStore, type PartnershipDocument } from '@familybank/read-models';
import { aclChanges, desiredBrokerAcls, type AclChanges } from './broker-acls';

/** The broker's ACLs and topics, through an admin connection (KafkaAclAdmin). */
export interface BrokerAclAdmin {
  list(principals: readonly string[]): Promise<BrokerAcl[]>;
  create(acls: readonly BrokerAcl[]): Promise<void>;
  delete(acls: readonly BrokerAcl[]): Promise<void>;
  ensureTopic(topic: string, options: TopicOptions): Promise<void>;
  close(): Promise<void>;
}

export interface BrokerAclSettings {
  /** The municipalities whose principals this manager owns (those the node serves). */
  served: () => string[];
  principalOf: (code: string) => string;
  groupPrefix: string;
  namespace?: string;
  /**
   * While the desired ACLs stay the same, the broker's are read again only after this long
   * (default 60 s): the federation reconciles every few seconds, and drift is rare.
   */
  recheckAfterMs?: number;
  clock?: () => number;
}

/**
 * Keeps the broker's ACLs in line with the partnerships (optional: an operator may apply them
 * instead, see docs/operations.md). Each `sync` reads the partnerships of the municipalities
 * served, computes the ACLs they require, and applies the difference to what the broker holds
 * for those principals only, so it is idempotent, heals drift and never touches another node's
 * principals. It runs before the federation consumer opens subscriptions: a partnership that has
 * just become active is readable before its consumers start, and one that ended is unreadable
 * once its consumers closed.
 *
 * Read access follows the reader's own partnership record, which is active only once both sides
 * consented (the owner signed its proposal or its acceptance on the directory); either side's
 * revocation ends it on both.
 */
export class BrokerAclManager {
  private readonly logger = new Logger('BrokerAcls');
  private running: Promise<AclChanges> = Promise.resolve({ create: [], delete: [] });
  private readonly ensuredTopics = new Set<string>();
  private applied?: { desired: string; at: number };

  constructor(
    private readonly admin: BrokerAclAdmin,
    private readonly documents: DocumentStore,
    private readonly settings: BrokerAclSettings,
  ) {}

  /** Applies what changed since the broker's ACLs were last read; concurrent callers queue. Resolves to the changes made. */
  sync(): Promise<AclChanges> {
    const run = () => this.syncNow();
    this.running = this.running.then(run, run);
    return this.running;
  }

  close(): Promise<void> {
    return this.admin.close();
  }

  private async syncNow(): Promise<AclChanges> {
    const served = this.settings.served().map((code) => ({ code, activePartners: this.activePartners(code) }));
    await this.ensureTopics(served);
    const desired = desiredBrokerAcls({ ...this.settings, served });
    const now = (this.settings.clock ?? Date.now)();
    const fingerprint = JSON.stringify(desired);
    if (this.applied?.desired === fingerprint && now - this.applied.at < (this.settings.recheckAfterMs ?? 60_000)) return { create: [], delete: [] };
    const actual = await this.admin.list(served.map(({ code }) => this.settings.principalOf(code)));
    const changes = aclChanges(desired, actual);
    // Revocations first: a failure half-way leaves less access, never more.
    await this.admin.delete(changes.delete);
    await this.admin.create(changes.create);
    this.applied = { desired: fingerprint, at: now };
    if (changes.create.length + changes.delete.length > 0) {
      this.logger.log(`Broker ACLs: ${changes.create.length} granted, ${changes.delete.length} revoked (${summary(changes)})`);
    }
    return changes;
  }

  private activePartners(own: string): string[] {
    return this.documents
      .all<PartnershipDocument>(partnershipsProjection.collection, own)
      .filter((partnership) => partnership.status === 'active')
      .map((partnership) => partnership.partner);
  }

  /**
   * The topics a principal is granted must exist: a reader cannot create its partner's topics
   * (only the owner may), and would otherwise wait for the owner's first message.
   */
  private async ensureTopics(served: ReadonlyArray<{ code: string; activePartners: readonly string[] }>): Promise<void> {
    const ns = this.settings.namespace ? `${this.settings.namespace}.` : '';
    const codes = new Set(served.flatMap(({ code, activePartners }) => [code, ...activePartners]));
    const wanted = [{ topic: DIRECTORY_TOPIC, compacted: false }, ...[...codes].flatMap((code) => municipalityTopics(code))];
    for (const { topic, compacted } of wanted) {
      if (this.ensuredTopics.has(ns + topic)) continue;
      await this.admin.ensureTopic(ns + topic, { compacted });
      this.ensuredTopics.add(ns + topic);
    }
  }
}

function summary({ create, delete: removed }: AclChanges): string {
  const line = (acl: BrokerAcl) => `${acl.principal} ${acl.operation} ${acl.resourceType} ${acl.patternType === 'prefixed' ? `${acl.resourceName}*` : acl.resourceName}`;
  return [...create.map((acl) => `+${line(acl)}`), ...removed.map((acl) => `-${line(acl)}`)].slice(0, 12).join('; ');
}
