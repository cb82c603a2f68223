import type { FamilyEvent } from '@familybank/domain-family';
import type { RecordedEvent } from '@familybank/event-store';

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
