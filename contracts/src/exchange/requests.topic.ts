import { Id, IsoDate, MunicipalityCode } from '../common.schemas';
import { ChildNeeds } from '../requests/needs.schemas';
import { z } from '../zod';
import { Pseudonym } from './pool.schemas';
import { SealedBoxSchema } from './sealed-box.schemas';
import { defineMessage, defineTopic, type TopicMessage, type TopicMessageInput } from './topic';

/**
 * familybank.<requester>.requests.v1: the requester's needs and its steps of the acceptance saga,
 * and (from any viewer) which shared profiles its caseworkers read. Readable by all active
 * partners; only those in `audience`, `to` or `owner` act on a message.
 */

/** A request shared with `audience`; never the case reference or a note. */
export const RequestPublished = z.strictObject({ requestId: Id, audience: z.array(MunicipalityCode).min(1), needs: ChildNeeds, responseDeadline: IsoDate });
export type RequestPublished = z.infer<typeof RequestPublished>;
export const RequestClosed = z.strictObject({ requestId: Id, audience: z.array(MunicipalityCode), reason: z.enum(['filled', 'withdrawn', 'expired']) });
export type RequestClosed = z.infer<typeof RequestClosed>;
/** The requester accepts `offerId` of the owner `to`; the acceptance id lets a redelivery change nothing. */
export const AcceptanceRequested = z.strictObject({ requestId: Id, offerId: Id, to: MunicipalityCode, acceptanceId: Id });
export type AcceptanceRequested = z.infer<typeof AcceptanceRequested>;
/** The requester declined the owner's offer, or cancelled its acceptance of it. */
export const OfferDeclined = z.strictObject({ requestId: Id, offerId: Id, to: MunicipalityCode, reason: z.string().max(200) });
export type OfferDeclined = z.infer<typeof OfferDeclined>;
/** Which of the owner's pseudonyms the viewer read, and when: sealed to the owner, since the viewer's other partners read this topic too. */
export const ProfilesViewed = z.strictObject({ owner: MunicipalityCode, sealed: SealedBoxSchema });
export type ProfilesViewed = z.infer<typeof ProfilesViewed>;
/** What the sealed box of a ProfilesViewed message holds. */
export const ProfilesViewedContent = z.strictObject({ pseudonyms: z.array(Pseudonym).min(1).max(200), viewedAt: z.iso.datetime() });
export type ProfilesViewedContent = z.infer<typeof ProfilesViewedContent>;

export const RequestsTopic = defineTopic({
  kind: 'requests',
  /** The request id, so every step of one request stays in order; the owner's code for ProfilesViewed. */
  key: Id,
  messages: [
    defineMessage('RequestPublished', 1, RequestPublished, (payload) => payload.requestId),
    defineMessage('RequestClosed', 1, RequestClosed, (payload) => payload.requestId),
    defineMessage('AcceptanceRequested', 1, AcceptanceRequested, (payload) => payload.requestId),
    defineMessage('OfferDeclined', 1, OfferDeclined, (payload) => payload.requestId),
    defineMessage('ProfilesViewed', 1, ProfilesViewed, (payload) => payload.owner),
  ],
});
export type RequestsTopicMessage = TopicMessage<typeof RequestsTopic>;
export type RequestsTopicMessageInput = TopicMessageInput<typeof RequestsTopic>;

/** What a requests consumer understands, by message type and schema version. */
export const REQUEST_PAYLOADS = RequestsTopic.payloads;
