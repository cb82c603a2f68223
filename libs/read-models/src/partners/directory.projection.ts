import { DIRECTORY_OWNER, DIRECTORY_STREAM_PREFIX, type Announcement, type DirectoryEvent } from '@familybank/domain-partner-facts';
import type { RecordedEvent } from '@familybank/event-store';
import type { Projection } from '../projection';

/** A municipality on the directory, as announced (trusted on first use). */
export type DirectoryEntry = Announcement;

export const DIRECTORY = 'directory';
/** The directory is one for the node: its documents belong to no single municipality. */
export const DIRECTORY_MUNICIPALITY = DIRECTORY_OWNER;

const TYPES: ReadonlySet<string> = new Set<DirectoryEvent['type']>(['MunicipalityAnnounced']);

export const directoryProjection: Projection<DirectoryEntry> = {
  name: 'directory',
  version: 1,
  collection: DIRECTORY,
  streamPrefix: DIRECTORY_STREAM_PREFIX,
  handles: TYPES,
  documentId: (event) => (event as RecordedEvent & DirectoryEvent).data.code,
  evolve: (_entry, event) => ({ ...(event as RecordedEvent & DirectoryEvent).data }),
};
