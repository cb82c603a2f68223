import { DIRECTORY_OWNER, DIRECTORY_STREAM_PREFIX, type Announcement, type DirectoryEvent } from '@familybank/domain-partner-facts';
import type { RecordedEvent } from '@familybank/event-store';
import type { Projection } from '../projection';

/** A signing key a municipality announced, in order: partners walk it from the key they pinned. */
export interface SigningKeyRecord {
  signingKey: string;
  fingerprint: string;
  /** The key that vouched for this one (absent for the first, trusted on first use). */
  vouchedBy?: string;
  /** Retired (or replaced before it became current): messages signed by it are refused... */
  retired: boolean;
  /** ...unless the exchange accepted them before this time (the exchange's clock, not the sender's). */
  retiredAt?: string;
}

/** A municipality on the directory, as announced (trusted on first use), with its signing keys over time. */
export type DirectoryEntry = Announcement & {
  /** Announced by the current key and not yet current: accepted beside it (a rotation's overlap). */
  successor?: { signingKey: string; fingerprint: string };
  /** Absent in entries recorded before keys could rotate: then the announced key is the only one. */
  keys?: SigningKeyRecord[];
};

export const DIRECTORY = 'directory';
/** The directory is one for the node: its documents belong to no single municipality. */
export const DIRECTORY_MUNICIPALITY = DIRECTORY_OWNER;

const TYPES: ReadonlySet<string> = new Set<DirectoryEvent['type']>(['MunicipalityAnnounced', 'SigningKeySuccessorAnnounced', 'SigningKeyRetired']);

export const directoryProjection: Projection<DirectoryEntry> = {
  name: 'directory',
  // 2: entries hold their signing keys over time.
  version: 2,
  collection: DIRECTORY,
  streamPrefix: DIRECTORY_STREAM_PREFIX,
  handles: TYPES,
  documentId: (event) => (event as RecordedEvent & DirectoryEvent).data.code,
  evolve: (entry, event) => evolveDirectoryEntry(entry, event as RecordedEvent & DirectoryEvent),
};

export function evolveDirectoryEntry(entry: DirectoryEntry | null, event: DirectoryEvent): DirectoryEntry {
  switch (event.type) {
    case 'MunicipalityAnnounced':
      return { ...entry, ...event.data, keys: entry?.keys ?? [{ signingKey: event.data.signingKey, fingerprint: event.data.fingerprint, retired: false }] };
    case 'SigningKeySuccessorAnnounced': {
      const { signingKey, fingerprint, currentFingerprint } = event.data;
      // A successor announced again replaces the one before it, which never became current.
      const keys = (entry?.keys ?? []).map((key) => (key.fingerprint === entry?.successor?.fingerprint ? { ...key, retired: true } : key));
      return { ...entry!, successor: { signingKey, fingerprint }, keys: [...keys, { signingKey, fingerprint, vouchedBy: currentFingerprint, retired: false }] };
    }
    case 'SigningKeyRetired': {
      const { signingKey, fingerprint, retiredFingerprint } = event.data;
      const keys = (entry?.keys ?? []).map((key) => (key.fingerprint === retiredFingerprint ? { ...key, retired: true, retiredAt: event.data.retiredAt } : key));
      const { successor: _done, ...rest } = entry!;
      return { ...rest, signingKey, fingerprint, keys };
    }
  }
}

/**
 * The keys a partner's messages may be signed with, given the key pinned with the partnership:
 * the pinned key and every key reached from it through successors each vouched for by the one
 * before, leaving out retired ones, except for a message the exchange accepted (`acceptedAt`)
 * before the key was retired (then the keys before the pinned one count too, for a partner who
 * pinned after a rotation): what was signed and on the exchange before the rotation stays valid
 * (a compacted pool keeps such messages for ever), while nobody holding an old key can add to it.
 * A pinned key the directory does not know stays the only one.
 */
export function trustedSigningKeys(pinned: { publicKey: string; fingerprint: string }, entry: DirectoryEntry | undefined, acceptedAt?: string): string[] {
  const keys = entry?.keys ?? [];
  if (!keys.some((key) => key.fingerprint === pinned.fingerprint)) return [pinned.publicKey];
  const counts = (record: SigningKeyRecord) =>
    !record.retired || (record.retiredAt !== undefined && acceptedAt !== undefined && Date.parse(acceptedAt) < Date.parse(record.retiredAt));
  const trusted: string[] = [];
  // Keys that came before the pinned one (a partner who pinned after a rotation still reads what
  // was signed before it), each having vouched for the next; they are all retired.
  for (let record = keys.find((key) => key.fingerprint === pinned.fingerprint)?.vouchedBy; record !== undefined; ) {
    const earlier = keys.find((key) => key.fingerprint === record);
    if (!earlier || trusted.includes(earlier.signingKey)) break;
    if (counts(earlier)) trusted.unshift(earlier.signingKey);
    record = earlier.vouchedBy;
  }
  // The pinned key and its successors.
  const seen = new Set<string>();
  const queue = [pinned.fingerprint];
  while (queue.length > 0) {
    const fingerprint = queue.shift()!;
    if (seen.has(fingerprint)) continue;
    seen.add(fingerprint);
    const record = keys.find((key) => key.fingerprint === fingerprint);
    if (record && counts(record)) trusted.push(record.signingKey);
    queue.push(...keys.filter((key) => key.vouchedBy === fingerprint).map((key) => key.fingerprint));
  }
  return trusted;
}
