import { deciderSpecification } from '@familybank/domain-core/testing';
import { offerDecider } from './offer.decider';
import {
  ACCEPTANCE_ID,
  NOW,
  acceptancePending,
  acceptanceReceived,
  confirmed,
  declined,
  declinedAfterAcceptance,
  ended,
  everyCommandButMake,
  makeOffer,
  made,
  terms,
  withdrawnAfterAcceptance,
  withdrawnWhileMade,
} from './testing/offer.fixtures';

const spec = deciderSpecification(offerDecider, { now: NOW });
const receive = (acceptanceId = ACCEPTANCE_ID) => ({ type: 'ReceiveAcceptance', data: { acceptanceId } }) as const;

describe('make offer', () => {
  it('make records the offer of the family, by pseudonym, for the request and period', () => {
    spec.given([]).when(makeOffer(terms)).then([{ type: 'OfferMade', data: terms }]);
  });

  it('make, without a note, records the offer', () => {
    const { note: _note, ...withoutNote } = terms;
    spec.given([]).when(makeOffer(withoutNote)).then([{ type: 'OfferMade', data: withoutNote }]);
  });

  it('make, for a one-day period, records the offer', () => {
    const data = { ...terms, period: { from: '2026-04-04', to: '2026-04-04' } };
    spec.given([]).when(makeOffer(data)).then([{ type: 'OfferMade', data }]);
  });

  it('make, for siblings, records the offer with the number of children', () => {
    const data = { ...terms, children: 3 };
    spec.given([]).when(makeOffer(data)).then([{ type: 'OfferMade', data }]);
  });

  it('make, with a period that ends before it starts, is refused', () => {
    spec
      .given([])
      .when(makeOffer({ ...terms, period: { from: '2026-09-30', to: '2026-04-01' } }))
      .thenThrows('OFFER.PERIOD_INVERTED', { from: '2026-09-30', to: '2026-04-01' });
  });

  it('make, for no children, is refused', () => {
    spec.given([]).when(makeOffer({ ...terms, children: 0 })).thenThrows('OFFER.INVALID_CHILDREN', { children: 0 });
  });

  it('make, for a fraction of a child, is refused', () => {
    spec.given([]).when(makeOffer({ ...terms, children: 1.5 })).thenThrows('OFFER.INVALID_CHILDREN', { children: 1.5 });
  });

  it('make, when the offer is already made, is refused', () => {
    spec.given(made).when(makeOffer()).thenThrows('OFFER.ALREADY_MADE', { offerId: 'offer-1' });
  });

  it('make, when the offer was withdrawn, is refused: a new offer gets a new id', () => {
    spec.given(withdrawnWhileMade).when(makeOffer()).thenThrows('OFFER.ALREADY_MADE');
  });
});

describe('make offer: the partner request and the family', () => {
  const { partnerRequest: _open, ...offer } = makeOffer().data;

  it('make, for a request that is not in our inbox, is not found', () => {
    spec.given([]).when({ type: 'MakeOffer', data: { ...offer, partnerRequest: { status: 'unknown' } } }).thenThrows('INBOX.REQUEST_NOT_FOUND');
  });

  it('make, for a request the requester closed, is refused and says why it closed', () => {
    spec.given([]).when({ type: 'MakeOffer', data: { ...offer, partnerRequest: { status: 'closed', reason: 'withdrawn' } } }).thenThrows('INBOX.REQUEST_CLOSED', { reason: 'withdrawn' });
  });

  it('make, for a family that may not be shared (no pseudonym), is refused', () => {
    const { pseudonym: _pseudonym, ...unshareable } = makeOffer().data;
    spec.given([]).when({ type: 'MakeOffer', data: unshareable }).thenThrows('OFFER.FAMILY_NOT_SHAREABLE');
  });

  it('make takes the period and the children from the request, whatever else the caller had in mind', () => {
    const data = { ...makeOffer().data, partnerRequest: { status: 'open' as const, period: { from: '2026-05-01', to: '2026-05-31' }, children: 2 } };
    spec.given([]).when({ type: 'MakeOffer', data }).then([{ type: 'OfferMade', data: { ...terms, period: { from: '2026-05-01', to: '2026-05-31' }, children: 2 } }]);
  });
});

describe('an offer that was never made', () => {
  it.each(everyCommandButMake.map((command) => [command.type, command] as const))('%s is refused as not found', (_type, command) => {
    spec.given([]).when(command).thenThrows('OFFER.NOT_FOUND');
  });
});

describe('receive acceptance', () => {
  it('the requester’s acceptance of a made offer is recorded', () => {
    spec.given(made).when(receive()).then([acceptanceReceived()]);
  });

  it('an acceptance from the offer’s requester, for its request, is recorded without the sender', () => {
    spec.given(made).when({ type: 'ReceiveAcceptance', data: { acceptanceId: ACCEPTANCE_ID, from: terms.requester } }).then([acceptanceReceived()]);
  });

  it.each([
    ['another municipality', { municipality: '0615', requestId: 'req-1' }],
    ['another request of the requester', { municipality: '0630', requestId: 'req-2' }],
  ])('an acceptance from %s does not find the offer', (_who, from) => {
    spec.given(made).when({ type: 'ReceiveAcceptance', data: { acceptanceId: ACCEPTANCE_ID, from } }).thenThrows('OFFER.NOT_FOUND');
  });

  it('the same acceptance, redelivered while the family is being reserved, changes nothing', () => {
    spec.given(acceptancePending).when(receive()).then([]);
  });

  it('the same acceptance, redelivered after the assignment was confirmed, changes nothing', () => {
    spec.given(confirmed).when(receive()).then([]);
  });

  it('the same acceptance, redelivered after the assignment ended, changes nothing', () => {
    spec.given(ended).when(receive()).then([]);
  });

  it('the same acceptance, redelivered after the reservation was refused and the offer withdrawn, changes nothing', () => {
    spec.given(withdrawnAfterAcceptance).when(receive()).then([]);
  });

  it('the same acceptance, redelivered after the requester declined, changes nothing', () => {
    spec.given(declinedAfterAcceptance).when(receive()).then([]);
  });

  it('another acceptance, while one is being reserved, is refused as not open', () => {
    spec.given(acceptancePending).when(receive('acc-2')).thenThrows('OFFER.NOT_OPEN', { status: 'acceptance-received' });
  });

  it('another acceptance, after the assignment was confirmed, is refused as not open', () => {
    spec.given(confirmed).when(receive('acc-2')).thenThrows('OFFER.NOT_OPEN', { status: 'confirmed' });
  });

  it('an acceptance, crossing the owner’s withdrawal, is refused as not open', () => {
    spec.given(withdrawnWhileMade).when(receive()).thenThrows('OFFER.NOT_OPEN', { status: 'withdrawn' });
  });

  it('an acceptance, after the requester declined the offer, is refused as not open', () => {
    spec.given(declined).when(receive()).thenThrows('OFFER.NOT_OPEN', { status: 'declined' });
  });
});
