import { deciderSpecification } from '@familybank/domain-core/testing';
import { requestDecider } from './request.decider';
import type { OwnCandidateLookup, RequestCommand, RequestEvent } from './request.types';
import { NOW, acceptancePending, filled, needs, offer2, opened, ownCandidate, ownMatch, withOffers } from './testing/request.fixtures';

/** Vejle (0630) places its own family for its own request, instead of (or besides) partners' offers. */
const spec = deciderSpecification(requestDecider, { now: NOW });
const place = (candidate: OwnCandidateLookup = ownCandidate, offerId = 'offer-own-1'): RequestCommand => ({
  type: 'PlaceOwnFamily',
  data: { offerId, familyId: 'fam-vejle-1', owner: '0630', candidate },
});
const placement = {
  offerId: 'offer-own-1',
  familyId: 'fam-vejle-1',
  owner: '0630',
  pseudonym: 'ps-vejle-a',
  period: needs.schedule.period,
  children: 1,
  match: ownMatch,
};
const requested: RequestEvent = { type: 'OwnPlacementRequested', data: placement };
const ownOffer = { offerId: 'offer-own-1', partner: '0630', pseudonym: 'ps-vejle-a' };

describe('place own family', () => {
  it('place, one of the request’s candidates, records the placement for the request’s period and children, with the match explained', () => {
    spec.given(opened).when(place()).then([requested]);
  });

  it('place, for siblings, needs places for every child of the group', () => {
    const siblings: RequestEvent = { type: 'RequestOpened', data: { requestId: 'req-1', caseReference: 'VEJ-1', needs: { ...needs, siblings: 2 }, responseDeadline: '2026-03-20' } };
    spec.given([siblings]).when(place()).then([{ type: 'OwnPlacementRequested', data: { ...placement, children: 3 } }]);
  });

  it('place, while partners’ offers are open, records the placement beside them', () => {
    spec.given(withOffers).when(place()).then([requested]);
  });

  it('place, a family with no free place in the request’s period (another placement overlaps), is refused with the family’s code', () => {
    const overlapping = { status: 'excluded' as const, exclusions: [{ filter: 'capacity', explanation: 'Not 1 free place(s) in every month of 2026-04–2026-09' }] };
    spec.given(opened).when(place(overlapping)).thenThrows('FAMILY.NO_PLACE_IN_PERIOD', { familyId: 'fam-vejle-1', explanation: 'Not 1 free place(s) in every month of 2026-04–2026-09' });
  });

  it('place, a family with no free place, is refused with the matching engine’s reason in the details, for clients in other languages', () => {
    const reason = { code: 'capacity.not-throughout', params: { places: 1, from: '2026-04', to: '2026-09', free: [] } };
    const overlapping = { status: 'excluded' as const, exclusions: [{ filter: 'capacity', explanation: 'Not 1 free place(s) in every month of 2026-04–2026-09; free: no free month', reason }] };
    spec
      .given(opened)
      .when(place(overlapping))
      .thenThrows('FAMILY.NO_PLACE_IN_PERIOD', { familyId: 'fam-vejle-1', explanation: 'Not 1 free place(s) in every month of 2026-04–2026-09; free: no free month', reason });
  });

  it('place, a family that fails another hard filter, is refused as not a candidate, with every reason', () => {
    const exclusions = [
      { filter: 'age', explanation: 'Approved for ages 0–5, the child is 9' },
      { filter: 'care-type', explanation: 'Offers foster, not respite' },
    ];
    spec.given(opened).when(place({ status: 'excluded', exclusions })).thenThrows('REQUEST.NOT_A_CANDIDATE', { familyId: 'fam-vejle-1', exclusions });
  });

  it('place, a family that is not an available family of ours, is not found', () => {
    spec.given(opened).when(place({ status: 'unknown' })).thenThrows('FAMILY.NOT_FOUND', { familyId: 'fam-vejle-1' });
  });

  it('place, while a partner’s offer is being accepted, is refused: one acceptance at a time', () => {
    spec.given(acceptancePending).when(place()).thenThrows('REQUEST.ACCEPTANCE_PENDING', { offerId: 'offer-1' });
  });

  it('place, while another own placement is being reserved, is refused', () => {
    spec.given([...opened, requested]).when(place(ownCandidate, 'offer-own-2')).thenThrows('REQUEST.ACCEPTANCE_PENDING', { offerId: 'offer-own-1' });
  });

  it('place, after the request was filled, is refused', () => {
    spec.given(filled).when(place()).thenThrows('REQUEST.NOT_OPEN', { status: 'filled' });
  });

  it('place, again after the first placement was refused by the family, is recorded as a new placement', () => {
    const refused: RequestEvent = { type: 'OfferWithdrawn', data: { offerId: 'offer-own-1', reason: 'No free place' } };
    spec.given([...opened, requested, refused]).when(place(ownCandidate, 'offer-own-2')).then([{ type: 'OwnPlacementRequested', data: { ...placement, offerId: 'offer-own-2' } }]);
  });
});

describe('the own placement follows the lifecycle of an accepted offer', () => {
  it('the reservation’s confirmation fills the request and declines partners’ open offers', () => {
    spec.given([...withOffers, requested]).when({ type: 'RecordAssignmentConfirmed', data: { offerId: 'offer-own-1', assignmentId: 'as-offer-own-1' } }).then([
      { type: 'AssignmentConfirmed', data: { ...ownOffer, offerId: 'offer-own-1', assignmentId: 'as-offer-own-1' } },
      { type: 'RequestFilled', data: { offerId: 'offer-own-1' } },
      { type: 'OfferDeclined', data: { offerId: 'offer-1', reason: 'The request was filled by another offer' } },
      { type: 'OfferDeclined', data: { offerId: offer2.offerId, reason: 'The request was filled by another offer' } },
    ]);
  });

  it('a refused reservation (the family has no place in the period) withdraws the placement, and the request is open again', () => {
    spec.given([...opened, requested]).when({ type: 'RecordOfferWithdrawn', data: { offerId: 'offer-own-1', reason: 'No free place' } }).then([
      { type: 'OfferWithdrawn', data: { offerId: 'offer-own-1', reason: 'No free place' } },
    ]);
  });

  it('the caseworker may cancel the placement while the family is being reserved', () => {
    spec.given([...opened, requested]).when({ type: 'CancelAcceptance', data: { offerId: 'offer-own-1' } }).then([{ type: 'AcceptanceCancelled', data: { offerId: 'offer-own-1' } }]);
  });

  it('an own placement cannot be accepted or declined like a partner’s offer', () => {
    spec.given([...opened, requested]).when({ type: 'DeclineOffer', data: { offerId: 'offer-own-1', reason: 'x' } }).thenThrows('REQUEST.OFFER_NOT_AVAILABLE');
  });

  it('ending the assignment records it on the request, dated today', () => {
    const confirmed: RequestEvent[] = [
      ...opened,
      requested,
      { type: 'AssignmentConfirmed', data: { ...ownOffer, assignmentId: 'as-offer-own-1' } },
      { type: 'RequestFilled', data: { offerId: 'offer-own-1' } },
    ];
    spec.given(confirmed).when({ type: 'RecordAssignmentEnded', data: { assignmentId: 'as-offer-own-1', reason: 'Ended as planned' } }).then([
      { type: 'AssignmentEnded', data: { assignmentId: 'as-offer-own-1', reason: 'Ended as planned', endedOn: '2026-03-10' } },
    ]);
  });
});
