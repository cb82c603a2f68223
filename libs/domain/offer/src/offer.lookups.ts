import type { OfferCommand, OfferState } from './offer.types';

/** What only the command handler can look up (the directory); passed into the command, never read by the decider. */
export interface OfferLookups {
  /** Fingerprint of the encryption key the municipality announced, if it announced one. */
  encryptionKeyFingerprintOf(municipality: string): string | undefined;
}

/**
 * Completes a command with the lookups its rule needs, from the offer's current state: a disclosure
 * without a fingerprint gets the requester's announced key. Everything else passes unchanged, and a
 * fingerprint the caller gave is kept, so the decider decides on what the caller meant.
 */
export function completeOfferCommand(command: OfferCommand, state: OfferState, lookups: OfferLookups): OfferCommand {
  if (command.type !== 'RecordDisclosure' || command.data.recipientKeyFingerprint !== undefined || state.terms === undefined) return command;
  const recipientKeyFingerprint = lookups.encryptionKeyFingerprintOf(state.terms.requester.municipality);
  return recipientKeyFingerprint === undefined ? command : { ...command, data: { ...command.data, recipientKeyFingerprint } };
}
