import { closeSync, fsync, fsyncSync, openSync } from 'node:fs';
import { StorageUnavailableError } from '../errors';

/**
 * `synchronous=FULL` without stalling the event loop. In WAL mode FULL differs from NORMAL in
 * one thing only: the WAL file is fsynced at every COMMIT (NORMAL syncs it at checkpoints, and
 * both keep the database consistent). A connection opened with NORMAL whose callers wait for
 * this fsync of the -wal file before they act on a commit gets FULL's durability; the fsync runs
 * on libuv's thread pool, so the main thread keeps serving meanwhile, and one fsync covers every
 * commit made before it started (group commit across turns of the event loop, not only within one).
 *
 * The rule for callers: nothing read or written through the connection may leave it (be answered,
 * published, projected) before `durable(mark())` taken after it became visible has resolved.
 * A failed fsync leaves it unknown what reached the disk (Linux may drop the dirty pages and
 * report success next time), so the failure is latched: every later wait fails the same way, as
 * an error saying the outcome is unknown, until the process reopens the file.
 */
export class WalSync {
  private fd: number | undefined;
  /** The last ticket handed out, and the last one an fsync completed after. */
  private issued = 0;
  private completed = 0;
  private inFlight = false;
  private waiters: Array<{ ticket: number; resolve(): void; reject(error: unknown): void }> = [];
  private failure: StorageUnavailableError | undefined;

  /** `walFile`: the database's -wal file, which must exist (open the database in WAL mode first). */
  constructor(walFile: string) {
    this.fd = openSync(walFile, 'r');
    // Whatever the file holds already (another process's commits, a crash's leftovers) is synced now.
    fsyncSync(this.fd);
  }

  /** A ticket for "everything visible to the connection now". */
  mark(): number {
    return ++this.issued;
  }

  /** Whether waiting for `ticket` would resolve at once. */
  isDurable(ticket: number): boolean {
    return ticket <= this.completed && !this.failure;
  }

  /** Resolves once an fsync that started after `ticket` was taken has completed. */
  durable(ticket: number): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    if (ticket <= this.completed) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiters.push({ ticket, resolve, reject });
      this.start();
    });
  }

  /** Waits for the fsync in flight, then stops syncing (the database closes after this). */
  async close(): Promise<void> {
    await this.durable(this.issued).catch(() => undefined);
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  /** For a synchronous close: one last fsync on the main thread answers every waiter, then the file is let go. */
  closeSync(): void {
    if (this.fd === undefined) return;
    try {
      fsyncSync(this.fd);
      this.completed = this.issued;
    } catch (error) {
      this.failure ??= new StorageUnavailableError((error as NodeJS.ErrnoException).code ?? 'EIO', error, false);
    }
    closeSync(this.fd);
    this.fd = undefined;
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) {
      if (this.failure) waiter.reject(this.failure);
      else waiter.resolve();
    }
  }

  private start(): void {
    if (this.inFlight || this.waiters.length === 0 || this.fd === undefined) return;
    this.inFlight = true;
    const covers = this.issued;
    fsync(this.fd, (error) => {
      this.inFlight = false;
      if (this.fd === undefined) return; // closed meanwhile: closeSync has answered everyone
      if (error) this.failure ??= new StorageUnavailableError(error.code ?? 'EIO', error, false);
      else this.completed = covers;
      const waiting = this.waiters;
      this.waiters = [];
      for (const waiter of waiting) {
        if (this.failure) waiter.reject(this.failure);
        else if (waiter.ticket <= this.completed) waiter.resolve();
        else this.waiters.push(waiter);
      }
      this.start();
    });
  }
}
