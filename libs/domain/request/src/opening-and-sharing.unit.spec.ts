import { deciderSpecification } from '@familybank/domain-core/testing';
import { requestDecider } from './request.decider';
import type { RequestEvent } from './request.types';
import { ACTIVE, NOW, everyCommandButOpen, needs, offer1, offer2, opened, opening, received, shared, withOffers } from './testing/request.fixtures';

const spec = deciderSpecification(requestDecider, { now: NOW });

describe('open request', () => {
  it('open records the request with its needs, case reference and deadline', () => {
    spec.given([]).when({ type: 'OpenRequest', data: opening }).then([{ type: 'RequestOpened', data: opening }]);
  });

  it('open, with the response deadline today, records the request', () => {
    const data = { ...opening, responseDeadline: '2026-03-10' };
    spec.given([]).when({ type: 'OpenRequest', data }).then([{ type: 'RequestOpened', data }]);
  });

  it('open, with a response deadline in the past, is refused', () => {
    spec
      .given([])
      .when({ type: 'OpenRequest', data: { ...opening, responseDeadline: '2026-03-09' } })
      .thenThrows('REQUEST.DEADLINE_IN_PAST', { deadline: '2026-03-09' });
  });

  it('open, with a period that ends before it starts, is refused', () => {
    const inverted = { ...needs, schedule: { ...needs.schedule, period: { from: '2026-09-30', to: '2026-04-01' } } };
    spec.given([]).when({ type: 'OpenRequest', data: { ...opening, needs: inverted } }).thenThrows('REQUEST.PERIOD_INVERTED');
  });

  it('open, with a one-day period, records the request', () => {
    const oneDay = { ...needs, schedule: { ...needs.schedule, period: { from: '2026-04-01', to: '2026-04-01' } } };
    const data = { ...opening, needs: oneDay };
    spec.given([]).when({ type: 'OpenRequest', data }).then([{ type: 'RequestOpened', data }]);
  });

  it('open, naming network candidates without having explored the network, is refused', () => {
    const unexplored = { ...needs, networkExplored: false, networkCandidates: ['fam-aunt'] };
    spec.given([]).when({ type: 'OpenRequest', data: { ...opening, needs: unexplored } }).thenThrows('REQUEST.NETWORK_NOT_EXPLORED');
  });

  it('open, with network candidates after exploring the network, records the request', () => {
    const data = { ...opening, needs: { ...needs, networkExplored: true, networkCandidates: ['fam-aunt'] } };
    spec.given([]).when({ type: 'OpenRequest', data }).then([{ type: 'RequestOpened', data }]);
  });

  it('open, without exploring the network and without candidates, records the request', () => {
    const data = { ...opening, needs: { ...needs, networkExplored: false } };
    spec.given([]).when({ type: 'OpenRequest', data }).then([{ type: 'RequestOpened', data }]);
  });

  it('open, when the request is already opened, is refused', () => {
    spec.given(opened).when({ type: 'OpenRequest', data: opening }).thenThrows('REQUEST.ALREADY_OPENED');
  });
});

describe('a request that was never opened', () => {
  it.each(everyCommandButOpen.map((command) => [command.type, command] as const))('%s is refused as not found', (_type, command) => {
    spec.given([]).when(command).thenThrows('REQUEST.NOT_FOUND');
  });
});

