import { createHash, randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { EventStore, RecordedEvent } from '@familybank/event-store';
import { signDraft, signTombstone, type Draft, type Exchange, type Message } from '@familybank/exchange';
import type { ProjectionRunner } from '@familybank/read-models';
import type { Clock } from '../platform/tokens';
import { announcementMessage } from './directory-messages';
import { SigningKeyRotation } from './key-rotation';
import type { MunicipalityIdentities, MunicipalityIdentity } from './municipality-identities';
import type { RelayStore, PublishedChange } from './relay-store';
const BATCH = 500;
const STALLED_AFTER_MS = 5_000;
/** How often published families are checked for what time alone changes (stale availability, approval run out). */
export const STALE_SWEEP_MS = 60_000;

/** What a capability publishes for an event of its streams (partnership steps, requests, offers, profile views), before signing. */
export interface OutgoingMessages {
  for(event: RecordedEvent): Draft[];
  /** The key a message's id derives from (the same fact, the same id); by default the event id and the message type. */
  dedupeKey?(event: RecordedEvent, draft: Draft): string;
}

/**
 * One message about the latest state of something shared (a family's pool profile or its
 * tombstone), before signing, and what the relay records once the exchange accepted it.
 */
export type StateMessage =
  | { municipality: string; draft: Draft; correlationId: string; dedupeKey: string; change: PublishedChange }
  | { municipality: string; tombstone: Message; change: PublishedChange };

/**
 * What the pool capability shares of its state (pool/pool-publication.ts): what a batch of the log
 * calls for, and what time alone made unshareable. Read models are caught up to the batch first.
 */
export interface OutgoingState {
  afterBatch(batch: readonly RecordedEvent[], now: Date): StateMessage[];
  unshareable(now: Date): StateMessage[];
}

/**
 * Publishes what a municipality shares, driven by the event log from its own checkpoint (never by
 * an HTTP handler). Transport only: what to publish is the capabilities' (`OutgoingMessages` per
 * event, the pool's `OutgoingState` per batch and per sweep); the relay signs, publishes and
 * records. At least once: the checkpoint moves only after the exchange accepted the batch.
 */
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private running: Promise<void> = Promise.resolve();
  private readonly preparedTopics = new Set<string>();

  constructor(
    private readonly events: EventStore,
    /** The relay's own checkpoint and what it published (not a read model). */
    private readonly store: RelayStore,
    /** The read models the capabilities build messages from: caught up to each batch before it is published. */
    private readonly projections: ProjectionRunner,
    private readonly exchange: Exchange,
    private readonly identities: MunicipalityIdentities,
    private readonly clock: Clock,
    private readonly municipalityName: (code: string) => string,
    /** Per event, in this order (partnership steps before the requests they allow). */
    private readonly outgoing: readonly OutgoingMessages[],
    private readonly sharedState: OutgoingState,
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
    return this.store.checkpoint();
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
      const draft = announcementMessage({
        code,
        name: this.municipalityName(code),
        signingKey: identity.signing.publicKey,
        fingerprint: identity.fingerprint,
        encryptionKey: identity.encryption.publicKey,
      });
      await this.publish([this.sign(identity, draft, `announce-${code}`)]);
    };
    this.running = this.running.then(announcement, announcement);
    return this.running;
  }

  private rotationSteps?: SigningKeyRotation;

  /** Signing-key rotation (key-rotation.ts): its steps are queued with the runs, signed and published like the rest. */
  get rotation(): SigningKeyRotation {
    const queued = (work: () => Promise<void>) => {
      this.running = this.running.then(work, work);
      return this.running;
    };
    this.rotationSteps ??= new SigningKeyRotation(this.identities, this.clock, {
      queued,
      publish: (identity, draft, correlationId, dedupeKey) => this.publish([this.sign(identity, draft, correlationId, dedupeKey)]),
      announcement: (identity) =>
        announcementMessage({ code: identity.code, name: this.municipalityName(identity.code), signingKey: identity.signing.publicKey, fingerprint: identity.fingerprint, encryptionKey: identity.encryption.publicKey }),
    });
    return this.rotationSteps;
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
      this.store.record(outgoing.published, batch[batch.length - 1]!.position);
    }
  }

  private messagesFor(batch: RecordedEvent[]): { messages: Message[]; published: PublishedChange[] } {
    const messages: Message[] = [];
    for (const event of batch) {
      // Message ids derive as in earlier releases, so a re-published message is recognised.
      const drafts = this.outgoing.flatMap((messages) => messages.for(event).map((draft) => ({ draft, dedupeKey: messages.dedupeKey?.(event, draft) ?? `${event.eventId}:${draft.message.type}` })));
      if (drafts.length === 0) continue;
      const identity = this.identities.identity(event.metadata.municipality);
      for (const { draft, dedupeKey } of drafts) messages.push(this.sign(identity, draft, event.metadata.correlationId, dedupeKey));
    }
    const state = this.sharedState.afterBatch(batch, this.clock());
    return { messages: [...messages, ...state.map((outgoing) => this.signState(outgoing))], published: state.map((outgoing) => outgoing.change) };
  }

  private async withdrawUnshareable(): Promise<number> {
    await this.projections.catchUp();
    const withdrawals = this.sharedState.unshareable(this.clock());
    if (withdrawals.length === 0) return 0;
    await this.publish(withdrawals.map((withdrawal) => this.signState(withdrawal)));
    this.store.record(withdrawals.map((withdrawal) => withdrawal.change));
    this.logger.log(`Withdrew ${withdrawals.length} famil${withdrawals.length === 1 ? 'y' : 'ies'} from the pool that may no longer be shared (stale availability or approval run out)`);
    return withdrawals.length;
  }

  private signState(outgoing: StateMessage): Message {
    const identity = this.identities.identity(outgoing.municipality);
    return 'tombstone' in outgoing ? this.signed(identity, outgoing.tombstone) : this.sign(identity, outgoing.draft, outgoing.correlationId, outgoing.dedupeKey);
  }

  /** A stable message id per published fact (`dedupeKey`), so consumers deduplicate a re-published batch. */
  private sign(identity: MunicipalityIdentity, draft: Draft, correlationId: string, dedupeKey?: string): Message {
    const fields = { messageId: dedupeKey ? uuidFrom(dedupeKey) : randomUUID(), occurredAt: this.clock().toISOString(), correlationId };
    return signDraft(draft, { code: identity.code, privateKey: identity.signing.privateKey }, fields);
  }

  /** A tombstone's value stays null (compaction deletes the key); its signature goes in its headers. */
  private signed(identity: MunicipalityIdentity, tombstone: Message): Message {
    return signTombstone(tombstone, { code: identity.code, privateKey: identity.signing.privateKey }, this.clock().toISOString());
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

/** A UUID derived from the key: the same published fact always gets the same message id. */
function uuidFrom(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
