import type { MakeOfferData, OfferCommand, OfferEvent, OfferTerms } from '../offer.types';

/**
 * Horsens (0265) owns the family and offers it to Vejle's (0630) request; tests start from the
 * events that take the offer to each stage of the acceptance saga.
 */
export const NOW = new Date('2026-03-10T09:00:00.000Z');
export const TODAY = '2026-03-10';

export const terms: OfferTerms = {
  offerId: 'offer-1',
  requester: { municipality: '0630', requestId: 'req-1' },
  familyId: 'fam-horsens-1',
  pseudonym: 'ps-horsens-a',
  period: { from: '2026-04-01', to: '2026-09-30' },
  children: 1,
  note: 'Weekends only; the family has a dog',
};

/** The MakeOffer command that yields `offered` (default: `terms`): an open request in the inbox, a shareable family. */
export function makeOffer(offered: OfferTerms = terms): Extract<OfferCommand, { type: 'MakeOffer' }> {
  const { period, children, ...rest } = offered;
  const data: MakeOfferData = { ...rest, partnerRequest: { status: 'open', period, children } };
  return { type: 'MakeOffer', data };
}

export const ACCEPTANCE_ID = 'acc-1';
export const ASSIGNMENT_ID = 'asg-1';
export const KEY_FINGERPRINT = 'SHA256:vejle-2026';

export const offerMade: OfferEvent = { type: 'OfferMade', data: terms };
export const acceptanceReceived = (acceptanceId = ACCEPTANCE_ID): OfferEvent => ({ type: 'AcceptanceReceived', data: { acceptanceId } });
export const assignmentConfirmed = (assignmentId = ASSIGNMENT_ID): OfferEvent => ({
  type: 'AssignmentConfirmed',
  data: { assignmentId, familyId: terms.familyId, requester: terms.requester, period: terms.period, children: terms.children },
});
export const disclosed = (recipientKeyFingerprint = KEY_FINGERPRINT, assignmentId = ASSIGNMENT_ID): OfferEvent => ({
  type: 'ContactDetailsDisclosed',
  data: { assignmentId, recipientKeyFingerprint },
});
export const offerWithdrawn = (reason = 'The family is no longer available', code?: string): OfferEvent => ({
  type: 'OfferWithdrawn',
  data: code === undefined ? { reason } : { reason, code },
});
export const declinedByRequester = (reason = 'Filled with another offer'): OfferEvent => ({ type: 'OfferDeclinedByRequester', data: { reason } });
export const ending = { assignmentId: ASSIGNMENT_ID, reason: 'Ended as planned', wantsNewAssignment: true };
export const assignmentEnded: OfferEvent = {
  type: 'AssignmentEnded',
  data: { ...ending, familyId: terms.familyId, requester: terms.requester, endedOn: TODAY },
};

/** Made, waiting for the requester. */
export const made: OfferEvent[] = [offerMade];
/** The requester accepted; the owner is reserving the family. */
export const acceptancePending: OfferEvent[] = [...made, acceptanceReceived()];
/** The family stream took the reservation: the assignment runs. */
export const confirmed: OfferEvent[] = [...acceptancePending, assignmentConfirmed()];
/** Confirmed and the contact details sent to the requester. */
export const disclosedToRequester: OfferEvent[] = [...confirmed, disclosed()];
export const ended: OfferEvent[] = [...disclosedToRequester, assignmentEnded];
/** Withdrawn by the owner's caseworker before anyone accepted. */
export const withdrawnWhileMade: OfferEvent[] = [...made, offerWithdrawn()];
/** Withdrawn by the saga: the family had no place left in the period. */
export const withdrawnAfterAcceptance: OfferEvent[] = [
  ...acceptancePending,
  offerWithdrawn('No free place in the period', 'FAMILY.NO_PLACE_IN_PERIOD'),
];
export const declined: OfferEvent[] = [...made, declinedByRequester()];
export const declinedAfterAcceptance: OfferEvent[] = [...acceptancePending, declinedByRequester('The caseworker cancelled the acceptance')];

/** One valid-looking command of every type except MakeOffer. */
export const everyCommandButMake: OfferCommand[] = [
  { type: 'ReceiveAcceptance', data: { acceptanceId: ACCEPTANCE_ID } },
  { type: 'ConfirmAssignment', data: { assignmentId: ASSIGNMENT_ID } },
  { type: 'RecordDisclosure', data: { assignmentId: ASSIGNMENT_ID, recipientKeyFingerprint: KEY_FINGERPRINT } },
  { type: 'WithdrawOffer', data: { reason: 'The family is no longer available' } },
  { type: 'RecordOfferDeclined', data: { reason: 'Filled with another offer' } },
  { type: 'EndAssignment', data: ending },
];
