import type { RequestEvent } from '@familybank/domain-request';
import type { RequestDocument } from '@familybank/read-models';
import { requestStreamMessages } from './request-stream-messages';
import { CASE_REFERENCE, longReason, needs, OTHER, OWNER, recorded, request, REQUESTER } from '../federation/testing/federation-message.fixtures';
import { mapperSpecification } from '../federation/testing/message-mapper-specification';

const spec = mapperSpecification(requestStreamMessages);
const event = (data: RequestEvent) => recorded('request-req-1', REQUESTER, data);
const onRequestsTopic = { topic: 'familybank.0630.requests.v1', key: 'req-1' };

describe('request stream → requests topic', () => {
  it('request shared publishes the need, the audience and the deadline from the request as it is now', () => {
    spec
      .given(request)
      .when(event({ type: 'RequestShared', data: { partners: [OWNER, OTHER] } }))
      .then([{ ...onRequestsTopic, message: { type: 'RequestPublished', schemaVersion: 1, payload: { requestId: 'req-1', audience: [OWNER, OTHER], needs, responseDeadline: '2026-03-20' } } }]);
  });

  it('request shared never carries the case reference', () => {
    const [draft] = requestStreamMessages(event({ type: 'RequestShared', data: { partners: [OWNER] } }), request);
    expect(JSON.stringify(draft)).not.toContain(CASE_REFERENCE);
  });

  it.each([
    ['RequestFilled', 'filled', { offerId: 'offer-1' }],
    ['RequestWithdrawn', 'withdrawn', { reason: 'The child stays home' }],
    ['RequestExpired', 'expired', { responseDeadline: '2026-03-20' }],
  ] as const)('%s tells the audience the request was %s, without the requester’s reason', (type, reason, data) => {
    spec
      .given(request)
      .when(event({ type, data } as RequestEvent))
      .then([{ ...onRequestsTopic, message: { type: 'RequestClosed', schemaVersion: 1, payload: { requestId: 'req-1', audience: [OWNER, OTHER], reason } } }]);
  });

  it('closing a request that was never shared publishes nothing', () => {
    spec.given({ ...request, sharedWith: [] }).when(event({ type: 'RequestWithdrawn', data: { reason: 'Opened by mistake' } })).thenNothing();
  });

  it('acceptance requested asks the offer’s owner, with the event id as the acceptance id', () => {
    const accepted = event({ type: 'AcceptanceRequested', data: { offerId: 'offer-1', partner: OWNER, pseudonym: 'ignored' } });
    spec
      .given(request)
      .when(accepted)
      .then([{ ...onRequestsTopic, message: { type: 'AcceptanceRequested', schemaVersion: 1, payload: { requestId: 'req-1', offerId: 'offer-1', to: OWNER, acceptanceId: accepted.eventId } } }]);
  });

  it('offer declined tells the offer’s owner, with the reason cut to 200 characters', () => {
    spec
      .given(request)
      .when(event({ type: 'OfferDeclined', data: { offerId: 'offer-2', reason: longReason } }))
      .then([{ ...onRequestsTopic, message: { type: 'OfferDeclined', schemaVersion: 1, payload: { requestId: 'req-1', offerId: 'offer-2', to: OTHER, reason: 'x'.repeat(200) } } }]);
  });

  it('acceptance cancelled is an OfferDeclined saying the requester cancelled', () => {
    spec
      .given(request)
      .when(event({ type: 'AcceptanceCancelled', data: { offerId: 'offer-1' } }))
      .then([{ ...onRequestsTopic, message: { type: 'OfferDeclined', schemaVersion: 1, payload: { requestId: 'req-1', offerId: 'offer-1', to: OWNER, reason: 'The requester cancelled the acceptance' } } }]);
  });

  it('an own placement, and its cancellation, publish nothing: the family is the requester’s own', () => {
    const match = { score: 80, criteria: [] };
    const placed = { offerId: 'offer-own', partner: REQUESTER, pseudonym: 'ps-own', status: 'acceptance-requested' as const, own: { familyId: 'fam-own', match, children: 1 } };
    const withOwn: RequestDocument = { ...request, offers: [...request.offers, placed] };
    const placement = { offerId: 'offer-own', familyId: 'fam-own', owner: REQUESTER, pseudonym: 'ps-own', period: needs.schedule.period, children: 1, match };
    spec.given(withOwn).when(event({ type: 'OwnPlacementRequested', data: placement })).thenNothing();
    spec.given(withOwn).when(event({ type: 'AcceptanceCancelled', data: { offerId: 'offer-own' } })).thenNothing();
  });

  it('declining an offer the request does not list publishes nothing', () => {
    spec.given(request).when(event({ type: 'OfferDeclined', data: { offerId: 'offer-9', reason: 'Too far' } })).thenNothing();
  });

  it('without the request’s document nothing is published', () => {
    spec.given(undefined).when(event({ type: 'RequestShared', data: { partners: [OWNER] } })).thenNothing();
  });

  it.each<RequestEvent>([
    { type: 'RequestOpened', data: { requestId: 'req-1', caseReference: CASE_REFERENCE, needs, responseDeadline: '2026-03-20' } },
    { type: 'OfferReceived', data: { offerId: 'offer-1', partner: OWNER, pseudonym: 'p' } },
    { type: 'PartnerAnsweredNoMatch', data: { partner: OTHER } },
    { type: 'OfferShortlisted', data: { offerId: 'offer-1' } },
    { type: 'AssignmentConfirmed', data: { offerId: 'offer-1', assignmentId: 'as-1', partner: OWNER, pseudonym: 'p' } },
    { type: 'OfferWithdrawn', data: { offerId: 'offer-1', reason: 'Gone' } },
    { type: 'TargetedRecruitmentStarted', data: {} },
    { type: 'ContactDetailsReceived', data: { assignmentId: 'as-1', sealed: {} } },
    { type: 'IntroductionVisitRecorded', data: { visitId: 'v-1', on: '2026-03-25', status: 'planned' } },
    { type: 'AssignmentEnded', data: { assignmentId: 'as-1', reason: 'Done', endedOn: '2026-09-30' } },
    { type: 'NetworkPersonRecorded', data: { personId: 'p-2', name: 'Karsten Holm', relation: 'aunt-or-uncle', outcome: 'assessed', on: '2026-03-09' } },
  ])('$type stays with the requester: nothing is published', (data) => {
    spec.given(request).when(event(data)).thenNothing();
  });

  it('the network map of a shared request is never part of what is published', () => {
    const drafts = [
      ...requestStreamMessages(event({ type: 'RequestShared', data: { partners: [OWNER] } }), request),
      ...requestStreamMessages(event({ type: 'RequestFilled', data: { offerId: 'offer-1' } }), request),
    ];
    expect(drafts).toHaveLength(2);
    for (const secret of ['Inge Mortensen', 'Ill since May', 'grandparent', 'p-1']) expect(JSON.stringify(drafts)).not.toContain(secret);
  });

  it('a request document that breaks the contract is refused at the sender, not dead-lettered by the partner', () => {
    const corrupt: RequestDocument = { ...request, needs: { ...needs, childAge: 19 } };
    spec.given(corrupt).when(event({ type: 'RequestShared', data: { partners: [OWNER] } })).thenRefusedAtTheSender('needs.childAge');
  });
});
