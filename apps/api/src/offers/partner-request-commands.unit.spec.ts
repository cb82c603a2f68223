import type { RequestsTopicMessage } from '@familybank/contracts';
import { needs, OTHER, OWNER, REQUESTER } from '../federation/testing/federation-message.fixtures';
import { partnerMessageSpecification } from '../federation/testing/partner-message-specification';
import { offerPartnerMessages } from './partner-request-commands';

const published = (audience = [OWNER, OTHER]): RequestsTopicMessage => ({ type: 'RequestPublished', schemaVersion: 1, payload: { requestId: 'req-1', audience, needs, responseDeadline: '2026-03-20' } });
const closed = (audience = [OWNER]): RequestsTopicMessage => ({ type: 'RequestClosed', schemaVersion: 1, payload: { requestId: 'req-1', audience, reason: 'withdrawn' } });
const accepted = (to = OWNER): RequestsTopicMessage => ({ type: 'AcceptanceRequested', schemaVersion: 1, payload: { requestId: 'req-1', offerId: 'offer-1', to, acceptanceId: 'acc-1' } });
const declined = (to = OWNER): RequestsTopicMessage => ({ type: 'OfferDeclined', schemaVersion: 1, payload: { requestId: 'req-1', offerId: 'offer-1', to, reason: 'Another family fits better' } });
const { given } = partnerMessageSpecification(offerPartnerMessages.requests);

describe('a requester’s messages, as the owner records them (inbox and our offers)', () => {
  it('a request shared with us is received in our inbox at the time the requester published it', () => {
    given(OWNER, REQUESTER)
      .when(published())
      .then([
        {
          step: 'received',
          target: { aggregate: 'partner-request', id: `${REQUESTER}/req-1`, command: { type: 'RecordPartnerRequest', data: { requester: REQUESTER, requestId: 'req-1', needs, responseDeadline: '2026-03-20', receivedAt: '2026-03-09T10:00:00.000Z' } } },
        },
      ]);
  });

  it('a request shared with others only is not ours', () => {
    given(OWNER, REQUESTER).when(published([OTHER])).thenNothing();
  });

  it('a closed request shared with us is closed in our inbox, with its reason', () => {
    given(OWNER, REQUESTER)
      .when(closed())
      .then([{ step: 'closed', target: { aggregate: 'partner-request', id: `${REQUESTER}/req-1`, command: { type: 'RecordPartnerRequestClosed', data: { requester: REQUESTER, requestId: 'req-1', reason: 'withdrawn' } } } }]);
  });

  it('a closed request never shared with us changes nothing', () => {
    given(OWNER, REQUESTER).when(closed([OTHER])).thenNothing();
  });

  it('an acceptance of our offer is received on the offer, from the requester and its request', () => {
    given(OWNER, REQUESTER)
      .when(accepted())
      .then([{ step: 'receive', target: { aggregate: 'offer', id: 'offer-1', command: { type: 'ReceiveAcceptance', data: { acceptanceId: 'acc-1', from: { municipality: REQUESTER, requestId: 'req-1' } } } } }]);
  });

  it('an acceptance addressed to another municipality is not ours', () => {
    given(OWNER, REQUESTER).when(accepted(OTHER)).thenNothing();
  });

  it('a decline of our offer is recorded on the offer with the requester’s reason', () => {
    given(OWNER, REQUESTER)
      .when(declined())
      .then([{ step: 'declined', target: { aggregate: 'offer', id: 'offer-1', command: { type: 'RecordOfferDeclined', data: { reason: 'Another family fits better', from: { municipality: REQUESTER, requestId: 'req-1' } } } } }]);
  });

  it('a decline addressed to another municipality is not ours', () => {
    given(OWNER, REQUESTER).when(declined(OTHER)).thenNothing();
  });
});
