import { assertNever } from '@familybank/domain-core';
import type { AssignmentEnding } from '@familybank/domain-family';
import type { AggregateCommand } from '../aggregate-command';
import type { ProcessManager } from '../process-manager';
import type { FamilyFact, OfferFact, WorkflowInput } from '../workflow-input';

/**
 * An assignment made through one of our offers lives on two streams: the family's reservation and
 * the offer's assignment. Whichever ends first, the other follows with the same reason: a caseworker
 * ends it on the family; the requester's late decline ends it on the offer (the offer decider's
 * release), and the family's place is freed. Each side is ended once, so nothing loops.
 * One instance per assignment.
 */
export type AssignmentEndingInput =
  | Extract<OfferFact, { type: 'AssignmentConfirmed' | 'AssignmentEnded' }>
  | Extract<FamilyFact, { type: 'AssignmentEnded' }>;

export interface AssignmentEndingState {
  /** Known once the offer confirmed the assignment; an assignment without an offer is not ours to mirror. */
  offer?: { offerId: string; familyId: string };
  /** How it ended on the family's stream, if it did. */
  familyEnding?: AssignmentEnding;
  offerEnded: boolean;
}

export const ASSIGNMENT_ENDING = 'assignment-ending';

export const assignmentEnding: ProcessManager<AssignmentEndingInput, AssignmentEndingState> = {
  name: ASSIGNMENT_ENDING,
  handles: (input: WorkflowInput): input is AssignmentEndingInput =>
    input.kind === 'event' &&
    ((input.aggregate === 'offer' && (input.type === 'AssignmentConfirmed' || input.type === 'AssignmentEnded')) ||
      (input.aggregate === 'family' && input.type === 'AssignmentEnded')),
  instanceId: (fact) => fact.data.assignmentId,
  initialState: () => ({ offerEnded: false }),
  decide: (input, state) => {
    switch (input.type) {
      case 'AssignmentConfirmed':
        // The family's side ended before the offer confirmed: the offer's assignment ends at once.
        return state.familyEnding ? [endOnOffer(input.aggregateId, state.familyEnding)] : [];
      case 'AssignmentEnded':
        if (input.aggregate === 'family') return state.offer && !state.offerEnded ? [endOnOffer(state.offer.offerId, endingOf(input.data))] : [];
        return state.familyEnding ? [] : [{ aggregate: 'family', id: input.data.familyId, command: { type: 'EndAssignment', data: endingOf(input.data) } }];
      default:
        return assertNever(input);
    }
  },
  evolve: (state, input) => {
    switch (input.type) {
      case 'AssignmentConfirmed':
        return { ...state, offer: { offerId: input.aggregateId, familyId: input.data.familyId } };
      case 'AssignmentEnded':
        return input.aggregate === 'family' ? { ...state, familyEnding: endingOf(input.data) } : { ...state, offerEnded: true };
      default:
        return assertNever(input);
    }
  },
};

const endingOf = ({ assignmentId, reason, wantsNewAssignment }: AssignmentEnding): AssignmentEnding => ({ assignmentId, reason, wantsNewAssignment });

const endOnOffer = (offerId: string, ending: AssignmentEnding): AggregateCommand => ({ aggregate: 'offer', id: offerId, command: { type: 'EndAssignment', data: ending } });
