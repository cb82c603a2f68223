import { Id, IsoDate, MunicipalityCode } from '../common.schemas';
import { z } from '../zod';
import { Pseudonym } from './pool.schemas';
import { defineMessage, defineTopic, type TopicMessage, type TopicMessageInput } from './topic';

/**
 * familybank.<owner>.offers.v1: the owner's answers to a requester's request. Free text never
 * leaves: offers carry no note, and reasons are cut to 200 characters. Only `requester` acts on them.
 */

export const OfferMade = z.strictObject({ offerId: Id, requester: MunicipalityCode, requestId: Id, pseudonym: Pseudonym });
export type OfferMade = z.infer<typeof OfferMade>;
export const NoMatch = z.strictObject({ requester: MunicipalityCode, requestId: Id });
export type NoMatch = z.infer<typeof NoMatch>;
export const OfferWithdrawn = z.strictObject({ offerId: Id, requester: MunicipalityCode, requestId: Id, reason: z.string().max(200) });
export type OfferWithdrawn = z.infer<typeof OfferWithdrawn>;
export const AssignmentConfirmedMessage = z.strictObject({
  offerId: Id,
  requester: MunicipalityCode,
  requestId: Id,
  assignmentId: Id,
  period: z.strictObject({ from: IsoDate, to: IsoDate }),
});
export type AssignmentConfirmedMessage = z.infer<typeof AssignmentConfirmedMessage>;
export const AssignmentEndedMessage = z.strictObject({ offerId: Id, requester: MunicipalityCode, requestId: Id, assignmentId: Id, reason: z.string().max(200) });
export type AssignmentEndedMessage = z.infer<typeof AssignmentEndedMessage>;

export const OffersTopic = defineTopic({
  kind: 'offers',
  /** The requester's request id, so every answer to one request stays in order. */
  key: Id,
  messages: [
    defineMessage('OfferMade', 1, OfferMade, (payload) => payload.requestId),
    defineMessage('NoMatch', 1, NoMatch, (payload) => payload.requestId),
    defineMessage('OfferWithdrawn', 1, OfferWithdrawn, (payload) => payload.requestId),
    defineMessage('AssignmentConfirmed', 1, AssignmentConfirmedMessage, (payload) => payload.requestId),
    defineMessage('AssignmentEnded', 1, AssignmentEndedMessage, (payload) => payload.requestId),
  ],
});
export type OffersTopicMessage = TopicMessage<typeof OffersTopic>;
export type OffersTopicMessageInput = TopicMessageInput<typeof OffersTopic>;

/** What an offers consumer understands, by message type and schema version. */
export const OFFER_PAYLOADS = OffersTopic.payloads;
