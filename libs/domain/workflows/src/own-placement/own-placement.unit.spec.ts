import type { OwnPlacement } from '@familybank/domain-request';
import type { AggregateCommand } from '../aggregate-command';
import { offerFact, processManagerSpecification, refused, requestFact, tick } from '../testing';
import { ownPlacement } from './own-placement';

/** Vejle (0630) places its own family: the request, the offer and the family are all its own streams. */
const VEJLE = '0630';
const spec = processManagerSpecification(ownPlacement);

const placement: OwnPlacement = {
  offerId: 'offer-own-1',
  familyId: 'fam-vejle-1',
  owner: VEJLE,
  pseudonym: 'ps-vejle-a',
  period: { from: '2027-01-01', to: '2027-06-30' },
  children: 1,
  match: { score: 82, criteria: [] },
};
const requester = { municipality: VEJLE, requestId: 'req-1' };
const ASSIGNMENT = 'as-offer-own-1';
const requested = requestFact('req-1', { type: 'OwnPlacementRequested', data: placement }, VEJLE);
const confirmed = offerFact(
  'offer-own-1',
  { type: 'AssignmentConfirmed', data: { assignmentId: ASSIGNMENT, familyId: 'fam-vejle-1', requester, period: placement.period, children: 1 } },
  VEJLE,
);
const withdrawn = offerFact('offer-own-1', { type: 'OfferWithdrawn', data: { reason: 'The family has 0 free place(s) in that period; 1 needed', code: 'FAMILY.NO_PLACE_IN_PERIOD' } }, VEJLE);
const ended = offerFact(
  'offer-own-1',
  { type: 'AssignmentEnded', data: { assignmentId: ASSIGNMENT, reason: 'Ended as planned', wantsNewAssignment: true, familyId: 'fam-vejle-1', requester, endedOn: '2027-06-30' } },
  VEJLE,
);
const cancelled = requestFact('req-1', { type: 'AcceptanceCancelled', data: { offerId: 'offer-own-1' } }, VEJLE);

const placeOwn: AggregateCommand = {
  aggregate: 'offer',
  id: 'offer-own-1',
  command: {
    type: 'PlaceOwnFamily',
    data: { offerId: 'offer-own-1', requester, familyId: 'fam-vejle-1', pseudonym: 'ps-vejle-a', period: placement.period, children: 1, acceptanceId: requested.eventId },
  },
};
const recordConfirmed: AggregateCommand = { aggregate: 'request', id: 'req-1', command: { type: 'RecordAssignmentConfirmed', data: { offerId: 'offer-own-1', assignmentId: ASSIGNMENT } } };

describe('own placement workflow', () => {
  it('the request’s placement makes an own offer, already accepted by the request’s event, for the request’s period and children', () => {
    spec.given([]).when(requested).then([placeOwn]);
  });

  it('the offer’s confirmation (the family was reserved) fills the request', () => {
    spec.given([requested]).when(confirmed).then([recordConfirmed]);
  });

  it('a refused reservation (an overlapping placement) withdraws the placement on the request with the family’s reason', () => {
    spec.given([requested]).when(withdrawn).then([
      { aggregate: 'request', id: 'req-1', command: { type: 'RecordOfferWithdrawn', data: { offerId: 'offer-own-1', reason: 'The family has 0 free place(s) in that period; 1 needed' } } },
    ]);
  });

  it('the end of the assignment (on the family, carried to the offer) is recorded on the request', () => {
    spec.given([requested, confirmed]).when(ended).then([
      { aggregate: 'request', id: 'req-1', command: { type: 'RecordAssignmentEnded', data: { assignmentId: ASSIGNMENT, reason: 'Ended as planned' } } },
    ]);
  });

  it('a cancellation on the request declines the own offer, so a reserved place is released', () => {
    spec.given([requested]).when(cancelled).then([
      { aggregate: 'offer', id: 'offer-own-1', command: { type: 'RecordOfferDeclined', data: { reason: 'The caseworker cancelled the placement' } } },
    ]);
  });

  it('a confirmation the request refuses (it was withdrawn meanwhile) releases the family’s place', () => {
    spec.given([requested, confirmed]).when(refused(recordConfirmed, 'REQUEST.NOT_OPEN', 'The request is withdrawn')).then([
      { aggregate: 'offer', id: 'offer-own-1', command: { type: 'RecordOfferDeclined', data: { reason: 'Released: The request is withdrawn' } } },
    ]);
  });

  it('an own offer that could not be recorded withdraws the placement, so the request is open again', () => {
    spec.given([requested]).when(refused(placeOwn, 'OFFER.ALREADY_MADE', 'Offer offer-own-1 is already made')).then([
      { aggregate: 'request', id: 'req-1', command: { type: 'RecordOfferWithdrawn', data: { offerId: 'offer-own-1', reason: 'Offer offer-own-1 is already made' } } },
    ]);
  });

  it('a partner’s offer (no own placement known) is none of its business', () => {
    const partnerOffer = offerFact('offer-9', { type: 'OfferWithdrawn', data: { reason: 'x' } }, VEJLE);
    spec.given([]).when(partnerOffer).then([]);
    spec.given([]).when(requestFact('req-1', { type: 'AcceptanceCancelled', data: { offerId: 'offer-9' } }, VEJLE)).then([]);
  });

  it('ignores time and the other steps of the saga', () => {
    spec.ignores(tick('2027-01-01'));
    spec.ignores(offerFact('offer-own-1', { type: 'AcceptanceReceived', data: { acceptanceId: 'a' } }, VEJLE));
  });
});
