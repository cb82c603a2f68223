export interface GroupLimits {
  /** At most this many items per group. */
  maxItems: number;
  /** At most this much total weight per group (events), unless a single item weighs more. */
  maxWeight: number;
}

/**
 * Collects work that arrives while a flush is pending and hands it over as one group, so that
 * concurrent appends share one transaction and one fsync. The flush runs on `setImmediate`:
 * every append issued in the current turn of the event loop, and every continuation resumed by
 * the previous group's results, joins the next group. Limits keep a group's latency bounded;
 * what does not fit waits for the next turn, which lets I/O in between.
 */
export class GroupCommitQueue<Item> {
  private queue: Item[] = [];
  private scheduled: NodeJS.Immediate | undefined;

  constructor(
    private readonly flushGroup: (group: Item[]) => void,
    private readonly weigh: (item: Item) => number,
    private readonly limits: GroupLimits,
  ) {}

  enqueue(item: Item): void {
    this.queue.push(item);
    this.scheduled ??= setImmediate(() => this.flushNext());
  }

  /** Flushes everything queued, now, group by group (on close, so that no append is left behind). */
  drain(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    while (this.queue.length > 0) this.flushGroup(this.takeGroup());
  }

  private flushNext(): void {
    this.scheduled = undefined;
    const group = this.takeGroup();
    if (this.queue.length > 0) this.scheduled = setImmediate(() => this.flushNext());
    this.flushGroup(group);
  }

  /** Arrival order is kept; the first item always goes, however heavy, so nothing starves. */
  private takeGroup(): Item[] {
    let count = 0;
    let weight = 0;
    for (const item of this.queue) {
      const next = weight + this.weigh(item);
      if (count > 0 && (count >= this.limits.maxItems || next > this.limits.maxWeight)) break;
      count += 1;
      weight = next;
    }
    return this.queue.splice(0, count);
  }
}
