import { randomBytes } from 'node:crypto';
import { SubjectErasedError, type KeyStore } from '../key-store';

/** The key-store port in memory, for tests of what uses it (the SQLite adapter has its own test). */
export class MemoryKeyStore implements KeyStore {
  readonly keys = new Map<string, Buffer>();
  readonly erased = new Set<string>();

  async keyForWriting(subject: string): Promise<Buffer> {
    if (this.erased.has(subject)) throw new SubjectErasedError(subject);
    if (!this.keys.has(subject)) this.keys.set(subject, randomBytes(32));
    return this.keys.get(subject)!;
  }

  async keyForReading(subject: string): Promise<Buffer | undefined> {
    return this.keys.get(subject);
  }

  async destroy(subject: string): Promise<void> {
    this.keys.delete(subject);
    this.erased.add(subject);
  }

  close(): void {
    this.keys.clear();
  }
}
