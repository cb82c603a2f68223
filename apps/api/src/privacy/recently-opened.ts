import type { RecordedEvent } from '@familybank/event-store';

/**
 * The newest events of the log as last read and opened (personal fields decrypted), so that the
 * log's readers that wake after a commit (read models, workflows, outbox relay, webhooks) read
 * and decrypt each new event once between them, not once each.
 *
 * It holds one contiguous stretch: every event with a position in (`from`, last cached position],
 * exactly as a read of the log returned them, so serving a reader from it answers what the log
 * would have. A newer stretch that does not continue the cached one replaces it (an older one is
 * left out); beyond `capacity`, the oldest events go. `forget()` empties it (an erasure: no decrypted value may outlive its key),
 * and a read that began before the forget cannot put back what it opened.
 */
export class RecentlyOpened {
  private events: RecordedEvent[] = [];
  private from = 0;
  private generation = 0;

  constructor(private readonly capacity = 2_000) {}

  /** The cached events after `after`, at most `limit`; undefined when `after` is outside the cached stretch. */
  after(after: number, limit: number): RecordedEvent[] | undefined {
    if (this.events.length === 0 || after < this.from || after > this.last()) return undefined;
    let low = 0;
    let high = this.events.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.events[middle]!.position <= after) low = middle + 1;
      else high = middle;
    }
    return this.events.slice(low, Math.min(this.events.length, low + limit));
  }

  /** A token for a read about to start: `add` with an older token is ignored. */
  begin(): number {
    return this.generation;
  }

  /** `events` are what a read of the log returned for `after` (all of them, in order). */
  add(token: number, after: number, events: readonly RecordedEvent[]): void {
    if (token !== this.generation || events.length === 0) return;
    const continues = this.events.length > 0 && after === this.last();
    // A reader far behind (a rebuild) does not push out the newest events the others are about to ask for.
    if (!continues && this.events.length > 0 && events[events.length - 1]!.position <= this.last()) return;
    let merged = (continues ? this.events : []).concat(events);
    let from = continues ? this.from : after;
    const excess = merged.length - this.capacity;
    if (excess > 0) {
      from = merged[excess - 1]!.position;
      merged = merged.slice(excess);
    }
    this.events = merged;
    this.from = from;
  }

  forget(): void {
    this.generation++;
    this.events = [];
    this.from = 0;
  }

  private last(): number {
    return this.events[this.events.length - 1]!.position;
  }
}
