import type { AggregateCommand } from '../aggregate-command';
import type { ProcessManager } from '../process-manager';
import type { CommandRefused, OfferFact, RequestFact, WorkflowInput } from '../workflow-input';

/**
 * An own placement (DESIGN §4): the requester places its own family for its own request, under the
 * rules and the lifecycle of a partner's offer. The request records the placement; this workflow
 * makes it an own offer, already accepted, so the owner-acceptance saga reserves the family on its
 * stream (an overlapping reservation is refused there, as for a partner). What the offer then
 * records comes back to the request, as a partner's messages would: the confirmation fills it, a
 * refused reservation withdraws the placement, the end of the assignment ends it on the request.
 * A cancellation on the request declines the offer; a confirmation the request refuses (it closed
 * meanwhile) releases the family's place again. One instance per own offer.
 */
export type OwnPlacementInput =
  | Extract<RequestFact, { type: 'OwnPlacementRequested' | 'AcceptanceCancelled' }>
  | Extract<OfferFact, { type: 'AssignmentConfirmed' | 'OfferWithdrawn' | 'AssignmentEnded' }>
  | CommandRefused;

export interface OwnPlacementState {
  /** Known from the request's OwnPlacementRequested; any other offer is a partner's business. */
  placement?: { offerId: string; requestId: string };
}

export const OWN_PLACEMENT = 'own-placement';

const REQUEST_INPUTS: ReadonlySet<string> = new Set(['OwnPlacementRequested', 'AcceptanceCancelled']);
const OFFER_INPUTS: ReadonlySet<string> = new Set(['AssignmentConfirmed', 'OfferWithdrawn', 'AssignmentEnded']);

export const ownPlacement: ProcessManager<OwnPlacementInput, OwnPlacementState> = {
  name: OWN_PLACEMENT,
  handles: (input: WorkflowInput): input is OwnPlacementInput =>
    input.kind === 'refused' ||
    (input.kind === 'event' && ((input.aggregate === 'request' && REQUEST_INPUTS.has(input.type)) || (input.aggregate === 'offer' && OFFER_INPUTS.has(input.type)))),
  instanceId: (fact) => (fact.aggregate === 'request' ? fact.data.offerId : fact.aggregateId),
  initialState: () => ({}),
  decide: (input, { placement }) => {
    if (input.kind === 'event' && input.type === 'OwnPlacementRequested') {
      const { offerId, familyId, pseudonym, period, children } = input.data;
      const requester = { municipality: input.municipality, requestId: input.aggregateId };
      // The request's event is the acceptance: a replay recognises it by its id.
      return [{ aggregate: 'offer', id: offerId, command: { type: 'PlaceOwnFamily', data: { offerId, requester, familyId, pseudonym, period, children, acceptanceId: input.eventId } } }];
    }
    if (!placement) return [];
    const onRequest = (command: Extract<AggregateCommand, { aggregate: 'request' }>['command']): AggregateCommand[] => [{ aggregate: 'request', id: placement.requestId, command }];
    const onOffer = (reason: string): AggregateCommand[] => [{ aggregate: 'offer', id: placement.offerId, command: { type: 'RecordOfferDeclined', data: { reason: reason.slice(0, 200) } } }];
    if (input.kind === 'refused') return onRefused(input, placement.offerId, onRequest, onOffer);
    switch (input.type) {
      case 'AssignmentConfirmed':
        return onRequest({ type: 'RecordAssignmentConfirmed', data: { offerId: placement.offerId, assignmentId: input.data.assignmentId } });
      case 'OfferWithdrawn':
        return onRequest({ type: 'RecordOfferWithdrawn', data: { offerId: placement.offerId, reason: input.data.reason } });
      case 'AssignmentEnded':
        return onRequest({ type: 'RecordAssignmentEnded', data: { assignmentId: input.data.assignmentId, reason: input.data.reason } });
      case 'AcceptanceCancelled':
        return onOffer('The caseworker cancelled the placement');
      default:
        return [];
    }
  },
  evolve: (state, input) =>
    input.kind === 'event' && input.type === 'OwnPlacementRequested' ? { placement: { offerId: input.data.offerId, requestId: input.aggregateId } } : state,
};

function onRefused(
  { command, message }: CommandRefused,
  offerId: string,
  onRequest: (command: Extract<AggregateCommand, { aggregate: 'request' }>['command']) => AggregateCommand[],
  onOffer: (reason: string) => AggregateCommand[],
): AggregateCommand[] {
  // The own offer could not be recorded: the request's placement is withdrawn, so it is open again.
  if (command.command.type === 'PlaceOwnFamily') return onRequest({ type: 'RecordOfferWithdrawn', data: { offerId, reason: message } });
  // The request closed while the family was being reserved: nobody will use the place.
  if (command.command.type === 'RecordAssignmentConfirmed') return onOffer(`Released: ${message}`);
  return [];
}
