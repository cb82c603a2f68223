import type { IsoDate, Message } from '@familybank/domain-core';

/**
 * An offer of one of the owner's families for another municipality's request, as the OWNER
 * (the municipality that owns the family) keeps it: stream `offer-<offerId>` in its own store.
 * It follows the acceptance saga: the requester's acceptance arrives, the owner reserves the
 * family on the family stream, then confirms the assignment (and discloses the contact details
 * encrypted to the requester) or withdraws the offer.
 */
export type OfferStatus = 'none' | 'made' | 'acceptance-received' | 'confirmed' | 'withdrawn' | 'declined';

/** The requesting municipality and its request; the request id means something only there. */
export interface Requester {
  municipality: string;
  requestId: string;
}

export interface OfferPeriod {
  from: IsoDate;
  to: IsoDate;
}

/** What the owner offers; structurally the same requester, period and children as a family Reservation. */
export interface OfferTerms {
  offerId: string;
  requester: Requester;
  familyId: string;
  /** The family as partners know it (keyed hash of the family id). */
  pseudonym: string;
  period: OfferPeriod;
  /** Children the family takes for this request (siblings count), at least one. */
  children: number;
  note?: string;
  /**
   * An own placement: the requester is the owner itself, which places its family for its own
   * request. Same reservation and assignment lifecycle; nothing is sent to a partner or sealed.
   */
  own?: true;
}

/** The assignment a confirmed offer created; ending it frees the family's place. */
export interface OfferAssignment {
  assignmentId: string;
  status: 'active' | 'ended';
  /** Fingerprints of the requester's keys the contact details were encrypted to. */
  disclosedTo: string[];
}

export interface OfferState {
  status: OfferStatus;
  terms?: OfferTerms;
  /** The requester's acceptance, once received; kept so a redelivery changes nothing. */
  acceptanceId?: string;
  assignment?: OfferAssignment;
}

export interface AssignmentEnding {
  assignmentId: string;
  reason: string;
  /** Retention: does the family want a new assignment? */
  wantsNewAssignment: boolean;
}

/**
 * The partner's request as our inbox holds it, looked up by the command handler for `MakeOffer`:
 * an offer answers an open request in our inbox, for its period and children.
 */
export type PartnerRequestLookup = { status: 'unknown' } | { status: 'closed'; reason: string } | { status: 'open'; period: OfferPeriod; children: number };

/**
 * What a caseworker offers, with the look-ups the rules need: the partner's request, and the
 * family's pseudonym, which exists only while the family may be shared (available, consenting,
 * validly approved). The decider turns them into the offer's terms.
 */
export interface MakeOfferData {
  offerId: string;
  requester: Requester;
  familyId: string;
  note?: string;
  pseudonym?: string;
  partnerRequest: PartnerRequestLookup;
}

/**
 * An own placement, once the own request recorded it (one pending per request): the request's
 * period and children, and the request's event as the acceptance, so the saga reserves the family.
 */
export interface PlaceOwnFamilyData {
  offerId: string;
  requester: Requester;
  familyId: string;
  pseudonym: string;
  period: OfferPeriod;
  children: number;
  acceptanceId: string;
}

export type OfferCommand =
  | Message<'MakeOffer', MakeOfferData>
  | Message<'PlaceOwnFamily', PlaceOwnFamilyData>
  /**
   * The requester's AcceptanceRequested arrived. `from` is the message's sender and request: an offer
   * made for another request is not found (the consumer passes it; the old federation glue checked the read model).
   */
  | Message<'ReceiveAcceptance', { acceptanceId: string; from?: Requester }>
  /** The family stream accepted the reservation for the period. */
  | Message<'ConfirmAssignment', { assignmentId: string }>
  /**
   * The contact details go out, encrypted to the requester's key with this fingerprint. A workflow
   * cannot know the key: it leaves the fingerprint out, and the command handler fills it in with
   * `completeOfferCommand` before deciding; still missing (no key announced), the decider refuses.
   */
  | Message<'RecordDisclosure', { assignmentId: string; recipientKeyFingerprint?: string }>
  /** By the owner's caseworker, or by the saga when the reservation was refused (`code`, e.g. FAMILY.NO_PLACE_IN_PERIOD). */
  | Message<'WithdrawOffer', { reason: string; code?: string }>
  /** The requester (`from`, as for an acceptance) declined the offer, or cancelled its acceptance; after the confirmation this releases the place. */
  | Message<'RecordOfferDeclined', { reason: string; from?: Requester }>
  | Message<'EndAssignment', AssignmentEnding>;

export type OfferEvent =
  | Message<'OfferMade', OfferTerms>
  | Message<'AcceptanceReceived', { acceptanceId: string }>
  | Message<'AssignmentConfirmed', { assignmentId: string; familyId: string; requester: Requester; period: OfferPeriod; children: number }>
  | Message<'ContactDetailsDisclosed', { assignmentId: string; recipientKeyFingerprint: string }>
  | Message<'OfferWithdrawn', { reason: string; code?: string }>
  | Message<'OfferDeclinedByRequester', { reason: string }>
  | Message<'AssignmentEnded', AssignmentEnding & { familyId: string; requester: Requester; endedOn: IsoDate }>;

export const offerStreamId = (offerId: string) => `offer-${offerId}`;
