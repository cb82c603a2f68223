import { DomainError, assertNever, type DecisionContext, type Message } from '@familybank/domain-core';

/**
 * The directory as this node knows it: one stream per announced municipality, `directory-<code>`.
 * The directory is one for the whole node (every municipality it serves reads the same topic and
 * trusts the same keys), so its streams belong to no single municipality: their owner is `*`.
 */
export const DIRECTORY_STREAM_PREFIX = 'directory-';
export const DIRECTORY_OWNER = '*';

export const directoryStreamId = (code: string) => `${DIRECTORY_STREAM_PREFIX}${code}`;

export interface Announcement {
  code: string;
  name: string;
  /** Ed25519 public key (trusted on first use); its fingerprint is shown to partners before they accept. */
  signingKey: string;
  fingerprint: string;
  /** X25519 public key that disclosures to this municipality are sealed to. */
  encryptionKey: string;
  /** When the municipality announced it (the message's occurredAt). */
  announcedAt: string;
}

/** A key rotation's first step: the municipality's current key vouched for its successor (the transport checked both signatures). */
export interface KeySuccession {
  code: string;
  /** The key that vouched: must be the municipality's current key. */
  currentFingerprint: string;
  signingKey: string;
  fingerprint: string;
  announcedAt: string;
}

/** The rotation's last step, signed by the successor: the old key no longer counts. */
export interface KeyRetirement {
  code: string;
  retiredFingerprint: string;
  retiredAt: string;
}

export type DirectoryCommand =
  | Message<'RecordAnnouncement', Announcement>
  | Message<'RecordKeySuccessor', KeySuccession>
  | Message<'RecordKeyRetirement', KeyRetirement>;
export type DirectoryEvent =
  | Message<'MunicipalityAnnounced', Announcement>
  | Message<'SigningKeySuccessorAnnounced', KeySuccession>
  | Message<'SigningKeyRetired', KeyRetirement & { signingKey: string; fingerprint: string }>;

export interface DirectoryState {
  entry?: Announcement;
  /** Announced and not yet current: messages signed by it are accepted beside the current key's. */
  successor?: { signingKey: string; fingerprint: string };
}

export const DirectoryErrors = {
  keyPinned: (code: string) =>
    new DomainError('DIRECTORY.KEY_PINNED', 'conflict', `${code} announced another signing key: a new key is announced as a successor, vouched for by the current one`, { code }),
  notCurrentKey: (code: string) =>
    new DomainError('DIRECTORY.NOT_CURRENT_KEY', 'conflict', `Only ${code}'s current signing key may name its successor or be retired`, { code }),
  notAnnounced: (code: string) => new DomainError('DIRECTORY.NOT_ANNOUNCED', 'not-found', `${code} has not announced itself`, { code }),
  noSuccessor: (code: string) => new DomainError('DIRECTORY.NO_SUCCESSOR', 'conflict', `${code} has announced no successor key to retire its key for`, { code }),
} as const;

/**
 * Trust on first use: the first announcement is recorded; a later one with the same key is
 * recorded only when it changes something (name or encryption key), so re-announcing at every
 * start adds nothing; one with another key changes nothing.
 */
export function decideDirectory(command: DirectoryCommand, state: DirectoryState, _context?: DecisionContext): DirectoryEvent[] {
  switch (command.type) {
    case 'RecordAnnouncement': {
      const known = state.entry;
      if (!known) return [{ type: 'MunicipalityAnnounced', data: command.data }];
      if (known.signingKey !== command.data.signingKey) throw DirectoryErrors.keyPinned(known.code);
      const changed = known.name !== command.data.name || known.encryptionKey !== command.data.encryptionKey;
      return changed ? [{ type: 'MunicipalityAnnounced', data: command.data }] : [];
    }
    case 'RecordKeySuccessor': {
      const known = state.entry;
      if (!known) throw DirectoryErrors.notAnnounced(command.data.code);
      // Redelivered, or announced again at a restart: nothing new.
      if (state.successor?.fingerprint === command.data.fingerprint || known.fingerprint === command.data.fingerprint) return [];
      if (command.data.currentFingerprint !== known.fingerprint) throw DirectoryErrors.notCurrentKey(known.code);
      // A second successor replaces the first (a rotation begun again), vouched for by the same current key.
      return [{ type: 'SigningKeySuccessorAnnounced', data: command.data }];
    }
    case 'RecordKeyRetirement': {
      const known = state.entry;
      if (!known) throw DirectoryErrors.notAnnounced(command.data.code);
      const successor = state.successor;
      if (!successor) {
        if (command.data.retiredFingerprint !== known.fingerprint) return []; // retired already
        throw DirectoryErrors.noSuccessor(known.code);
      }
      if (command.data.retiredFingerprint !== known.fingerprint) throw DirectoryErrors.notCurrentKey(known.code);
      return [{ type: 'SigningKeyRetired', data: { ...command.data, signingKey: successor.signingKey, fingerprint: successor.fingerprint } }];
    }
    default:
      return assertNever(command);
  }
}

export function evolveDirectory(state: DirectoryState, event: DirectoryEvent): DirectoryState {
  switch (event.type) {
    case 'MunicipalityAnnounced':
      return { ...state, entry: event.data };
    case 'SigningKeySuccessorAnnounced':
      return { ...state, successor: { signingKey: event.data.signingKey, fingerprint: event.data.fingerprint } };
    case 'SigningKeyRetired':
      return { entry: state.entry && { ...state.entry, signingKey: event.data.signingKey, fingerprint: event.data.fingerprint } };
    default:
      return assertNever(event);
  }
}

export const directoryDecider = {
  decide: decideDirectory,
  evolve: evolveDirectory,
  initialState: (): DirectoryState => ({}),
};
