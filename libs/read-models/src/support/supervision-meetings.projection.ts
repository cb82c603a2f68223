import type { SupervisionMeetingView } from '@familybank/contracts';
import { assertNever } from '@familybank/domain-core';
import type { SupervisionMeetingEvent } from '@familybank/domain-support';
import type { RecordedEvent } from '@familybank/event-store';
import type { Projection } from '../projection';

type RecordedMeetingEvent = RecordedEvent & SupervisionMeetingEvent;

const PREFIX = 'supervision-meeting-';

/** One document per meeting, with each invited family's attendance (a group is bounded: at most 40 families). */
export const supervisionMeetingsProjection: Projection<SupervisionMeetingView> = {
  name: 'supervision-meetings',
  version: 1,
  collection: 'supervision-meetings',
  streamPrefix: PREFIX,
  handles: new Set<SupervisionMeetingEvent['type']>(['SupervisionMeetingPlanned', 'SupervisionAttendanceRecorded', 'SupervisionMeetingCancelled']),
  documentId: (event) => event.streamId.slice(PREFIX.length),
  evolve: (document, event) => evolveSupervisionMeeting(document, event as RecordedMeetingEvent),
};

export function evolveSupervisionMeeting(document: SupervisionMeetingView | null, event: RecordedMeetingEvent): SupervisionMeetingView | null {
  switch (event.type) {
    case 'SupervisionMeetingPlanned': {
      const { meetingId, format, theme, on, leaders, familyIds } = event.data;
      const participants = familyIds.map((familyId) => ({ familyId }));
      return { meetingId, format, theme, on, leaders, status: 'planned', participants, familyIds, plannedBy: event.metadata.actor, revision: event.revision };
    }
    case 'SupervisionAttendanceRecorded': {
      if (!document) return null;
      const { familyId, attended, note } = event.data;
      const participants = document.participants.map((participant) =>
        participant.familyId === familyId ? { familyId, attended, ...(note !== undefined && { note }), recordedBy: event.metadata.actor } : participant,
      );
      return { ...document, participants, revision: event.revision };
    }
    case 'SupervisionMeetingCancelled':
      return document && { ...document, status: 'cancelled', cancelReason: event.data.reason, revision: event.revision };
    default:
      return assertNever(event);
  }
}
