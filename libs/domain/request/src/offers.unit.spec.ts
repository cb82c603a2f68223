import { deciderSpecification } from '@familybank/domain-core/testing';
import { requestDecider } from './request.decider';
import type { RequestEvent } from './request.types';
import { NOW, acceptancePending, acceptanceRequested, offer1, offer2, offer3, received, shared, withOffers } from './testing/request.fixtures';

const spec = deciderSpecification(requestDecider, { now: NOW });

const shortlisted = (offerId: string): RequestEvent => ({ type: 'OfferShortlisted', data: { offerId } });
const declined = (offerId: string, reason = 'Too far away'): RequestEvent => ({ type: 'OfferDeclined', data: { offerId, reason } });
const withdrawnOffer = (offerId: string): RequestEvent => ({ type: 'OfferWithdrawn', data: { offerId, reason: 'Capacity gone' } });
const filledByOther = (offerId: string): RequestEvent => declined(offerId, 'The request was filled by another offer');

describe('shortlist and decline', () => {
  it('shortlist a received offer records it', () => {
    spec.given(withOffers).when({ type: 'ShortlistOffer', data: { offerId: 'offer-2' } }).then([shortlisted('offer-2')]);
  });

  it('shortlist, of an offer already shortlisted, is refused', () => {
    spec
      .given([...withOffers, shortlisted('offer-2')])
      .when({ type: 'ShortlistOffer', data: { offerId: 'offer-2' } })
      .thenThrows('REQUEST.OFFER_NOT_AVAILABLE', { offerId: 'offer-2', status: 'shortlisted' });
  });

  it('shortlist, of an unknown offer, is refused', () => {
    spec.given(withOffers).when({ type: 'ShortlistOffer', data: { offerId: 'offer-9' } }).thenThrows('REQUEST.UNKNOWN_OFFER', { offerId: 'offer-9' });
  });

  it('decline a received offer records it with the reason', () => {
    spec.given(withOffers).when({ type: 'DeclineOffer', data: { offerId: 'offer-2', reason: 'Too far away' } }).then([declined('offer-2')]);
  });

  it('decline a shortlisted offer records it', () => {
    spec
      .given([...withOffers, shortlisted('offer-2')])
      .when({ type: 'DeclineOffer', data: { offerId: 'offer-2', reason: 'Too far away' } })
      .then([declined('offer-2')]);
  });

  it('decline, of an offer already declined, is refused', () => {
    spec
      .given([...withOffers, declined('offer-2')])
      .when({ type: 'DeclineOffer', data: { offerId: 'offer-2', reason: 'Again' } })
      .thenThrows('REQUEST.OFFER_NOT_AVAILABLE', { status: 'declined' });
  });

  it('decline, of an offer whose acceptance is pending, is refused', () => {
    spec
      .given(acceptancePending)
      .when({ type: 'DeclineOffer', data: { offerId: 'offer-1', reason: 'Changed mind' } })
      .thenThrows('REQUEST.OFFER_NOT_AVAILABLE', { status: 'acceptance-requested' });
  });

  it('decline, of an unknown offer, is refused', () => {
    spec.given(withOffers).when({ type: 'DeclineOffer', data: { offerId: 'offer-9', reason: 'x' } }).thenThrows('REQUEST.UNKNOWN_OFFER');
  });
});

