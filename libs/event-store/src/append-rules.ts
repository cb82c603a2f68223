import { DuplicateEventIdError } from './errors';
import type { AppendResult, ExpectedRevision, NewEvent } from './event-store.port';

/** Rules every adapter applies the same way, so the contract suite holds for all of them. */

/** `current` is the stream's last revision, -1 when the stream does not exist. */
export function satisfiesExpectedRevision(expected: ExpectedRevision, current: number): boolean {
  if (expected === 'any') return true;
  if (expected === 'no-stream') return current === -1;
  return expected === current;
}

/** The same id twice in one batch can never be a retry of an earlier append. */
export function assertNoRepeatedIds(streamId: string, events: readonly NewEvent[]): void {
  const seen = new Set<string>();
  for (const { eventId } of events) {
    if (seen.has(eventId)) throw new DuplicateEventIdError(streamId, eventId);
    seen.add(eventId);
  }
}

export interface StoredEventRef {
  streamId: string;
  revision: number;
  position: number;
}

/**
 * A retried command re-sends the same event ids. When the whole batch is already stored, in
 * this stream and in this order, the retry gets the original result back; a batch that only
 * partly matches is a different command reusing ids, which is refused.
 *
 * @param stored what the store holds for each event of the batch, by event id
 * @returns the original result, or undefined when none of the ids is stored
 */
export function previousAppendResult(
  streamId: string,
  events: readonly NewEvent[],
  stored: ReadonlyArray<StoredEventRef | undefined>,
): AppendResult | undefined {
  const firstStoredIndex = stored.findIndex((ref) => ref !== undefined);
  if (firstStoredIndex === -1) return undefined;
  const first = stored[0];
  const isSameBatch =
    first !== undefined && stored.every((ref, index) => ref?.streamId === streamId && ref.revision === first.revision + index);
  if (!isSameBatch) throw new DuplicateEventIdError(streamId, events[firstStoredIndex].eventId);
  const last = stored[stored.length - 1]!;
  return { nextExpectedRevision: last.revision, lastPosition: last.position };
}
