import { familyStreamId } from '@familybank/domain-family';
import { requestStreamId } from '@familybank/domain-request';
import type { RecordedEvent } from '@familybank/event-store';
import type { Projection } from '../projection';

/**
 * Who holds a family or a request: the user who registered or opened it. The worklist's
 * `assignee`, until there is an explicit case worker (e.g. a family's contact person).
 * Keyed by stream id (`family-…`, `request-…`), so one collection serves both.
 */
export interface CaseHolder {
  streamId: string;
  holder: string;
}

export const CASE_HOLDERS = 'case-holders';

/** The first event of each stream whose actor holds it; the types are unique to their aggregates. */
const FIRST_EVENTS: Record<string, string> = { FamilyRegistered: 'family-', RequestOpened: 'request-' };

export const caseHoldersProjection: Projection<CaseHolder> = {
  name: 'case-holders',
  version: 1,
  collection: CASE_HOLDERS,
  // Two aggregates: the prefix check is per event type below.
  streamPrefix: '',
  handles: new Set(Object.keys(FIRST_EVENTS)),
  documentId: (event) => event.streamId,
  evolve: (holder, event) => evolveCaseHolder(holder, event),
};

export function evolveCaseHolder(holder: CaseHolder | null, event: RecordedEvent): CaseHolder | null {
  const prefix = FIRST_EVENTS[event.type];
  if (prefix === undefined || !event.streamId.startsWith(prefix)) return holder;
  return { streamId: event.streamId, holder: event.metadata.actor };
}

/** The stream id a worklist subject is held under; partners' requests have no holder here. */
export const holderKey = (subject: { type: string; id: string }): string | undefined =>
  subject.type === 'family' ? familyStreamId(subject.id) : subject.type === 'request' ? requestStreamId(subject.id) : undefined;
