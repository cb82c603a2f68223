import { REPORTED_VIEWS_STREAM_PREFIX, type ReportedViewsEvent } from '@familybank/domain-partner-facts';
import type { RecordedEvent } from '@familybank/event-store';
import type { Projection } from '../projection';

/** On the owner's side: who viewed one of its shared profiles. */
export interface ProfileViewDocument {
  owner: string;
  pseudonym: string;
  /** Newest first; `messageId` makes a report counted once. */
  views: Array<{ municipality: string; viewedAt: string; messageId: string }>;
}

export const PROFILE_VIEWS = 'profile-views';
/** Newest views kept per family. */
export const MAX_VIEWS_PER_FAMILY = 1_000;

export const profileViewDocumentId = (owner: string, pseudonym: string) => `${owner}:${pseudonym}`;

const TYPES: ReadonlySet<string> = new Set<ReportedViewsEvent['type']>(['ProfileViewsReported']);

export const profileViewsProjection: Projection<ProfileViewDocument> = {
  name: 'profile-views',
  version: 1,
  collection: PROFILE_VIEWS,
  streamPrefix: REPORTED_VIEWS_STREAM_PREFIX,
  handles: TYPES,
  documentId: (event) => profileViewsProjection.documentIds!(event)[0]!,
  documentIds: (event) => [...new Set((event as RecordedEvent & ReportedViewsEvent).data.pseudonyms)].map((pseudonym) => profileViewDocumentId(event.metadata.municipality, pseudonym)),
  evolve: (document, event, documentId = profileViewsProjection.documentId(event)) => {
    const owner = event.metadata.municipality;
    return evolveProfileViews(document ?? { owner, pseudonym: documentId.slice(owner.length + 1), views: [] }, event as RecordedEvent & ReportedViewsEvent);
  },
};

/** Adds the report's view, newest first, keeping the newest MAX_VIEWS_PER_FAMILY; a report already counted changes nothing. */
export function evolveProfileViews(document: ProfileViewDocument, event: RecordedEvent & ReportedViewsEvent): ProfileViewDocument {
  const { viewer, messageId, viewedAt } = event.data;
  if (document.views.some((view) => view.messageId === messageId)) return document;
  const views = [...document.views, { municipality: viewer, viewedAt, messageId }].sort((a, b) => b.viewedAt.localeCompare(a.viewedAt)).slice(0, MAX_VIEWS_PER_FAMILY);
  return { ...document, views };
}
