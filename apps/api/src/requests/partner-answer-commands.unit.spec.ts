import type { DisclosuresTopicMessage, OffersTopicMessage } from '@familybank/contracts';
import type { RequestCommand } from '@familybank/domain-request';
import { seal } from '@familybank/exchange';
import type { PartnerCommand } from '../federation/partner-message-dispatcher';
import { disclosureAad } from '../federation/sealing';
import { OTHER, OWNER, PSEUDONYM, REQUESTER, requesterKeys } from '../federation/testing/federation-message.fixtures';
import { partnerMessageSpecification } from '../federation/testing/partner-message-specification';
import { requestPartnerMessages } from './partner-answer-commands';

const about = { requester: REQUESTER, requestId: 'req-1' };
const answers = partnerMessageSpecification(requestPartnerMessages.offers);
const disclosures = partnerMessageSpecification(requestPartnerMessages.disclosures);
const onRequest = (command: RequestCommand): PartnerCommand[] => [{ step: 'request', target: { aggregate: 'request', id: 'req-1', command } }];
// A plain object, as the message carries it once parsed.
const sealed = { ...seal('{"name":"the family"}', requesterKeys.publicKey, disclosureAad(OWNER, REQUESTER, 'asg-1')) };

describe('an owner’s answers, as the requester records them on its request', () => {
  const answer = (message: OffersTopicMessage) => answers.given(REQUESTER, OWNER).when(message);

  it('an offer is recorded with the owner and the family’s pseudonym', () => {
    answer({ type: 'OfferMade', schemaVersion: 1, payload: { ...about, offerId: 'offer-1', pseudonym: PSEUDONYM } }).then(onRequest({ type: 'RecordOffer', data: { offerId: 'offer-1', partner: OWNER, pseudonym: PSEUDONYM } }));
  });

  it('no match is recorded as the owner’s answer', () => {
    answer({ type: 'NoMatch', schemaVersion: 1, payload: about }).then(onRequest({ type: 'RecordNoMatch', data: { partner: OWNER } }));
  });

  it('a withdrawn offer is recorded with the owner’s reason', () => {
    answer({ type: 'OfferWithdrawn', schemaVersion: 1, payload: { ...about, offerId: 'offer-1', reason: 'The family moved' } }).then(onRequest({ type: 'RecordOfferWithdrawn', data: { offerId: 'offer-1', reason: 'The family moved' } }));
  });

  it('a confirmed assignment is recorded with its id', () => {
    answer({ type: 'AssignmentConfirmed', schemaVersion: 1, payload: { ...about, offerId: 'offer-1', assignmentId: 'asg-1', period: { from: '2026-04-01', to: '2026-09-30' } } }).then(
      onRequest({ type: 'RecordAssignmentConfirmed', data: { offerId: 'offer-1', assignmentId: 'asg-1' } }),
    );
  });

  it('an ended assignment is recorded with the owner’s reason', () => {
    answer({ type: 'AssignmentEnded', schemaVersion: 1, payload: { ...about, offerId: 'offer-1', assignmentId: 'asg-1', reason: 'Ended early' } }).then(
      onRequest({ type: 'RecordAssignmentEnded', data: { assignmentId: 'asg-1', reason: 'Ended early' } }),
    );
  });

  it('an answer to another municipality’s request is not ours', () => {
    answers.given(OTHER, OWNER).when({ type: 'NoMatch', schemaVersion: 1, payload: about }).thenNothing();
  });
});

describe('an owner’s disclosure, as the requester records it', () => {
  const disclosed: DisclosuresTopicMessage = { type: 'ContactDetailsDisclosed', schemaVersion: 1, payload: { ...about, offerId: 'offer-1', assignmentId: 'asg-1', sealed } };

  it('the sealed box is recorded on the request as it came, opened only when read', () => {
    disclosures.given(REQUESTER, OWNER).when(disclosed).then([{ step: 'disclosure', target: { aggregate: 'request', id: 'req-1', command: { type: 'RecordDisclosure', data: { assignmentId: 'asg-1', sealed, partner: OWNER } } } }]);
  });

  it('a disclosure for another municipality’s request is not ours', () => {
    disclosures.given(OTHER, OWNER).when(disclosed).thenNothing();
  });
});
