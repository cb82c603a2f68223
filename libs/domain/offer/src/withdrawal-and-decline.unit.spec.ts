import { deciderSpecification } from '@familybank/domain-core/testing';
import { offerDecider } from './offer.decider';
import {
  NOW,
  acceptancePending,
  confirmed,
  declined,
  declinedAfterAcceptance,
  declinedByRequester,
  disclosedToRequester,
  ended,
  made,
  offerWithdrawn,
  terms,
  withdrawnAfterAcceptance,
  withdrawnWhileMade,
} from './testing/offer.fixtures';

const spec = deciderSpecification(offerDecider, { now: NOW });
const withdraw = (reason = 'The family is no longer available', code?: string) =>
  ({ type: 'WithdrawOffer', data: code === undefined ? { reason } : { reason, code } }) as const;
const decline = (reason = 'Filled with another offer') => ({ type: 'RecordOfferDeclined', data: { reason } }) as const;
const released = (reason: string) => ({ assignmentId: 'asg-1', reason: `Released: ${reason}`, wantsNewAssignment: true });

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

  it('decline from the offer’s requester is recorded without the sender', () => {
    spec.given(made).when({ type: 'RecordOfferDeclined', data: { reason: 'Filled with another offer', from: terms.requester } }).then([declinedByRequester()]);
  });

  it('decline from another municipality does not find the offer, even a confirmed one', () => {
    spec.given(confirmed).when({ type: 'RecordOfferDeclined', data: { reason: 'x', from: { municipality: '0615', requestId: 'req-1' } } }).thenThrows('OFFER.NOT_FOUND');
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

  it('decline, crossing the confirmation, ends the assignment to release the place, dated today, and the family wants a new one', () => {
    spec.given(confirmed).when(decline('The requester cancelled the acceptance')).then([
      {
        type: 'AssignmentEnded',
        data: {
          assignmentId: 'asg-1',
          reason: 'Released: The requester cancelled the acceptance',
          wantsNewAssignment: true,
          familyId: terms.familyId,
          requester: terms.requester,
          endedOn: '2026-03-10',
        },
      },
    ]);
  });

  it('decline, after the contact details went out, still releases the place', () => {
    spec.given(disclosedToRequester).when(decline()).then([
      { type: 'AssignmentEnded', data: { ...released('Filled with another offer'), familyId: terms.familyId, requester: terms.requester, endedOn: '2026-03-10' } },
    ]);
  });

  it('decline, crossing the confirmation with a long reason, keeps the released reason within 200 characters', () => {
    const state = confirmed.reduce(offerDecider.evolve, offerDecider.initialState());
    const [event] = offerDecider.decide(decline('x'.repeat(200)), state, { now: NOW });
    expect(event).toMatchObject({ type: 'AssignmentEnded', data: { reason: `Released: ${'x'.repeat(190)}` } });
  });

  it('decline, after the assignment ended, changes nothing', () => {
    spec.given(ended).when(decline()).then([]);
  });
});
