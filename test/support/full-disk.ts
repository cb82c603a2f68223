import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, rmdirSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real, tiny file system (tmpfs) that a test can fill to the last byte and free again: what a
 * disk that runs full does to SQLite, without mocking SQLite. Needs root (mount); `available()` says
 * why not otherwise, so a test can skip visibly.
 */
export class TinyFileSystem {
  private filler = 0;

  private constructor(readonly path: string) {}

  static unavailableReason(): string | undefined {
    if (process.platform !== 'linux') return 'tmpfs mounts need Linux';
    if (process.getuid?.() !== 0) return 'mounting a tmpfs needs root';
    return undefined;
  }

  static mount(sizeBytes = 4 * 1024 * 1024): TinyFileSystem {
    const path = mkdtempSync(join(tmpdir(), 'familybank-tiny-fs-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeBytes}`, 'tmpfs', path]);
    return new TinyFileSystem(path);
  }

  /** Writes filler files until the file system refuses another byte. */
  fill(): void {
    const file = join(this.path, `filler-${this.filler++}`);
    const descriptor = openSync(file, 'w');
    const chunk = Buffer.alloc(4096);
    try {
      for (;;) writeSync(descriptor, chunk);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    } finally {
      closeSync(descriptor);
    }
    // The last partial pages too.
    const tail = openSync(join(this.path, `filler-${this.filler++}`), 'w');
    try {
      for (;;) writeSync(tail, Buffer.alloc(1));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
    } finally {
      closeSync(tail);
    }
  }

  free(): void {
    for (let index = 0; index < this.filler; index++) rmSync(join(this.path, `filler-${index}`), { force: true });
    this.filler = 0;
  }

  unmount(): void {
    execFileSync('umount', ['-l', this.path]);
    rmdirSync(this.path);
  }
}
