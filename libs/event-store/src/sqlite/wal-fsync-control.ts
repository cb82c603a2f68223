import fs from 'node:fs';

/**
 * For tests (Linux): holds every fs.fsync of a SQLite -wal file until the test releases it, or
 * fails it, to show what waits for WalSync's fsync. Other fsyncs pass through. Uses Jest's spy.
 */
export function holdWalFsyncs() {
  const held: Array<{ release(error?: NodeJS.ErrnoException): void }> = [];
  const original = fs.fsync;
  const spy = jest.spyOn(fs, 'fsync').mockImplementation(((fd: number, callback: (error: NodeJS.ErrnoException | null) => void) => {
    if (!fs.readlinkSync(`/proc/self/fd/${fd}`).endsWith('-wal')) return original(fd, callback);
    held.push({ release: (error) => (error ? callback(error) : original(fd, callback)) });
  }) as typeof fs.fsync);
  return {
    held,
    /** Releases every held fsync, and those that come while `until` has not settled. */
    async releaseAll(until?: Promise<unknown>) {
      let settled = until === undefined;
      void until?.finally(() => (settled = true)).catch(() => undefined);
      do {
        held.splice(0).forEach((fsync) => fsync.release());
        await new Promise((resolve) => setImmediate(resolve));
      } while (held.length > 0 || !settled);
    },
    restore: () => spy.mockRestore(),
  };
}