describe('accept offer', () => {
  it('accept requests the acceptance from the owning partner, naming the family by pseudonym', () => {
    spec.given(withOffers).when({ type: 'AcceptOffer', data: { offerId: 'offer-1' } }).then([
      { type: 'AcceptanceRequested', data: { offerId: 'offer-1', partner: '0265', pseudonym: 'ps-horsens-a' } },
    ]);
  });

  it('accept a shortlisted offer requests the acceptance', () => {
    spec.given([...withOffers, shortlisted('offer-2')]).when({ type: 'AcceptOffer', data: { offerId: 'offer-2' } }).then([acceptanceRequested(offer2)]);
  });

  it('accept, while another acceptance is pending, is refused', () => {
    spec.given(acceptancePending).when({ type: 'AcceptOffer', data: { offerId: 'offer-2' } }).thenThrows('REQUEST.ACCEPTANCE_PENDING', { offerId: 'offer-1' });
  });

  it('accept, of the offer already pending, is refused as pending', () => {
    spec.given(acceptancePending).when({ type: 'AcceptOffer', data: { offerId: 'offer-1' } }).thenThrows('REQUEST.ACCEPTANCE_PENDING');
  });

  it('accept, of a declined offer, is refused', () => {
    spec
      .given([...withOffers, declined('offer-2')])
      .when({ type: 'AcceptOffer', data: { offerId: 'offer-2' } })
      .thenThrows('REQUEST.OFFER_NOT_AVAILABLE', { status: 'declined' });
  });

  it('accept, of a withdrawn offer, is refused', () => {
    spec
      .given([...withOffers, withdrawnOffer('offer-2')])
      .when({ type: 'AcceptOffer', data: { offerId: 'offer-2' } })
      .thenThrows('REQUEST.OFFER_NOT_AVAILABLE', { status: 'withdrawn' });
  });

  it('accept, of an unknown offer, is refused', () => {
    spec.given(withOffers).when({ type: 'AcceptOffer', data: { offerId: 'offer-9' } }).thenThrows('REQUEST.UNKNOWN_OFFER');
  });

  it('accept, after the pending acceptance was cancelled, requests the new acceptance', () => {
    spec
      .given([...acceptancePending, { type: 'AcceptanceCancelled', data: { offerId: 'offer-1' } }])
      .when({ type: 'AcceptOffer', data: { offerId: 'offer-2' } })
      .then([acceptanceRequested(offer2)]);
  });
});

describe('cancel acceptance', () => {
  it('cancel a pending acceptance records the cancellation', () => {
    spec.given(acceptancePending).when({ type: 'CancelAcceptance', data: { offerId: 'offer-1' } }).then([
      { type: 'AcceptanceCancelled', data: { offerId: 'offer-1' } },
    ]);
  });

  it('cancel declines the offer: the owner may already have reserved the family and will release it', () => {
    spec
      .given([...acceptancePending, { type: 'AcceptanceCancelled', data: { offerId: 'offer-1' } }])
      .when({ type: 'AcceptOffer', data: { offerId: 'offer-1' } })
      .thenThrows('REQUEST.OFFER_NOT_AVAILABLE', { offerId: 'offer-1', status: 'declined' });
  });

  it('cancel, of an offer that is not pending, is refused', () => {
    spec
      .given(acceptancePending)
      .when({ type: 'CancelAcceptance', data: { offerId: 'offer-2' } })
      .thenThrows('REQUEST.OFFER_NOT_AVAILABLE', { offerId: 'offer-2', status: 'received' });
  });

  it('cancel, of an unknown offer, is refused', () => {
    spec.given(acceptancePending).when({ type: 'CancelAcceptance', data: { offerId: 'offer-9' } }).thenThrows('REQUEST.UNKNOWN_OFFER');
  });
});

