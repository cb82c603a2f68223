import type { AssignmentRecord } from '@familybank/contracts';
import type { Projection } from '../projection';
import { familyIdOf, type RecordedFamilyEvent } from './family-events';

/**
 * One document per assignment of a family, active or ended: the family detail keeps only the active
 * ones (bounded by its capacity) and a count of the ended ones, and the whole list is read page by page.
 */
export const familyAssignmentsProjection: Projection<AssignmentRecord> = {
  name: 'family-assignments',
  version: 1,
  collection: 'family-assignments',
  streamPrefix: 'family-',
  handles: new Set(['FamilyReserved', 'AssignmentEnded']),
  listedByFamily: true,
  documentId: (event) => `${familyIdOf(event)}/${(event.data as { assignmentId: string }).assignmentId}`,
  evolve: (document, event) => evolveAssignment(document, event as RecordedFamilyEvent),
};

export function evolveAssignment(document: AssignmentRecord | null, event: RecordedFamilyEvent): AssignmentRecord | null {
  switch (event.type) {
    case 'FamilyReserved': {
      const { assignmentId, requester, period, children } = event.data;
      return { assignmentId, requester, period, children, familyId: familyIdOf(event), status: 'active', reservedAt: event.recordedAt };
    }
    case 'AssignmentEnded': {
      if (document === null) return null;
      const { endedOn, reason, wantsNewAssignment } = event.data;
      return { ...document, status: 'ended', ending: { endedOn, reason, wantsNewAssignment, endedBy: event.metadata.actor, recordedAt: event.recordedAt } };
    }
    default:
      return document;
  }
}
