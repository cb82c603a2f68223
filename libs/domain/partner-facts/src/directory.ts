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

export type DirectoryCommand = Message<'RecordAnnouncement', Announcement>;
export type DirectoryEvent = Message<'MunicipalityAnnounced', Announcement>;

export interface DirectoryState {
  entry?: Announcement;
}

export const DirectoryErrors = {
  keyPinned: (code: string) =>
    new DomainError('DIRECTORY.KEY_PINNED', 'conflict', `${code} announced another signing key: the first announced key stays (keys cannot be rotated yet)`, { code }),
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
    default:
      return assertNever(command.type);
  }
}

export function evolveDirectory(_state: DirectoryState, event: DirectoryEvent): DirectoryState {
  return { entry: event.data };
}

export const directoryDecider = {
  decide: decideDirectory,
  evolve: evolveDirectory,
  initialState: (): DirectoryState => ({}),
};
