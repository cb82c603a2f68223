import type {
  AllStreamResolvedEvent,
  AppendExpectedRevision,
  CurrentRevision,
  EventData,
  JSONType,
  Position,
  ResolvedEvent,
} from '@eventstore/db-client';
import type { EventMetadata, ExpectedRevision, NewEvent, RecordedEvent } from '../event-store.port';

/**
 * EventStoreDB orders $all by a (commit, prepare) pair of byte offsets in its transaction log.
 * For events appended over gRPC without explicit transactions (all of ours) both are equal to
 * the event's own log offset, so the commit position alone is unique and increasing and serves
 * as our numeric `position`. Limit: offsets above 2^53 (9 PB of log) would lose precision.
 */
export function toNumericPosition(position: Position | undefined): number | undefined {
  // Servers before 22.6 send 2^64-1 ("unknown") for events read from a stream rather than $all.
  if (position === undefined || position.commit < 0n || position.commit >= 2n ** 63n) return undefined;
  return Number(position.commit);
}

export function toEsdbPosition(position: number): Position {
  return { commit: BigInt(position), prepare: BigInt(position) };
}

export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'any') return 'any';
  if (expected === 'no-stream') return 'no_stream';
  return BigInt(expected);
}

export function toActualRevision(current: CurrentRevision): number {
  return current === 'no_stream' ? -1 : Number(current);
}

export function toEventData(event: NewEvent): EventData {
  return {
    id: event.eventId,
    contentType: 'application/json',
    type: event.type,
    // Our events are JSON by contract; the client serialises any JSON value.
    data: (event.data ?? null) as JSONType,
    metadata: event.metadata as unknown as JSONType,
  };
}

/** System streams and events ($-prefixed: projections, stream metadata, links) are not ours. */
function isSystemEvent(streamId: string, type: string): boolean {
  return streamId.startsWith('$') || type.startsWith('$');
}

/**
 * Undefined for system events. Position is 0 when the server does not report it (stream reads on
 * servers before 22.6); $all reads and subscriptions always carry it.
 */
export function toRecordedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | undefined {
  const event = resolved.event;
  if (!event || isSystemEvent(event.streamId, event.type)) return undefined;
  const commit = resolved.commitPosition;
  const position = toNumericPosition(event.position ?? (commit === undefined ? undefined : { commit, prepare: commit }));
  return {
    eventId: event.id,
    streamId: event.streamId,
    revision: Number(event.revision),
    position: position ?? 0,
    type: event.type,
    data: event.data,
    metadata: event.metadata as unknown as EventMetadata,
    recordedAt: event.created.toISOString(),
  };
}

/** Position of a raw $all entry, system events included, to move a read cursor past it. */
export function rawPosition(resolved: AllStreamResolvedEvent): number | undefined {
  const commit = resolved.event?.position.commit ?? resolved.commitPosition;
  return commit === undefined ? undefined : Number(commit);
}
