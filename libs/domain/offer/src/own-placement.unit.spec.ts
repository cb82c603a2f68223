import { deciderSpecification } from '@familybank/domain-core/testing';
import { offerDecider } from './offer.decider';
import type { OfferEvent, OfferTerms, PlaceOwnFamilyData } from './offer.types';
import { ASSIGNMENT_ID, NOW, ending, made } from './testing/offer.fixtures';

/** Vejle (0630) places its own family for its own request: requester and owner are the same. */
const spec = deciderSpecification(offerDecider, { now: NOW });
const placement: PlaceOwnFamilyData = {
  offerId: 'offer-own-1',
  requester: { municipality: '0630', requestId: 'req-own-1' },
  familyId: 'fam-vejle-1',
  pseudonym: 'ps-vejle-a',
  period: { from: '2027-01-01', to: '2027-06-30' },
  children: 1,
  acceptanceId: 'evt-placement-1',
};
const place = (data: PlaceOwnFamilyData = placement) => ({ type: 'PlaceOwnFamily', data }) as const;
const { acceptanceId: _acceptanceId, ...placed } = placement;
const ownTerms: OfferTerms = { ...placed, own: true };
const placedOwn: OfferEvent[] = [
  { type: 'OfferMade', data: ownTerms },
  { type: 'AcceptanceReceived', data: { acceptanceId: 'evt-placement-1' } },
];
const confirmedOwn: OfferEvent[] = [
  ...placedOwn,
  { type: 'AssignmentConfirmed', data: { assignmentId: ASSIGNMENT_ID, familyId: 'fam-vejle-1', requester: placement.requester, period: placement.period, children: 1 } },
];

describe('place own family', () => {
  it('place records an own offer, already accepted by the own request, so the family is reserved as for a partner', () => {
    spec.given([]).when(place()).then(placedOwn);
  });

  it('place, for siblings, records the number of children', () => {
    spec.given([]).when(place({ ...placement, children: 2 })).then([{ type: 'OfferMade', data: { ...ownTerms, children: 2 } }, placedOwn[1]!]);
  });

  it('place, when the offer id is taken, is refused', () => {
    spec.given(made).when(place({ ...placement, offerId: 'offer-1' })).thenThrows('OFFER.ALREADY_MADE', { offerId: 'offer-1' });
  });

  it('place, with a period that ends before it starts, is refused', () => {
    spec.given([]).when(place({ ...placement, period: { from: '2027-06-30', to: '2027-01-01' } })).thenThrows('OFFER.PERIOD_INVERTED');
  });

  it('place, for no children, is refused', () => {
    spec.given([]).when(place({ ...placement, children: 0 })).thenThrows('OFFER.INVALID_CHILDREN', { children: 0 });
  });
});

describe('the own placement’s assignment', () => {
  it('confirm, after the family was reserved, records the assignment as for a partner’s offer', () => {
    spec.given(placedOwn).when({ type: 'ConfirmAssignment', data: { assignmentId: ASSIGNMENT_ID } }).then([confirmedOwn.at(-1)!]);
  });

  it('disclosure is refused: the contact details are the municipality’s own', () => {
    spec.given(confirmedOwn).when({ type: 'RecordDisclosure', data: { assignmentId: ASSIGNMENT_ID, recipientKeyFingerprint: 'SHA256:x' } }).thenThrows('OFFER.OWN_PLACEMENT');
  });

  it('end records the ending with the reason and whether the family wants a new assignment', () => {
    spec.given(confirmedOwn).when({ type: 'EndAssignment', data: ending }).then([
      { type: 'AssignmentEnded', data: { ...ending, familyId: 'fam-vejle-1', requester: placement.requester, endedOn: '2026-03-10' } },
    ]);
  });

  it('a refused reservation withdraws the own placement with the family’s code', () => {
    spec
      .given(placedOwn)
      .when({ type: 'WithdrawOffer', data: { reason: 'The family has 0 free place(s) in that period; 1 needed', code: 'FAMILY.NO_PLACE_IN_PERIOD' } })
      .then([{ type: 'OfferWithdrawn', data: { reason: 'The family has 0 free place(s) in that period; 1 needed', code: 'FAMILY.NO_PLACE_IN_PERIOD' } }]);
  });

  it('the own request’s cancellation, while the family is being reserved, declines it', () => {
    spec.given(placedOwn).when({ type: 'RecordOfferDeclined', data: { reason: 'Cancelled' } }).then([{ type: 'OfferDeclinedByRequester', data: { reason: 'Cancelled' } }]);
  });
});
