import type { Message } from '@familybank/domain-core';
import type { FamilyEvent } from '@familybank/domain-family';
import type { RecordedEvent } from '@familybank/event-store';
import type { Projection } from './projection';

/** Wraps domain events as if the store had recorded them in one family's stream. */
export function recorded(events: FamilyEvent[], options: { familyId?: string; municipality?: string; start?: string; dayStep?: number } = {}): Array<RecordedEvent & FamilyEvent> {
  const start = new Date(options.start ?? '2026-11-01T09:00:00.000Z').getTime();
  return events.map((event, index) => {
    const occurredAt = new Date(start + index * (options.dayStep ?? 1) * 86_400_000).toISOString();
    const data = event.type === 'FamilyRegistered' && options.familyId ? { ...event.data, familyId: options.familyId } : event.data;
    return {
      ...event,
      data,
      eventId: `e-${options.familyId ?? 'f1'}-${index}`,
      streamId: `family-${options.familyId ?? 'f1'}`,
      revision: index,
      position: index + 1,
      recordedAt: occurredAt,
      metadata: { actor: 'anna@0630', municipality: options.municipality ?? '0630', correlationId: 'c', causationId: `cmd-${index}`, occurredAt, schemaVersion: 1 },
    } as RecordedEvent & FamilyEvent;
  });
}

let position = 0;

/** One event as the store would have recorded it on `streamId` of `municipality`. */
export function recordedOn<E extends Message>(streamId: string, event: E, municipality: string, occurredAt = '2026-03-10T09:00:00.000Z'): RecordedEvent & E {
  position += 1;
  return {
    ...event,
    eventId: `e-${position}`,
    streamId,
    revision: 0,
    position,
    recordedAt: occurredAt,
    metadata: { actor: 'partner:test', municipality, correlationId: 'c', causationId: `cmd-${position}`, occurredAt, schemaVersion: 1 },
  } as RecordedEvent & E;
}

/** Folds events as the runner does (every document an event names), without a database: id → document. */
export function foldProjection<Doc>(projection: Projection<Doc>, events: RecordedEvent[]): Map<string, Doc> {
  const documents = new Map<string, Doc>();
  for (const event of events) {
    if (!projection.handles.has(event.type) || !event.streamId.startsWith(projection.streamPrefix)) continue;
    for (const id of projection.documentIds ? projection.documentIds(event) : [projection.documentId(event)]) {
      const next = projection.evolve(documents.get(id) ?? null, event, id);
      if (next === null) documents.delete(id);
      else documents.set(id, next);
    }
  }
  return documents;
}
