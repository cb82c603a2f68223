import type { EventStore, RecordedEvent } from '@familybank/event-store';
import { familyIdIn, type DocumentStore } from './document-store';
import type { Projection } from './projection';

interface PendingDocument {
  municipality: string;
  body: unknown;
  /** Deleted and created again within the batch: written as a new document, so it lists as newly created. */
  recreated?: boolean;
}

/**
 * Brings projections up to the end of the log: reads all events after the lowest checkpoint in
 * batches, folds each into the documents it touches, and writes documents and checkpoints in one
 * transaction per batch, so a crash never leaves a document ahead of or behind its checkpoint.
 */
export class ProjectionRunner {
  private running: Promise<number> = Promise.resolve(0);
  private queued?: Promise<number>;
  private versionsChecked = false;
  /**
   * The checkpoints as last committed, kept in memory: a response asks for the position after every
   * command. Only this runner writes them; a reset or a failed batch reloads them from the file.
   */
  private checkpoints?: Map<string, number>;

  constructor(
    private readonly events: EventStore,
    private readonly documents: DocumentStore,
    private readonly projections: readonly Projection[],
    private readonly batchSize = 5_000,
  ) {}

  /**
   * Catches up; runs never overlap. Callers while a run waits to start share that run (it will see
   * everything appended before it starts), so a burst of commands costs one catch-up, not one each.
   * Resolves with the position reached.
   */
  catchUp(): Promise<number> {
    if (this.queued) return this.queued;
    const start = () => {
      this.queued = undefined;
      return this.runToEnd();
    };
    this.running = this.running.then(start, start);
    this.queued = this.running;
    return this.running;
  }

  /** Drops every read model and rebuilds it from the whole log. */
  async rebuild(): Promise<number> {
    await this.running.catch(() => undefined);
    this.checkpoints = undefined;
    for (const projection of this.projections) this.documents.reset(projection.name, projection.collection);
    return this.catchUp();
  }

  position(): number {
    return Math.min(...this.committed().values());
  }

  private committed(): Map<string, number> {
    this.checkpoints ??= new Map(this.projections.map((projection) => [projection.name, this.documents.checkpoint(projection.name)]));
    return this.checkpoints;
  }

  private async runToEnd(): Promise<number> {
    if (!this.versionsChecked) this.resetOutdatedProjections();
    for (;;) {
      const from = this.position();
      const batch = await this.events.readAll({ after: from, limit: this.batchSize });
      if (batch.length === 0) return from;
      this.apply(batch);
    }
  }

  /** A projection whose code changed since its documents were written starts again from the log. */
  private resetOutdatedProjections(): void {
    this.checkpoints = undefined;
    for (const projection of this.projections) {
      if (this.documents.projectionVersion(projection.name) === projection.version) continue;
      this.documents.reset(projection.name, projection.collection);
      this.documents.saveProjectionVersion(projection.name, projection.version);
    }
    this.versionsChecked = true;
  }

  private apply(batch: RecordedEvent[]): void {
    const last = batch[batch.length - 1]!.position;
    const checkpoints = this.committed();
    try {
      this.documents.transaction(() => this.applyAll(batch, checkpoints, last));
    } catch (error) {
      this.checkpoints = undefined;
      throw error;
    }
    for (const projection of this.projections) checkpoints.set(projection.name, last);
  }

  private applyAll(batch: RecordedEvent[], checkpoints: ReadonlyMap<string, number>, last: number): void {
    for (const projection of this.projections) {
      const checkpoint = checkpoints.get(projection.name)!;
      const pending = new Map<string, PendingDocument | null>();
      for (const event of batch) {
        if (event.position > checkpoint && projection.handles.has(event.type) && event.streamId.startsWith(projection.streamPrefix)) {
          this.fold(projection, event, pending);
        }
      }
      this.write(projection, pending);
    }
    this.documents.saveCheckpoints(
      this.projections.map((projection) => projection.name),
      last,
    );
  }

  /**
   * Pending documents are kept in the order a one-by-one catch-up would have created them, so a
   * rebuild lists documents in the same order as the incremental run did.
   */
  private fold(projection: Projection, event: RecordedEvent, pending: Map<string, PendingDocument | null>): void {
    for (const id of projection.documentIds ? projection.documentIds(event) : [projection.documentId(event)]) {
      const inBatch = pending.has(id);
      const before = pending.get(id);
      const current = inBatch ? (before?.body ?? null) : (this.documents.get(projection.collection, id)?.body ?? null);
      const next = projection.evolve(current, event, id);
      if (next === null) {
        pending.set(id, null);
        continue;
      }
      // Deleted earlier in this batch and created again: it moves to the end, as a new document.
      const recreated = inBatch && before === null;
      if (recreated) pending.delete(id);
      pending.set(id, { municipality: event.metadata.municipality, body: next, recreated: recreated || before?.recreated });
    }
  }

  private write(projection: Projection, pending: Map<string, PendingDocument | null>): void {
    for (const [id, document] of pending) {
      if (document === null || document.recreated) this.documents.delete(projection.collection, id);
      if (document !== null) this.documents.put(projection.collection, id, document.municipality, document.body, projection.listedByFamily ? familyIdIn(document.body) : undefined);
    }
  }
}
