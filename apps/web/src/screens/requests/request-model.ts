import type { Schemas } from '@familybank/api-client';

type Offer = Schemas['ReceivedOffer'];
type PoolCandidate = Schemas['PoolCandidate'];

export interface RankedOffer {
  offer: Offer;
  /** The matcher's view of the offered family, when it is in our pool view and passes the hard filters. */
  match?: PoolCandidate;
}

const ACTIVE: ReadonlyArray<Offer['status']> = ['acceptance-requested', 'confirmed', 'shortlisted', 'received'];

/**
 * Offers in the order a caseworker decides on them: the confirmed or pending one, then shortlisted,
 * then received, each by match score (network families first); declined and withdrawn last.
 */
export function rankOffers(offers: readonly Offer[], pool: readonly PoolCandidate[]): RankedOffer[] {
  const byPseudonym = new Map(pool.map((candidate) => [candidate.pseudonym, candidate]));
  const rank = (offer: Offer) => {
    const index = ACTIVE.indexOf(offer.status);
    return index === -1 ? ACTIVE.length : index;
  };
  return offers
    .map((offer) => ({ offer, match: byPseudonym.get(offer.pseudonym) }))
    .sort(
      (a, b) =>
        rank(a.offer) - rank(b.offer) ||
        Number(networkOf(b)) - Number(networkOf(a)) ||
        scoreOf(b) - scoreOf(a),
    );
}

// An own placement carries its own explanation; a partner's offer is explained from the pool view.
const networkOf = (entry: RankedOffer) => entry.match?.network ?? entry.offer.own?.network ?? false;
const scoreOf = (entry: RankedOffer) => entry.match?.score ?? entry.offer.own?.match.score ?? -1;

/** What the requester may still do with an offer, given the request's state. */
export function offerActions(offer: Offer, request: Pick<Schemas['RequestDetail'], 'status' | 'pendingAcceptance'>): Array<'shortlist' | 'accept' | 'decline' | 'cancel'> {
  if (request.status !== 'open') return [];
  if (offer.status === 'acceptance-requested') return ['cancel'];
  if (offer.status !== 'received' && offer.status !== 'shortlisted') return [];
  const actions: Array<'shortlist' | 'accept' | 'decline'> = offer.status === 'received' ? ['shortlist'] : [];
  if (!request.pendingAcceptance) actions.push('accept');
  actions.push('decline');
  return actions;
}
