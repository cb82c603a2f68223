import { assertNever } from '@familybank/domain-core';
import type { OfferTerms } from '@familybank/domain-offer';
import type { AggregateCommand } from '../aggregate-command';
import type { ProcessManager } from '../process-manager';
import type { CommandRefused, FamilyFact, OfferFact, WorkflowInput } from '../workflow-input';

/**
 * The owner's half of the acceptance saga (DESIGN §5). The requester's acceptance, once recorded on
 * our offer, reserves the family on its own stream (of two acceptances for one place, one wins);
 * the reservation confirms the assignment on the offer, and the confirmation discloses the contact
 * details. A refused reservation withdraws the offer with the refusal's reason; a refused
 * confirmation (the requester declined meanwhile) releases the reservation again.
 * One instance per assignment: `as-<offerId>`, the id the family's reservation carries.
 */
export type OwnerAcceptanceInput =
  | Extract<OfferFact, { type: 'OfferMade' | 'AcceptanceReceived' | 'AssignmentConfirmed' }>
  | Extract<FamilyFact, { type: 'FamilyReserved' }>
  | CommandRefused;

type Step = 'offered' | 'reserving' | 'confirming' | 'disclosing' | 'withdrawing' | 'releasing';
export type OwnerAcceptanceState = { status: 'unknown' } | { status: Step; terms: OfferTerms };
type Known = Extract<OwnerAcceptanceState, { terms: OfferTerms }>;

export const OWNER_ACCEPTANCE = 'owner-acceptance';

/** The assignment an accepted offer becomes; ids are at most 64 characters. */
export const assignmentIdFor = (offerId: string) => `as-${offerId}`.slice(0, 64);

/** Each step follows only the one before it, so a stray or out-of-order input moves nothing. */
const STEPS = {
  AcceptanceReceived: { from: 'offered', to: 'reserving' },
  FamilyReserved: { from: 'reserving', to: 'confirming' },
  AssignmentConfirmed: { from: 'confirming', to: 'disclosing' },
  ReserveFamilyRefused: { from: 'reserving', to: 'withdrawing' },
  ConfirmAssignmentRefused: { from: 'confirming', to: 'releasing' },
} as const satisfies Record<string, { from: Step; to: Step }>;
type StepName = keyof typeof STEPS;

const OFFER_STEPS: ReadonlySet<string> = new Set(['OfferMade', 'AcceptanceReceived', 'AssignmentConfirmed']);

export const ownerAcceptance: ProcessManager<OwnerAcceptanceInput, OwnerAcceptanceState> = {
  name: OWNER_ACCEPTANCE,
  handles: (input: WorkflowInput): input is OwnerAcceptanceInput =>
    input.kind === 'refused' ||
    (input.kind === 'event' && ((input.aggregate === 'offer' && OFFER_STEPS.has(input.type)) || (input.aggregate === 'family' && input.type === 'FamilyReserved'))),
  instanceId: (fact) => (fact.aggregate === 'offer' ? assignmentIdFor(fact.aggregateId) : fact.data.assignmentId),
  initialState: () => ({ status: 'unknown' }),
  decide: (input, state) => {
    const step = stepOf(input);
    return state.status !== 'unknown' && step !== undefined && STEPS[step].from === state.status ? commandsFor(input, step, state) : [];
  },
  evolve: (state, input) => {
    if (input.kind === 'event' && input.type === 'OfferMade') return { status: 'offered', terms: input.data };
    const step = stepOf(input);
    return state.status !== 'unknown' && step !== undefined && STEPS[step].from === state.status ? { ...state, status: STEPS[step].to } : state;
  },
};

function stepOf(input: OwnerAcceptanceInput): StepName | undefined {
  if (input.kind === 'event') return input.type === 'OfferMade' ? undefined : input.type;
  const refused = input.command.command.type;
  return refused === 'ReserveFamily' || refused === 'ConfirmAssignment' ? `${refused}Refused` : undefined;
}

function commandsFor(input: OwnerAcceptanceInput, step: StepName, { terms }: Known): AggregateCommand[] {
  const assignmentId = assignmentIdFor(terms.offerId);
  const onOffer = (command: Extract<AggregateCommand, { aggregate: 'offer' }>['command']): AggregateCommand => ({ aggregate: 'offer', id: terms.offerId, command });
  switch (step) {
    case 'AcceptanceReceived': {
      const { familyId, requester, period, children } = terms;
      return [{ aggregate: 'family', id: familyId, command: { type: 'ReserveFamily', data: { assignmentId, requester, period, children } } }];
    }
    case 'FamilyReserved':
      return [onOffer({ type: 'ConfirmAssignment', data: { assignmentId } })];
    case 'AssignmentConfirmed':
      // An own placement discloses nothing: the contact details are ours already.
      if (terms.own) return [];
      // Without the requester's key: the command handler fills it in from the directory.
      return [onOffer({ type: 'RecordDisclosure', data: { assignmentId } })];
    case 'ReserveFamilyRefused':
    case 'ConfirmAssignmentRefused':
      return input.kind === 'refused' ? onRefused(step, input, terms) : [];
    default:
      return assertNever(step);
  }
}

function onRefused(step: 'ReserveFamilyRefused' | 'ConfirmAssignmentRefused', { code, message }: CommandRefused, terms: OfferTerms): AggregateCommand[] {
  if (step === 'ReserveFamilyRefused') return [{ aggregate: 'offer', id: terms.offerId, command: { type: 'WithdrawOffer', data: { reason: message, code } } }];
  // The offer was declined or withdrawn while the family was being reserved: nobody will use the place.
  const ending = { assignmentId: assignmentIdFor(terms.offerId), reason: `Released: ${message}`.slice(0, 200), wantsNewAssignment: true };
  return [{ aggregate: 'family', id: terms.familyId, command: { type: 'EndAssignment', data: ending } }];
}
