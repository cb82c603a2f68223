import type { RequestsTopicMessage } from '@familybank/contracts';
import { assertNever } from '@familybank/domain-core';
import type { PartnerMessageMappers } from '../federation/partner-message-dispatcher';

/**
 * What the owner records of a requester's messages: requests in our inbox (only those shared with
 * us) and their closing, and the requester's steps on our offers (an acceptance, a decline). The
 * closed-partner-request workflow declines our offers for a withdrawn request; the
 * owner-acceptance workflow reserves the family, confirms and discloses, or withdraws the offer.
 */
export const offerPartnerMessages: PartnerMessageMappers = {
  requests: (own, envelope, message: RequestsTopicMessage) => {
    const requester = envelope.source;
    switch (message.type) {
      case 'RequestPublished': {
        const { requestId, audience, needs, responseDeadline } = message.payload;
        if (!audience.includes(own)) return [];
        const received = { requester, requestId, needs, responseDeadline, receivedAt: envelope.occurredAt };
        return [{ step: 'received', target: { aggregate: 'partner-request', id: `${requester}/${requestId}`, command: { type: 'RecordPartnerRequest', data: received } } }];
      }
      case 'RequestClosed': {
        const { requestId, audience, reason } = message.payload;
        if (!audience.includes(own)) return [];
        return [{ step: 'closed', target: { aggregate: 'partner-request', id: `${requester}/${requestId}`, command: { type: 'RecordPartnerRequestClosed', data: { requester, requestId, reason } } } }];
      }
      case 'AcceptanceRequested': {
        const { to, offerId, requestId, acceptanceId } = message.payload;
        if (to !== own) return [];
        return [{ step: 'receive', target: { aggregate: 'offer', id: offerId, command: { type: 'ReceiveAcceptance', data: { acceptanceId, from: { municipality: requester, requestId } } } } }];
      }
      case 'OfferDeclined': {
        const { to, offerId, requestId, reason } = message.payload;
        if (to !== own) return [];
        return [{ step: 'declined', target: { aggregate: 'offer', id: offerId, command: { type: 'RecordOfferDeclined', data: { reason, from: { municipality: requester, requestId } } } } }];
      }
      case 'ProfilesViewed':
        // The profile-views capability's (profile-views/partner-view-commands.ts).
        return [];
      default:
        return assertNever(message);
    }
  },
};
