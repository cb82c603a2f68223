/** An aggregate's folded state at a known stream revision. */
export interface CachedState {
  /** Municipality that owns the stream (from its first event). */
  owner: string;
  revision: number;
  position: number;
  state: unknown;
}

/**
 * Least-recently-used cache of folded aggregate states. An entry is only a starting point: the
 * gateway reads the stream's events after the cached revision before deciding, and appends with
 * that revision expected, so a stale entry can never be decided on.
 */
export class StateCache {
  private readonly entries = new Map<string, CachedState>();

  constructor(private readonly capacity = 5_000) {}

  get(streamId: string): CachedState | undefined {
    const entry = this.entries.get(streamId);
    if (entry) {
      this.entries.delete(streamId);
      this.entries.set(streamId, entry);
    }
    return entry;
  }

  set(streamId: string, entry: CachedState): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(streamId: string): void {
    this.entries.delete(streamId);
  }

  get size(): number {
    return this.entries.size;
  }
}
