import { randomFillSync } from 'node:crypto';

const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let offset = 0;

/**
 * `size` bytes from the operating system's CSPRNG, like `crypto.randomBytes`, taken from a pool
 * filled 4 KiB at a time (as Node's own `randomUUID` does): one call into the CSPRNG serves many
 * nonces and keys instead of one each, which showed up in the profile of registrations. A pool is
 * never refilled in place: each one is handed out once, and each caller gets its own copy, so no
 * two callers ever share bytes or memory.
 */
export function randomBytesPooled(size: number): Buffer {
  if (size > POOL_BYTES / 4) return randomFillSync(Buffer.allocUnsafe(size));
  if (offset + size > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafe(POOL_BYTES));
    offset = 0;
  }
  const bytes = Buffer.from(pool.subarray(offset, offset + size));
  pool.fill(0, offset, offset + size);
  offset += size;
  return bytes;
}
