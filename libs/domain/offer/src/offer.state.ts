import { assertNever } from '@familybank/domain-core';
import type { OfferAssignment, OfferEvent, OfferState } from './offer.types';

export const initialOfferState = (): OfferState => ({ status: 'none' });

export function evolveOffer(state: OfferState, event: OfferEvent): OfferState {
  switch (event.type) {
    case 'OfferMade':
      return { status: 'made', terms: event.data };
    case 'AcceptanceReceived':
      return { ...state, status: 'acceptance-received', acceptanceId: event.data.acceptanceId };
    case 'AssignmentConfirmed':
      return { ...state, status: 'confirmed', assignment: { assignmentId: event.data.assignmentId, status: 'active', disclosedTo: [] } };
    case 'ContactDetailsDisclosed':
      return withAssignment(state, (assignment) => ({ ...assignment, disclosedTo: [...assignment.disclosedTo, event.data.recipientKeyFingerprint] }));
    case 'OfferWithdrawn':
      return { ...state, status: 'withdrawn' };
    case 'OfferDeclinedByRequester':
      return { ...state, status: 'declined' };
    case 'AssignmentEnded':
      return withAssignment(state, (assignment) => ({ ...assignment, status: 'ended' }));
    default:
      return assertNever(event);
  }
}

function withAssignment(state: OfferState, change: (assignment: OfferAssignment) => OfferAssignment): OfferState {
  return state.assignment ? { ...state, assignment: change(state.assignment) } : state;
}
