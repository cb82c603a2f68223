import { Id, IsoDate, MunicipalityCode } from '../common.schemas';
import { ChildNeeds } from '../requests/needs.schemas';
import { Pseudonym } from './pool.schemas';
import { z } from '../zod';

/** Key: requestId. Only the partners in `audience` act on a message; the topic is readable by all active partners. */
export const RequestPublished = z.strictObject({ requestId: Id, audience: z.array(MunicipalityCode).min(1), needs: ChildNeeds, responseDeadline: IsoDate });
export const RequestClosed = z.strictObject({ requestId: Id, audience: z.array(MunicipalityCode), reason: z.enum(['filled', 'withdrawn', 'expired']) });
export const AcceptanceRequested = z.strictObject({ requestId: Id, offerId: Id, to: MunicipalityCode, acceptanceId: Id });
export const OfferDeclined = z.strictObject({ requestId: Id, offerId: Id, to: MunicipalityCode, reason: z.string().max(200) });
/** Key: owner. The publisher's caseworkers read these shared profiles of `owner`; only the owner acts on it. */
/** A box only the recipient's X25519 private key opens (see @familybank/exchange sealed-box). */
export const SealedBoxSchema = z.strictObject({
  alg: z.literal('X25519-HKDF-SHA256-A256GCM'),
  ephemeralPublicKey: z.string().max(100),
  nonce: z.string().max(40),
  ciphertext: z.string().max(20_000),
  tag: z.string().max(40),
  recipientKeyFingerprint: z.string().max(100),
});

/** Which of the owner's pseudonyms the viewer read, and when: sealed to the owner, since the viewer's other partners read this topic too. */
export const ProfilesViewed = z.strictObject({ owner: MunicipalityCode, sealed: SealedBoxSchema });
/** What the sealed box of a ProfilesViewed message holds. */
export const ProfilesViewedContent = z.strictObject({ pseudonyms: z.array(Pseudonym).min(1).max(200), viewedAt: z.iso.datetime() });

export const REQUEST_PAYLOADS = {
  RequestPublished: { 1: RequestPublished },
  RequestClosed: { 1: RequestClosed },
  AcceptanceRequested: { 1: AcceptanceRequested },
  OfferDeclined: { 1: OfferDeclined },
  ProfilesViewed: { 1: ProfilesViewed },
} as const;

/** Key: requestId, so every answer to one request stays in order. Free text never leaves: offers carry no note. */
export const OfferMade = z.strictObject({ offerId: Id, requester: MunicipalityCode, requestId: Id, pseudonym: Pseudonym });
export const NoMatch = z.strictObject({ requester: MunicipalityCode, requestId: Id });
export const OfferWithdrawn = z.strictObject({ offerId: Id, requester: MunicipalityCode, requestId: Id, reason: z.string().max(200) });
export const AssignmentConfirmedMessage = z.strictObject({
  offerId: Id,
  requester: MunicipalityCode,
  requestId: Id,
  assignmentId: Id,
  period: z.strictObject({ from: IsoDate, to: IsoDate }),
});

export const AssignmentEndedMessage = z.strictObject({ offerId: Id, requester: MunicipalityCode, requestId: Id, assignmentId: Id, reason: z.string().max(200) });

export const OFFER_PAYLOADS = {
  OfferMade: { 1: OfferMade },
  NoMatch: { 1: NoMatch },
  OfferWithdrawn: { 1: OfferWithdrawn },
  AssignmentConfirmed: { 1: AssignmentConfirmedMessage },
  AssignmentEnded: { 1: AssignmentEndedMessage },
} as const;



/** Key: assignmentId. The family's contact details, sealed to the requester. */
export const ContactDetailsDisclosed = z.strictObject({ assignmentId: Id, requester: MunicipalityCode, requestId: Id, offerId: Id, sealed: SealedBoxSchema });
export const DISCLOSURE_PAYLOADS = { ContactDetailsDisclosed: { 1: ContactDetailsDisclosed } } as const;
