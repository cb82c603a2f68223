import { deciderSpecification } from '@familybank/domain-core/testing';
import { offerDecider } from './offer.decider';
import {
  NOW,
  acceptancePending,
  confirmed,
  declined,
  declinedAfterAcceptance,
  declinedByRequester,
  ended,
  made,
  offerWithdrawn,
  withdrawnAfterAcceptance,
  withdrawnWhileMade,
} from './testing/offer.fixtures';

const spec = deciderSpecification(offerDecider, { now: NOW });
const withdraw = (reason = 'The family is no longer available', code?: string) =>
  ({ type: 'WithdrawOffer', data: code === undefined ? { reason } : { reason, code } }) as const;
const decline = (reason = 'Filled with another offer') => ({ type: 'RecordOfferDeclined', data: { reason } }) as const;

describe('withdraw offer', () => {
  it('withdraw, by the owner’s caseworker before anyone accepted, records the reason', () => {
    spec.given(made).when(withdraw()).then([offerWithdrawn()]);
  });

  it('withdraw, by the saga when the family had no place left in the period, records the reason and the code', () => {
    spec
      .given(acceptancePending)
      .when(withdraw('No free place in the period', 'FAMILY.NO_PLACE_IN_PERIOD'))
      .then([{ type: 'OfferWithdrawn', data: { reason: 'No free place in the period', code: 'FAMILY.NO_PLACE_IN_PERIOD' } }]);
  });

  it('withdraw, redelivered after the offer was withdrawn, changes nothing', () => {
    spec.given(withdrawnAfterAcceptance).when(withdraw('No free place in the period', 'FAMILY.NO_PLACE_IN_PERIOD')).then([]);
  });

  it('withdraw, when the caseworker already withdrew it, changes nothing', () => {
    spec.given(withdrawnWhileMade).when(withdraw('Withdrawn twice')).then([]);
  });

  it('withdraw, after the requester declined the offer, changes nothing', () => {
    spec.given(declined).when(withdraw()).then([]);
  });

  it('withdraw, by the saga after the requester declined while the family was being reserved, changes nothing', () => {
    spec.given(declinedAfterAcceptance).when(withdraw('No free place in the period', 'FAMILY.NO_PLACE_IN_PERIOD')).then([]);
  });

  it('withdraw, when the assignment is confirmed, is refused', () => {
    spec.given(confirmed).when(withdraw()).thenThrows('OFFER.ALREADY_CONFIRMED', { assignmentId: 'asg-1' });
  });

  it('withdraw, after the assignment ended, is refused', () => {
    spec.given(ended).when(withdraw()).thenThrows('OFFER.ALREADY_CONFIRMED', { assignmentId: 'asg-1' });
  });
});

describe('offer declined by the requester', () => {
  it('decline of a made offer is recorded with the reason', () => {
    spec.given(made).when(decline()).then([declinedByRequester()]);
  });

  it('decline, while the family is being reserved for the acceptance, is recorded', () => {
    spec.given(acceptancePending).when(decline('The caseworker cancelled the acceptance')).then([declinedByRequester('The caseworker cancelled the acceptance')]);
  });

  it('decline, redelivered for an offer already declined, changes nothing', () => {
    spec.given(declined).when(decline()).then([]);
  });

  it('decline, crossing the owner’s withdrawal, changes nothing', () => {
    spec.given(withdrawnWhileMade).when(decline()).then([]);
  });

  it('decline, of an offer whose assignment is confirmed, changes nothing', () => {
    spec.given(confirmed).when(decline()).then([]);
  });

  it('decline, after the assignment ended, changes nothing', () => {
    spec.given(ended).when(decline()).then([]);
  });
});
