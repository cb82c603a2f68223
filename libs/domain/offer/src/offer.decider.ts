import type { Decider } from '@familybank/domain-core';
import { decideOffer } from './offer.decide';
import { evolveOffer, initialOfferState } from './offer.state';
import type { OfferCommand, OfferEvent, OfferState } from './offer.types';

export const offerDecider: Decider<OfferCommand, OfferEvent, OfferState> = {
  decide: decideOffer,
  evolve: evolveOffer,
  initialState: initialOfferState,
};
