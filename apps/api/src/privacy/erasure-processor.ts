import { Logger } from '@nestjs/common';
import { familyStreamId, type FamilyRegistered } from '@familybank/domain-family';
import type { EventStore } from '@familybank/event-store';
import type { DocumentStore, ProjectionRunner } from '@familybank/read-models';
import type { ErasureProgress } from './erasure-progress';
import { familySubject, networkPersonSubject, type KeyStore } from './key-store';
import { truncateWalFiles } from './sqlite-files';

const BATCH = 1_000;
const SAVE_EVERY = 10_000;

/** What an erasure sets in motion beyond the key: the relay's sweep and the gateway's cache. */
export interface ErasureFollowUps {
  /** Tombstones to partners for every published family that may no longer be shared. */
  withdrawUnshareable(): void;
  /** Drops a stream's state from memory. */
  forget(streamId: string): void;
}

/**
 * Carries out each recorded FamilyErased: destroys the family's data key (and the key of the
 * network-map person it came from), so its personal fields in the log read "[erased]"; rebuilds
 * the read models from the log and compacts them, so no document keeps what they showed; truncates
 * every SQLite WAL under DATA_DIR; and has the relay withdraw the family from partners' pools.
 * Driven from the log with its own checkpoint, so an erasure recorded by any path (an approver,
 * the retention workflow) is carried out once, also after a crash.
 */
export class ErasureProcessor {
  private readonly logger = new Logger('Erasure');
  private running: Promise<number> = Promise.resolve(0);
  private queued?: Promise<number>;
  private position?: number;
  private saved = 0;

  /**
   * `log`: where it reads the log from start to end, the same reads the other readers of the log
   * share (it looks only at event types and stream ids); `stored`: the log as stored, for the
   * erased family's first event, whose sealed form it inspects.
   */
  constructor(
    private readonly log: Pick<EventStore, 'readAll'>,
    private readonly stored: EventStore,
    private readonly keys: KeyStore,
    private readonly progress: ErasureProgress,
    private readonly projections: ProjectionRunner,
    private readonly documents: DocumentStore,
    private readonly dataDir: string,
    private readonly followUps: ErasureFollowUps,
  ) {}

  /**
   * Carries out every erasure recorded so far; resolves with how many it carried out. Callers
   * while a run waits to start share it (it reads everything appended before it starts), so a
   * burst of commits costs one run, not one each.
   */
  catchUp(): Promise<number> {
    if (this.queued) return this.queued;
    const run = () => {
      this.queued = undefined;
      return this.runToEnd();
    };
    this.running = this.running.then(run, run);
    this.queued = this.running;
    return this.running;
  }

  nudge(): void {
    this.catchUp().catch((error: Error) => this.logger.error(`Carrying out erasures paused: ${error.message}`));
  }

  private async runToEnd(): Promise<number> {
    let erased = 0;
    this.position ??= this.progress.position();
    for (;;) {
      const batch = await this.log.readAll({ after: this.position, limit: BATCH });
      if (batch.length === 0) break;
      const inBatch = batch.filter((event) => event.type === 'FamilyErased' && event.streamId.startsWith(familyStreamId('')));
      for (const event of inBatch) await this.destroyKeys(event.streamId);
      if (inBatch.length > 0) await this.scrub();
      erased += inBatch.length;
      this.position = batch[batch.length - 1]!.position;
      // Stored after an erasure, and now and then: a checkpoint lost only means reading past events again.
      if (inBatch.length > 0 || this.position - this.saved >= SAVE_EVERY) this.save();
    }
    return erased;
  }

  /** Keeps how far it read (on close, so a restart does not read the log again). */
  save(): void {
    if (this.position === undefined || this.position === this.saved) return;
    this.progress.save(this.position);
    this.saved = this.position;
  }

  private async destroyKeys(streamId: string): Promise<void> {
    const [registered] = (await this.stored.readStream(streamId)) as unknown as FamilyRegistered[];
    const familyId = streamId.slice(familyStreamId('').length);
    const network = registered?.data.network;
    // Written before personal fields were encrypted: no key holds them, so the log keeps them in clear.
    if (registered && !('$enc' in (registered.data as object))) this.logger.warn(`Family ${familyId} was registered before encryption: its earliest events stay readable in the log`);
    await this.keys.destroy(familySubject(familyId));
    if (network?.personId) await this.keys.destroy(networkPersonSubject(network.requestId, network.personId));
    this.followUps.forget(streamId);
    this.logger.log(`Erased the personal data of family ${familyId}`);
  }

  /** What was derived from the plaintext goes: read models rebuilt and compacted, every WAL truncated. */
  private async scrub(): Promise<void> {
    await this.projections.rebuild();
    this.documents.compact();
    const busy = truncateWalFiles(this.dataDir);
    if (busy.length > 0) this.logger.warn(`WAL not emptied yet (in use): ${busy.join(', ')}`);
    this.followUps.withdrawUnshareable();
  }
}