describe('assignment confirmed by the owner', () => {
  it('confirmation fills the request and declines every other open offer', () => {
    const offer4 = { offerId: 'offer-4', partner: '0101', pseudonym: 'ps-kbh-d' };
    const offer5 = { offerId: 'offer-5', partner: '0101', pseudonym: 'ps-kbh-e' };
    spec
      .given([
        ...withOffers,
        received(offer3),
        received(offer4),
        received(offer5),
        shortlisted('offer-3'),
        withdrawnOffer('offer-4'),
        declined('offer-5'),
        acceptanceRequested(offer1),
      ])
      .when({ type: 'RecordAssignmentConfirmed', data: { offerId: 'offer-1', assignmentId: 'asg-1' } })
      .then([
        { type: 'AssignmentConfirmed', data: { offerId: 'offer-1', assignmentId: 'asg-1', partner: '0265', pseudonym: 'ps-horsens-a' } },
        { type: 'RequestFilled', data: { offerId: 'offer-1' } },
        filledByOther('offer-2'),
        filledByOther('offer-3'),
      ]);
  });

  it('confirmation, when no other offer is open, only fills the request', () => {
    spec
      .given([...shared, received(offer1), acceptanceRequested(offer1)])
      .when({ type: 'RecordAssignmentConfirmed', data: { offerId: 'offer-1', assignmentId: 'asg-1' } })
      .then([
        { type: 'AssignmentConfirmed', data: { ...offer1, assignmentId: 'asg-1' } },
        { type: 'RequestFilled', data: { offerId: 'offer-1' } },
      ]);
  });

  it('confirmation, for an offer whose acceptance is not pending, is refused', () => {
    spec
      .given(acceptancePending)
      .when({ type: 'RecordAssignmentConfirmed', data: { offerId: 'offer-2', assignmentId: 'asg-2' } })
      .thenThrows('REQUEST.OFFER_NOT_AVAILABLE', { offerId: 'offer-2', status: 'received' });
  });

  it('confirmation, for an acceptance that was cancelled, is refused', () => {
    spec
      .given([...acceptancePending, { type: 'AcceptanceCancelled', data: { offerId: 'offer-1' } }])
      .when({ type: 'RecordAssignmentConfirmed', data: { offerId: 'offer-1', assignmentId: 'asg-1' } })
      .thenThrows('REQUEST.OFFER_NOT_AVAILABLE');
  });

  it('confirmation, for an unknown offer, is refused', () => {
    spec
      .given(acceptancePending)
      .when({ type: 'RecordAssignmentConfirmed', data: { offerId: 'offer-9', assignmentId: 'asg-9' } })
      .thenThrows('REQUEST.UNKNOWN_OFFER');
  });
});

describe('offer withdrawn by its owner', () => {
  it('withdrawal of a received offer is recorded', () => {
    spec.given(withOffers).when({ type: 'RecordOfferWithdrawn', data: { offerId: 'offer-2', reason: 'Capacity gone' } }).then([withdrawnOffer('offer-2')]);
  });

  it('withdrawal of the offer whose acceptance is pending is recorded', () => {
    spec.given(acceptancePending).when({ type: 'RecordOfferWithdrawn', data: { offerId: 'offer-1', reason: 'Capacity gone' } }).then([withdrawnOffer('offer-1')]);
  });

  it('withdrawal of the pending offer clears the pending acceptance, so another offer can be accepted', () => {
    spec.given([...acceptancePending, withdrawnOffer('offer-1')]).when({ type: 'AcceptOffer', data: { offerId: 'offer-2' } }).then([acceptanceRequested(offer2)]);
  });

  it('withdrawal of another offer keeps the pending acceptance', () => {
    spec
      .given([...acceptancePending, received(offer3), withdrawnOffer('offer-2')])
      .when({ type: 'AcceptOffer', data: { offerId: 'offer-3' } })
      .thenThrows('REQUEST.ACCEPTANCE_PENDING', { offerId: 'offer-1' });
  });

  it('withdrawal, redelivered for an offer already withdrawn, changes nothing', () => {
    spec.given([...withOffers, withdrawnOffer('offer-2')]).when({ type: 'RecordOfferWithdrawn', data: { offerId: 'offer-2', reason: 'Capacity gone' } }).then([]);
  });

  it('an offer already withdrawn, redelivered as an offer, changes nothing', () => {
    spec.given([...withOffers, withdrawnOffer('offer-2')]).when({ type: 'RecordOffer', data: offer2 }).then([]);
  });

  it('withdrawal of an offer already declined changes nothing', () => {
    spec.given([...withOffers, declined('offer-2')]).when({ type: 'RecordOfferWithdrawn', data: { offerId: 'offer-2', reason: 'x' } }).then([]);
  });

  it('withdrawal of an offer never received changes nothing', () => {
    spec.given(withOffers).when({ type: 'RecordOfferWithdrawn', data: { offerId: 'offer-9', reason: 'x' } }).then([]);
  });
});
