import { Id, MunicipalityCode } from '../common.schemas';
import { z } from '../zod';
import { SealedBoxSchema } from './sealed-box.schemas';
import { defineMessage, defineTopic, type TopicMessage, type TopicMessageInput } from './topic';

/** familybank.<owner>.disclosures.v1: a family's contact details after a confirmed assignment, sealed to the requester. */

export const ContactDetailsDisclosed = z.strictObject({ assignmentId: Id, requester: MunicipalityCode, requestId: Id, offerId: Id, sealed: SealedBoxSchema });
export type ContactDetailsDisclosed = z.infer<typeof ContactDetailsDisclosed>;

export const DisclosuresTopic = defineTopic({
  kind: 'disclosures',
  /** The assignment id. */
  key: Id,
  messages: [defineMessage('ContactDetailsDisclosed', 1, ContactDetailsDisclosed, (payload) => payload.assignmentId)],
});
export type DisclosuresTopicMessage = TopicMessage<typeof DisclosuresTopic>;
export type DisclosuresTopicMessageInput = TopicMessageInput<typeof DisclosuresTopic>;

/** What a disclosures consumer understands, by message type and schema version. */
export const DISCLOSURE_PAYLOADS = DisclosuresTopic.payloads;
