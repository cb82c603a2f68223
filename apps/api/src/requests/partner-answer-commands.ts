import type { DisclosuresTopicMessage, OffersTopicMessage } from '@familybank/contracts';
import { assertNever } from '@familybank/domain-core';
import type { RequestCommand } from '@familybank/domain-request';
import type { PartnerMessageMappers } from '../federation/partner-message-dispatcher';

/**
 * What the requester records on its request of an owner's answers (offers, no match, withdrawals,
 * assignments) and disclosures (the sealed box, opened only when read). Messages about another
 * municipality's requests are not ours.
 */
export const requestPartnerMessages: PartnerMessageMappers = {
  offers: (own, envelope, message) => (message.payload.requester === own ? [{ step: 'request', target: { aggregate: 'request', id: message.payload.requestId, command: recordAnswer(message, envelope.source) } }] : []),
  disclosures: (own, envelope, message) =>
    message.payload.requester === own ? [{ step: 'disclosure', target: { aggregate: 'request', id: message.payload.requestId, command: recordDisclosure(message, envelope.source) } }] : [],
};

function recordAnswer(message: OffersTopicMessage, partner: string): RequestCommand {
  switch (message.type) {
    case 'OfferMade':
      return { type: 'RecordOffer', data: { offerId: message.payload.offerId, partner, pseudonym: message.payload.pseudonym } };
    case 'NoMatch':
      return { type: 'RecordNoMatch', data: { partner } };
    case 'OfferWithdrawn':
      return { type: 'RecordOfferWithdrawn', data: { offerId: message.payload.offerId, reason: message.payload.reason } };
    case 'AssignmentConfirmed':
      return { type: 'RecordAssignmentConfirmed', data: { offerId: message.payload.offerId, assignmentId: message.payload.assignmentId } };
    case 'AssignmentEnded':
      return { type: 'RecordAssignmentEnded', data: { assignmentId: message.payload.assignmentId, reason: message.payload.reason } };
    default:
      return assertNever(message);
  }
}

function recordDisclosure(message: DisclosuresTopicMessage, partner: string): RequestCommand {
  switch (message.type) {
    case 'ContactDetailsDisclosed':
      return { type: 'RecordDisclosure', data: { assignmentId: message.payload.assignmentId, sealed: message.payload.sealed, partner } };
    default:
      // A one-member union narrows by its type only, not as a whole.
      return assertNever(message.type);
  }
}
