import { Logger } from '@nestjs/common';
import type { ProjectionRunner } from '@familybank/read-models';

export type Visibility = { visible: true } | { visible: false; reason: string };

/**
 * The one place where a response waits to read its own write: the read models are brought up to
 * the command's position. When they cannot follow (their storage refuses writes, or catching up
 * takes too long), the command still stands; the caller says so instead of failing.
 */
export class ReadSide {
  private readonly logger = new Logger('ReadSide');
  private lastFailure?: { at: Date; message: string };

  constructor(
    private readonly projections: ProjectionRunner,
    private readonly timeoutMs = 10_000,
  ) {}

  async waitFor(position: number): Promise<Visibility> {
    try {
      if (this.projections.position() >= position) return { visible: true };
      const reached = await withTimeout(this.projections.catchUp(), this.timeoutMs);
      this.lastFailure = undefined;
      if (reached === undefined) return { visible: false, reason: `The read models did not reach position ${position} within ${this.timeoutMs} ms` };
      return reached >= position ? { visible: true } : { visible: false, reason: `The read models are at position ${reached}, the command at ${position}` };
    } catch (error) {
      const message = (error as Error).message;
      if (!this.lastFailure) this.logger.error(`Read models cannot follow the event log: ${message}`);
      this.lastFailure = { at: new Date(), message };
      return { visible: false, reason: `The read models cannot be updated right now (${message})` };
    }
  }

  /** Brings the read models to the end of the log (before reading something every recorded step must show). */
  async catchUp(): Promise<void> {
    await this.projections.catchUp();
  }

  /** Wakes the read models after a commit without waiting (background work, e.g. partner messages). */
  nudge(): void {
    this.projections.catchUp().then(
      () => (this.lastFailure = undefined),
      (error: Error) => {
        if (!this.lastFailure) this.logger.error(`Read models cannot follow the event log: ${error.message}`);
        this.lastFailure = { at: new Date(), message: error.message };
      },
    );
  }

  /** For /ready: the last failure to update the read models, while it lasts. */
  failure(): { at: Date; message: string } | undefined {
    return this.lastFailure;
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms).unref()));
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
