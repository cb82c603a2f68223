import type { SupportRecordView } from '@familybank/contracts';
import type { Projection } from '../projection';
import { familyIdOf, type RecordedFamilyEvent } from './family-events';

/**
 * One document per support record, so that a family's support history is read page by page
 * instead of growing the family detail. The stream revision identifies a record within its family.
 */
export const supportRecordsProjection: Projection<SupportRecordView> = {
  name: 'family-support',
  version: 1,
  collection: 'family-support',
  streamPrefix: 'family-',
  handles: new Set(['SupportRecorded']),
  listedByFamily: true,
  documentId: (event) => `${familyIdOf(event)}/${event.revision}`,
  evolve: (document, event) => (event.type === 'SupportRecorded' ? supportRecordOf(event as RecordedFamilyEvent & { type: 'SupportRecorded' }) : document),
};

export function supportRecordOf(event: RecordedFamilyEvent & { type: 'SupportRecorded' }): SupportRecordView {
  const { kind, on, note } = event.data;
  return {
    familyId: familyIdOf(event),
    revision: event.revision,
    position: event.position,
    kind,
    on,
    ...(note === undefined ? {} : { note }),
    recordedBy: event.metadata.actor,
    recordedAt: event.recordedAt,
  };
}
