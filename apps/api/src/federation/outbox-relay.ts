import { createHash, randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { pseudonymOf, toSharedProfile } from '@familybank/anonymize';
import type { PartnershipEvent } from '@familybank/domain-partnership';
import type { EventStore, RecordedEvent } from '@familybank/event-store';
import { DIRECTORY_TOPIC, encodeEnvelope, signEnvelope, topics, type Exchange, type Message } from '@familybank/exchange';
import { familyDetailProjection, type DocumentStore, type FamilyDetailDocument, type ProjectionRunner } from '@familybank/read-models';
import type { Clock } from '../infrastructure/tokens';
import type { MunicipalityIdentities, MunicipalityIdentity } from './municipality-identities';
import type { RequestMessages } from './request-messages';

const CHECKPOINT = 'outbox-relay';
const PUBLISHED = 'outbox-published-pool';
const BATCH = 500;
const STALLED_AFTER_MS = 5_000;
/** How often published families are checked for what time alone changes (stale availability, approval run out). */
export const STALE_SWEEP_MS = 60_000;

/** A family whose profile is on the pool topic; familyId is missing in entries written before it was stored. */
interface PublishedEntry {
  pseudonym: string;
  familyId?: string;
  /** The profile version last accepted by the exchange: the same version is never published twice. */
  version?: number;
}

export interface SharingPolicy {
  /** Availability confirmed more than this many days ago is not shared (AVAILABILITY_STALE_AFTER_DAYS). */
  staleAfterDays?: number;
}

const DIRECTORY_MESSAGE: Partial<Record<PartnershipEvent['type'], string>> = {
  PartnershipProposed: 'PartnershipProposed',
  PartnershipActivated: 'PartnershipAccepted',
  PartnershipDeclined: 'PartnershipDeclined',
  PartnershipRevoked: 'PartnershipRevoked',
};

/**
 * Publishes what a municipality shares, driven by the event log from its own checkpoint (never by
 * an HTTP handler): the anonymized profile of each family whose events it passes (or a tombstone
 * once a published family may no longer be shared), and the partnership steps this municipality
 * took. At least once: the checkpoint moves only after the exchange accepted the batch.
 */
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private running: Promise<void> = Promise.resolve();
  private readonly preparedTopics = new Set<string>();

  constructor(
    private readonly events: EventStore,
    private readonly documents: DocumentStore,
    private readonly projections: ProjectionRunner,
    private readonly exchange: Exchange,
    private readonly identities: MunicipalityIdentities,
    private readonly clock: Clock,
    private readonly municipalityName: (code: string) => string,
    private readonly requestMessages: RequestMessages,
    private readonly sharing: SharingPolicy = {},
  ) {}

  /** Runs until the log is published; concurrent callers share one run. */
  run(): Promise<void> {
    this.running = this.running.then(
      () => this.runToEnd(),
      () => this.runToEnd(),
    );
    return this.running;
  }

  private lastFailure?: { at: string; message: string };
  private queued = false;
  /** Set while a publish is under way: a broker that is down makes it wait (the producer retries). */
  private publishingSince?: number;

  /**
   * Starts a run in the background (after a command); errors are logged, the next run retries.
   * Nudges coalesce: while a run is queued and not yet started, another nudge adds nothing (a
   * thousand commands during a broker outage queue one run, not a thousand).
   */
  nudge(): void {
    if (this.queued) return;
    this.queued = true;
    const start = () => {
      this.queued = false;
      return this.runToEnd();
    };
    this.running = this.running.then(start, start);
    this.running.then(
      () => (this.lastFailure = undefined),
      (error) => {
        if (!this.lastFailure) this.logger.warn(`Publishing paused: ${(error as Error).message}`);
        this.lastFailure = { at: this.clock().toISOString(), message: (error as Error).message };
      },
    );
  }

  /** For /ready: the exchange is degraded while the last run failed; commands are still accepted. */
  async status(): Promise<{ status: 'up' | 'degraded'; detail?: string }> {
    const backlog = (await this.events.lastPosition()) - this.position();
    if (this.lastFailure) return { status: 'degraded', detail: `Publishing paused since ${this.lastFailure.at} (${this.lastFailure.message}); ${backlog} events waiting` };
    if (this.publishingSince !== undefined && this.clock().getTime() - this.publishingSince > STALLED_AFTER_MS) {
      return { status: 'degraded', detail: `The exchange has not accepted messages for ${Math.round((this.clock().getTime() - this.publishingSince) / 1000)} s; ${backlog} events waiting` };
    }
    return backlog > 0 ? { status: 'up', detail: `${backlog} events waiting to be published` } : { status: 'up' };
  }

  position(): number {
    return this.documents.checkpoint(CHECKPOINT);
  }

  /**
   * Time passes without events: re-evaluates every published family and publishes a tombstone for
   * each that may no longer be shared (availability gone stale, approval run out). Queued with the
   * runs, so it never races one; confirming the availability again republishes through the log.
   * Resolves to the number of families withdrawn.
   */
  sweepStale(): Promise<number> {
    let withdrawn = 0;
    const sweep = async () => {
      withdrawn = await this.withdrawUnshareable();
    };
    this.running = this.running.then(sweep, sweep);
    return this.running.then(() => withdrawn);
  }

  /** Starts a sweep in the background (on an interval); errors are logged, the next sweep retries. */
  nudgeSweep(): void {
    this.sweepStale().catch((error) => this.logger.warn(`Withdrawing unshareable families paused: ${(error as Error).message}`));
  }

  /** Queued with the runs, so an announcement is on the directory before any step it signs. */
  announce(code: string): Promise<void> {
    const announcement = async () => {
      const identity = this.identities.identity(code);
      const payload = {
        code,
        name: this.municipalityName(code),
        signingKey: identity.signing.publicKey,
        fingerprint: identity.fingerprint,
        encryptionKey: identity.encryption.publicKey,
      };
      await this.publish([this.message(identity, DIRECTORY_TOPIC, code, 'MunicipalityAnnounced', payload, `announce-${code}`)]);
    };
    this.running = this.running.then(announcement, announcement);
    return this.running;
  }

  private async runToEnd(): Promise<void> {
    for (;;) {
      const batch = await this.events.readAll({ after: this.position(), limit: BATCH });
      if (batch.length === 0) return;
      // Messages are built from read models: they must have seen at least this batch.
      await this.projections.catchUp();
      this.publishingSince ??= this.clock().getTime();
      const outgoing = this.messagesFor(batch);
      await this.publish(outgoing.messages);
      this.publishingSince = undefined;
      // What was published is recorded only once the exchange accepted it, with the checkpoint.
      this.documents.transaction(() => {
        outgoing.afterPublish.forEach((record) => record());
        this.documents.saveCheckpoint(CHECKPOINT, batch[batch.length - 1]!.position);
      });
    }
  }

  private messagesFor(batch: RecordedEvent[]): { messages: Message[]; afterPublish: Array<() => void> } {
    const messages: Message[] = [];
    const afterPublish: Array<() => void> = [];
    const families = new Set<string>();
    for (const event of batch) {
      if (event.streamId.startsWith('family-')) families.add(event.streamId.slice('family-'.length));
      const directoryType = event.streamId.startsWith('partnership-') ? DIRECTORY_MESSAGE[event.type as PartnershipEvent['type']] : undefined;
      if (directoryType && isOwnStep(event)) messages.push(this.directoryMessage(event, directoryType));
      for (const draft of this.requestMessages.for(event)) {
        const identity = this.identities.identity(event.metadata.municipality);
        messages.push(this.message(identity, draft.topic, draft.key, draft.type, draft.payload, event.metadata.correlationId, `${event.eventId}:${draft.type}`));
      }
    }
    // The latest state of each family is what is shared: one message per family per batch.
    for (const familyId of families) {
      const outgoing = this.poolMessage(familyId);
      if (!outgoing) continue;
      messages.push(outgoing.message);
      afterPublish.push(outgoing.record);
    }
    return { messages, afterPublish };
  }

  private async withdrawUnshareable(): Promise<number> {
    await this.projections.catchUp();
    const now = this.clock();
    const withdrawals: Array<{ publishedKey: string; message: Message }> = [];
    const legacy = new Map<string, Map<string, string>>();
    for (const { municipality, body } of this.documents.findAcrossMunicipalities<PublishedEntry>(PUBLISHED, { sql: '1 = 1', params: [] })) {
      const identity = this.identities.identity(municipality);
      const familyId = body.familyId ?? this.legacyFamilyIds(legacy, identity).get(body.pseudonym);
      if (familyId === undefined) continue;
      const found = this.documents.get<FamilyDetailDocument>(familyDetailProjection.collection, familyId);
      const shareable = found && toSharedProfile(found.body, { pseudonymKey: identity.pseudonymSecret, now, version: found.body.revision, staleAfterDays: this.sharing.staleAfterDays });
      if (shareable) continue;
      withdrawals.push({ publishedKey: `${municipality}:${familyId}`, message: { topic: topics.pool(identity.code), key: body.pseudonym, value: null } });
    }
    if (withdrawals.length === 0) return 0;
    await this.publish(withdrawals.map((withdrawal) => withdrawal.message));
    this.documents.transaction(() => withdrawals.forEach((withdrawal) => this.documents.delete(PUBLISHED, withdrawal.publishedKey)));
    this.logger.log(`Withdrew ${withdrawals.length} famil${withdrawals.length === 1 ? 'y' : 'ies'} from the pool that may no longer be shared (stale availability or approval run out)`);
    return withdrawals.length;
  }

  /** Pseudonym → family id of a municipality's families, for published entries stored without their family id. */
  private legacyFamilyIds(cache: Map<string, Map<string, string>>, identity: MunicipalityIdentity): Map<string, string> {
    let byPseudonym = cache.get(identity.code);
    if (!byPseudonym) {
      const families = this.documents.all<FamilyDetailDocument>(familyDetailProjection.collection, identity.code);
      byPseudonym = new Map(families.map((family) => [pseudonymOf(identity.pseudonymSecret, identity.code, family.familyId), family.familyId]));
      cache.set(identity.code, byPseudonym);
    }
    return byPseudonym;
  }

  private directoryMessage(event: RecordedEvent, type: string): Message {
    const identity = this.identities.identity(event.metadata.municipality);
    const partner = (event.data as { partner: string }).partner;
    return this.message(identity, DIRECTORY_TOPIC, `${identity.code}-${partner}`, type, { from: identity.code, to: partner }, event.metadata.correlationId, event.eventId);
  }

  /** The family's profile (unless this very version was published already) or its tombstone. */
  private poolMessage(familyId: string): { message: Message; record: () => void } | undefined {
    const found = this.documents.get<FamilyDetailDocument>(familyDetailProjection.collection, familyId);
    if (!found) return undefined;
    const identity = this.identities.identity(found.municipality);
    const family = found.body;
    const profile = toSharedProfile(family, { pseudonymKey: identity.pseudonymSecret, now: this.clock(), version: family.revision, staleAfterDays: this.sharing.staleAfterDays });
    const publishedKey = `${found.municipality}:${familyId}`;
    const published = this.documents.get<PublishedEntry>(PUBLISHED, publishedKey);
    if (profile) {
      if (published?.body.version === profile.version) return undefined;
      const entry: PublishedEntry = { pseudonym: profile.pseudonym, familyId, version: profile.version };
      return {
        message: this.message(identity, topics.pool(identity.code), profile.pseudonym, 'SharedProfilePublished', profile, `family-${family.revision}`, `${familyId}:${family.revision}`),
        record: () => this.documents.put(PUBLISHED, publishedKey, found.municipality, entry),
      };
    }
    if (!published) return undefined;
    return { message: { topic: topics.pool(identity.code), key: published.body.pseudonym, value: null }, record: () => this.documents.delete(PUBLISHED, publishedKey) };
  }

  private message(identity: MunicipalityIdentity, topic: string, key: string, type: string, payload: object, correlationId: string, dedupeKey?: string): Message {
    const envelope = signEnvelope(
      {
        messageId: dedupeKey ? uuidFrom(dedupeKey) : randomUUID(),
        type,
        schemaVersion: 1,
        occurredAt: this.clock().toISOString(),
        source: identity.code,
        correlationId,
        payload: payload as Record<string, unknown>,
      },
      identity.signing.privateKey,
    );
    return { topic, key, value: encodeEnvelope(envelope) };
  }

  private async publish(messages: Message[]): Promise<void> {
    for (const topic of new Set(messages.map((message) => message.topic))) {
      if (this.preparedTopics.has(topic)) continue;
      await this.exchange.ensureTopic(topic, { compacted: topic.endsWith('.pool.v1') });
      this.preparedTopics.add(topic);
    }
    if (messages.length) await this.exchange.publish(messages);
  }
}

const isOwnStep = (event: RecordedEvent) => {
  const data = event.data as { proposedBy?: string; acceptedBy?: string; declinedBy?: string; revokedBy?: string };
  return (data.proposedBy ?? data.acceptedBy ?? data.declinedBy ?? data.revokedBy) === 'us';
};

/** A stable message id per published fact, so consumers deduplicate a re-published batch. */
function uuidFrom(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
