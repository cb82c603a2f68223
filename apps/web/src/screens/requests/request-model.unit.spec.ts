import type { Schemas } from '@familybank/api-client';
import { offerActions, rankOffers } from './request-model';

type Offer = Schemas['ReceivedOffer'];
const offer = (offerId: string, status: Offer['status'], pseudonym = `${offerId}-pseudonym-0000000000000`) => ({ offerId, partner: '0265', pseudonym, status }) as Offer;
const candidate = (pseudonym: string, score: number, network = false) => ({ pseudonym, score, network, criteria: [] }) as unknown as Schemas['PoolCandidate'];

describe('the requester’s offers', () => {
  it('are ranked pending before shortlisted before received, each by network then score; declined last', () => {
    const offers = [offer('low', 'received'), offer('gone', 'declined'), offer('high', 'received'), offer('short', 'shortlisted'), offer('kin', 'received')];
    const pool = [candidate(offers[0]!.pseudonym, 40), candidate(offers[2]!.pseudonym, 90), candidate(offers[3]!.pseudonym, 10), candidate(offers[4]!.pseudonym, 20, true)];
    expect(rankOffers(offers, pool).map((ranked) => ranked.offer.offerId)).toEqual(['short', 'kin', 'high', 'low', 'gone']);
  });

  it('carry their match when the family is in the pool view, none otherwise', () => {
    const [ranked] = rankOffers([offer('a', 'received')], []);
    expect(ranked!.match).toBeUndefined();
  });

  it('an own placement ranks by its own explanation: a network family of ours before a partner’s higher score', () => {
    const own = { ...offer('ours', 'received'), own: { familyId: 'f', children: 1, network: true, match: { score: 30, criteria: [] } } } as Offer;
    const partner = offer('theirs', 'received');
    expect(rankOffers([partner, own], [candidate(partner.pseudonym, 90)]).map((ranked) => ranked.offer.offerId)).toEqual(['ours', 'theirs']);
  });

  it('can be accepted only while no other acceptance is pending, and never on a closed request', () => {
    const open = { status: 'open' as const, pendingAcceptance: undefined };
    expect(offerActions(offer('a', 'received'), open)).toEqual(['shortlist', 'accept', 'decline']);
    expect(offerActions(offer('a', 'shortlisted'), { ...open, pendingAcceptance: { offerId: 'b', since: '', ageMinutes: 1 } })).toEqual(['decline']);
    expect(offerActions(offer('a', 'acceptance-requested'), open)).toEqual(['cancel']);
    expect(offerActions(offer('a', 'received'), { status: 'filled', pendingAcceptance: undefined })).toEqual([]);
  });
});
