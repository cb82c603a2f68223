import type { Requester } from '@familybank/domain-offer';
import type { AggregateCommand } from '../aggregate-command';
import type { PartnerRequestCloseReason } from '../partner-request.events';
import type { ProcessManager } from '../process-manager';
import type { OfferFact, PartnerRequestFact, WorkflowInput } from '../workflow-input';

/**
 * A partner's request that was withdrawn or expired wants none of our offers: each of our offers
 * for it is declined. The offer decides what that means: a made or accepted offer is declined, a
 * confirmed one ends its assignment and so frees the family's place (the assignment-ending workflow
 * carries that to the family). A filled request declines the offers it did not take itself.
 * An offer made while the closing was on its way is declined when it is recorded.
 * One instance per partner request and own municipality.
 */
export type ClosedPartnerRequestInput = Extract<OfferFact, { type: 'OfferMade' }> | Extract<PartnerRequestFact, { type: 'PartnerRequestClosed' }>;

export interface ClosedPartnerRequestState {
  /** Our offers for the request, in the order they were made. */
  offers: string[];
  closed?: PartnerRequestCloseReason;
}

export const CLOSED_PARTNER_REQUEST = 'closed-partner-request';

export const closedPartnerRequest: ProcessManager<ClosedPartnerRequestInput, ClosedPartnerRequestState> = {
  name: CLOSED_PARTNER_REQUEST,
  handles: (input: WorkflowInput): input is ClosedPartnerRequestInput =>
    input.kind === 'event' && ((input.aggregate === 'offer' && input.type === 'OfferMade') || (input.aggregate === 'partner-request' && input.type === 'PartnerRequestClosed')),
  instanceId: (fact) => {
    const { municipality, requestId } = fact.type === 'OfferMade' ? fact.data.requester : { municipality: fact.data.requester, requestId: fact.data.requestId };
    return `${fact.municipality}/${municipality}/${requestId}`;
  },
  initialState: () => ({ offers: [] }),
  decide: (input, state) => {
    if (input.type === 'OfferMade') return declinesAll(state.closed) ? [decline(input.data.offerId, state.closed, input.data.requester)] : [];
    // Closed once: a repeated closing finds the offers already declined.
    const { requester, requestId, reason } = input.data;
    if (state.closed !== undefined || !declinesAll(reason)) return [];
    return state.offers.map((offerId) => decline(offerId, reason, { municipality: requester, requestId }));
  },
  evolve: (state, input) =>
    input.type === 'OfferMade' ? { ...state, offers: [...state.offers, input.data.offerId] } : { ...state, closed: state.closed ?? input.data.reason },
};

const declinesAll = (reason: PartnerRequestCloseReason | undefined): reason is 'withdrawn' | 'expired' => reason === 'withdrawn' || reason === 'expired';

/** Declined in the requester's name: the decline stands for its request, and the offer checks that it is the one it answers. */
const decline = (offerId: string, reason: 'withdrawn' | 'expired', from: Requester): AggregateCommand => ({
  aggregate: 'offer',
  id: offerId,
  command: { type: 'RecordOfferDeclined', data: { reason: `The request was ${reason}`, from } },
});
