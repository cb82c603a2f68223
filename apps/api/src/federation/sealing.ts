import type { SealedBoxMessage } from '@familybank/contracts';

/**
 * What every message mapper shares: how a box is sealed to a partner's key, the associated data
 * that binds a box to its sender, recipient and purpose, and the length free text is cut to.
 */
export type Seal = (plaintext: string, recipientEncryptionKey: string, associatedData: string) => SealedBoxMessage;

/** Binds a disclosure to its owner, requester and assignment: a box moved to another assignment does not open. */
export const disclosureAad = (owner: string, requester: string, assignmentId: string) => `${owner}|${requester}|${assignmentId}`;

/** Binds a sealed views message to its viewer and owner. */
export const profileViewsAad = (viewer: string, owner: string) => `${viewer}|${owner}|profile-views`;

/** Reasons that leave a municipality are cut to this length (the exchange contracts' limit). */
export const MAX_REASON = 200;

/** The default branch of an exhaustive mapper: an event of a stream that publishes nothing. */
export function unknownEvent(_event: never): [] {
  return [];
}