describe('share request', () => {
  it('share records the partners it goes to', () => {
    spec.given(opened).when({ type: 'ShareRequest', data: { partners: ['0265', '0101'], activePartners: ACTIVE } }).then([
      { type: 'RequestShared', data: { partners: ['0265', '0101'] } },
    ]);
  });

  it('share, with partners it already went to, records only the new partners', () => {
    spec.given(shared).when({ type: 'ShareRequest', data: { partners: ['0101', '0751'], activePartners: ACTIVE } }).then([
      { type: 'RequestShared', data: { partners: ['0751'] } },
    ]);
  });

  it('share, repeated with the same partners, changes nothing', () => {
    spec.given(shared).when({ type: 'ShareRequest', data: { partners: ['0265', '0101'], activePartners: ACTIVE } }).then([]);
  });

  it('share, naming a partner twice, records that partner once', () => {
    spec.given(opened).when({ type: 'ShareRequest', data: { partners: ['0265', '0265'], activePartners: ACTIVE } }).then([
      { type: 'RequestShared', data: { partners: ['0265'] } },
    ]);
  });

  it('share, with no partners, is refused', () => {
    spec.given(opened).when({ type: 'ShareRequest', data: { partners: [], activePartners: ACTIVE } }).thenThrows('REQUEST.NO_PARTNERS');
  });

  it('share, without naming partners, goes to every active partner', () => {
    spec.given(opened).when({ type: 'ShareRequest', data: { activePartners: ['0265', '0101'] } }).then([
      { type: 'RequestShared', data: { partners: ['0265', '0101'] } },
    ]);
  });

  it('share, naming a municipality that is not an active partner, is refused and names it', () => {
    spec.given(opened).when({ type: 'ShareRequest', data: { partners: ['0265', '0999'], activePartners: ['0265'] } }).thenThrows('REQUEST.NOT_A_PARTNER', { strangers: ['0999'] });
  });

  it('share, without naming partners and with no active partner, is refused', () => {
    spec.given(opened).when({ type: 'ShareRequest', data: { activePartners: [] } }).thenThrows('REQUEST.NO_PARTNERS');
  });

  it('share, with no partners, is refused even after it was shared', () => {
    spec.given(shared).when({ type: 'ShareRequest', data: { partners: [], activePartners: ACTIVE } }).thenThrows('REQUEST.NO_PARTNERS');
  });
});

describe('record offer', () => {
  it('an offer from a partner the request was shared with is recorded', () => {
    spec.given(shared).when({ type: 'RecordOffer', data: offer1 }).then([{ type: 'OfferReceived', data: offer1 }]);
  });

  it('a second offer from the same partner is recorded too', () => {
    const another = { offerId: 'offer-3', partner: '0265', pseudonym: 'ps-horsens-c' };
    spec.given([...shared, received(offer1)]).when({ type: 'RecordOffer', data: another }).then([{ type: 'OfferReceived', data: another }]);
  });

  it('an offer from a partner the request was not shared with is refused', () => {
    spec
      .given(shared)
      .when({ type: 'RecordOffer', data: { offerId: 'offer-9', partner: '0751', pseudonym: 'ps-aarhus' } })
      .thenThrows('REQUEST.NOT_SHARED_WITH', { partner: '0751' });
  });

  it('an offer, before the request was shared at all, is refused', () => {
    spec.given(opened).when({ type: 'RecordOffer', data: offer1 }).thenThrows('REQUEST.NOT_SHARED_WITH');
  });

  it('an offer, redelivered with the same offer id, is ignored', () => {
    spec.given(withOffers).when({ type: 'RecordOffer', data: offer2 }).then([]);
  });

  it('an offer from a partner that first answered no match is recorded', () => {
    spec
      .given([...shared, { type: 'PartnerAnsweredNoMatch', data: { partner: '0101' } }])
      .when({ type: 'RecordOffer', data: offer2 })
      .then([{ type: 'OfferReceived', data: offer2 }]);
  });
});

describe('record no match', () => {
  it('a partner answering no match is recorded', () => {
    spec.given(shared).when({ type: 'RecordNoMatch', data: { partner: '0101' } }).then([{ type: 'PartnerAnsweredNoMatch', data: { partner: '0101' } }]);
  });

  it('a partner answering no match a second time changes nothing', () => {
    spec
      .given([...shared, { type: 'PartnerAnsweredNoMatch', data: { partner: '0101' } }])
      .when({ type: 'RecordNoMatch', data: { partner: '0101' } })
      .then([]);
  });

  it('a partner that already made an offer has answered; its no match changes nothing', () => {
    spec.given([...shared, received(offer1)]).when({ type: 'RecordNoMatch', data: { partner: '0265' } }).then([]);
  });

  it('a no match from a partner the request was not shared with is refused', () => {
    spec.given(shared).when({ type: 'RecordNoMatch', data: { partner: '0751' } }).thenThrows('REQUEST.NOT_SHARED_WITH', { partner: '0751' });
  });

  it('each partner is tracked once in answeredBy', () => {
    const events: RequestEvent[] = [
      ...shared,
      received(offer1),
      received({ offerId: 'offer-3', partner: '0265', pseudonym: 'ps-horsens-c' }),
      { type: 'PartnerAnsweredNoMatch', data: { partner: '0101' } },
      { type: 'PartnerAnsweredNoMatch', data: { partner: '0101' } },
    ];
    const state = events.reduce(requestDecider.evolve, requestDecider.initialState());
    expect(state.answeredBy).toEqual(['0265', '0101']);
  });
});
