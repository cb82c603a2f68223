import type { EmergencyCallMonth, EmergencyCallView } from '@familybank/contracts';
import { isoDate, monthOf } from '@familybank/domain-core';
import type { EmergencyCallRecorded } from '@familybank/domain-support';
import type { RecordedEvent } from '@familybank/event-store';
import type { Projection } from '../projection';

type RecordedCall = RecordedEvent & EmergencyCallRecorded;

const PREFIX = 'emergency-line-';
const HANDLES: ReadonlySet<string> = new Set<EmergencyCallRecorded['type']>(['EmergencyCallRecorded']);

/** One document per call: a family's calls and the municipality's are read page by page, filtered by the day received. */
export const emergencyCallsProjection: Projection<EmergencyCallView> = {
  name: 'emergency-calls',
  version: 1,
  collection: 'emergency-calls',
  streamPrefix: PREFIX,
  handles: HANDLES,
  listedByFamily: true,
  documentId: (event) => `${event.streamId.slice(PREFIX.length)}/${(event as RecordedCall).data.callId}`,
  evolve: (_document, event) => emergencyCallOf(event as RecordedCall),
};

export function emergencyCallOf(event: RecordedCall): EmergencyCallView {
  const { answeredBy, note, ...call } = event.data;
  // Offsets are normalised to UTC, so that the day and month of a call do not depend on how it was sent.
  const receivedAt = new Date(call.receivedAt).toISOString();
  return {
    ...call,
    receivedAt,
    receivedOn: isoDate(new Date(receivedAt)),
    ...(answeredBy !== undefined && { answeredBy }),
    ...(note !== undefined && { note }),
    recordedBy: event.metadata.actor,
    recordedAt: event.recordedAt,
  };
}

/**
 * Calls per municipality and month received (`<municipality>/<YYYY-MM>`): the report of calls per
 * month, and what a figure over time can read without counting calls.
 */
export const emergencyCallsPerMonthProjection: Projection<EmergencyCallMonth> = {
  name: 'emergency-calls-per-month',
  version: 1,
  collection: 'emergency-calls-per-month',
  streamPrefix: PREFIX,
  handles: HANDLES,
  documentId: (event) => `${event.metadata.municipality}/${monthOf(emergencyCallOf(event as RecordedCall).receivedOn)}`,
  evolve: (document, event) => countCall(document, event as RecordedCall),
};

export function countCall(document: EmergencyCallMonth | null, event: RecordedCall): EmergencyCallMonth {
  const call = emergencyCallOf(event);
  const month = document ?? { month: monthOf(call.receivedOn), calls: 0, minutes: 0, byCategory: {} };
  return {
    month: month.month,
    calls: month.calls + 1,
    minutes: month.minutes + call.durationMinutes,
    byCategory: { ...month.byCategory, [call.category]: (month.byCategory[call.category] ?? 0) + 1 },
  };
}
