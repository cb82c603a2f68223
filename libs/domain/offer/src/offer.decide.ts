import { assertNever, ensure, isoDate, type DecisionContext } from '@familybank/domain-core';
import { OfferErrors } from './offer.errors';
import type { MakeOfferData, OfferAssignment, PlaceOwnFamilyData, OfferCommand, OfferEvent, OfferState, OfferTerms, Requester } from './offer.types';

/**
 * The owner's side of an offer. Commands that carry a message from the requester or a step of
 * the acceptance saga are idempotent: a redelivery of what was already recorded yields no events.
 */
export function decideOffer(command: OfferCommand, state: OfferState, { now }: DecisionContext): OfferEvent[] {
  if (command.type === 'MakeOffer') return [{ type: 'OfferMade', data: offerTerms(command.data, state) }];
  if (command.type === 'PlaceOwnFamily') return ownPlacement(command.data, state);
  const { status, terms } = state;
  if (status === 'none' || terms === undefined) throw OfferErrors.notFound();
  // A partner's message about an offer made to another request does not find it.
  if ('from' in command.data && command.data.from !== undefined) ensure(sameRequester(command.data.from, terms.requester), OfferErrors.notFound);
  switch (command.type) {
    case 'ReceiveAcceptance':
      // The same acceptance again changes nothing, whatever became of it since.
      if (state.acceptanceId === command.data.acceptanceId) return [];
      ensure(status === 'made', () => OfferErrors.notOpen(status));
      return [{ type: 'AcceptanceReceived', data: { acceptanceId: command.data.acceptanceId } }];
    case 'ConfirmAssignment': {
      const confirmed = state.assignment;
      if (confirmed) {
        ensure(confirmed.assignmentId === command.data.assignmentId, () => OfferErrors.alreadyConfirmed(confirmed.assignmentId));
        return [];
      }
      ensure(status === 'acceptance-received', () => OfferErrors.noAcceptanceReceived(status));
      const { familyId, requester, period, children } = terms;
      return [{ type: 'AssignmentConfirmed', data: { assignmentId: command.data.assignmentId, familyId, requester, period, children } }];
    }
    case 'RecordDisclosure': {
      const { assignmentId, recipientKeyFingerprint } = command.data;
      const assignment = assignmentOf(state, assignmentId);
      ensure(terms.own !== true, OfferErrors.ownPlacementNotSealed);
      // The handler fills the fingerprint in from the directory; without an announced key nothing can be sealed.
      ensure(recipientKeyFingerprint !== undefined, () => OfferErrors.recipientKeyUnknown(terms.requester.municipality));
      if (assignment.disclosedTo.includes(recipientKeyFingerprint)) return [];
      ensure(assignment.status === 'active', () => OfferErrors.assignmentEnded(assignment.assignmentId));
      return [{ type: 'ContactDetailsDisclosed', data: { assignmentId, recipientKeyFingerprint } }];
    }
    case 'WithdrawOffer':
      // Already closed: the saga may withdraw after the requester declined; nothing is left to withdraw.
      if (status === 'withdrawn' || status === 'declined') return [];
      ensure(status !== 'confirmed', () => OfferErrors.alreadyConfirmed(state.assignment!.assignmentId));
      return [{ type: 'OfferWithdrawn', data: command.data }];
    case 'RecordOfferDeclined':
      if (status === 'made' || status === 'acceptance-received') return [{ type: 'OfferDeclinedByRequester', data: { reason: command.data.reason } }];
      return releasedPlace(state, command.data.reason, now);
    case 'EndAssignment': {
      const assignment = assignmentOf(state, command.data.assignmentId);
      if (assignment.status === 'ended') return [];
      return [{ type: 'AssignmentEnded', data: { ...command.data, familyId: terms.familyId, requester: terms.requester, endedOn: isoDate(now) } }];
    }
    default:
      return assertNever(command);
  }
}

/**
 * A decline or cancellation that crossed the confirmation: the requester will never use the place, so
 * the assignment ends here; the assignment-ending workflow ends it on the family's stream too.
 */
function releasedPlace({ terms, assignment }: OfferState, reason: string, now: Date): OfferEvent[] {
  if (!terms || assignment?.status !== 'active') return [];
  const ending = { assignmentId: assignment.assignmentId, reason: `Released: ${reason}`.slice(0, 200), wantsNewAssignment: true };
  return [{ type: 'AssignmentEnded', data: { ...ending, familyId: terms.familyId, requester: terms.requester, endedOn: isoDate(now) } }];
}

const sameRequester = (a: Requester, b: Requester) => a.municipality === b.municipality && a.requestId === b.requestId;

function assignmentOf(state: OfferState, assignmentId: string): OfferAssignment {
  const assignment = state.assignment;
  ensure(state.status === 'confirmed' && assignment !== undefined, () => OfferErrors.notConfirmed(state.status));
  ensure(assignment.assignmentId === assignmentId, () => OfferErrors.unknownAssignment(assignmentId));
  return assignment;
}

/**
 * An own placement is an offer already accepted: the own request decided it (open, nothing else
 * pending, the family among its candidates), so the saga reserves the family as for a partner.
 */
function ownPlacement({ acceptanceId, period, children, ...placement }: PlaceOwnFamilyData, state: OfferState): OfferEvent[] {
  ensure(state.status === 'none', () => OfferErrors.alreadyMade(state.terms!.offerId));
  ensure(period.from <= period.to, () => OfferErrors.periodInverted(period));
  ensure(Number.isInteger(children) && children >= 1, () => OfferErrors.invalidChildren(children));
  return [
    { type: 'OfferMade', data: { ...placement, period, children, own: true } },
    { type: 'AcceptanceReceived', data: { acceptanceId } },
  ];
}

/** An offer answers an open request in our inbox with a family that may be shared, for the request's period and children. */
function offerTerms({ partnerRequest, pseudonym, ...offer }: MakeOfferData, state: OfferState): OfferTerms {
  ensure(state.status === 'none', () => OfferErrors.alreadyMade(state.terms!.offerId));
  ensure(partnerRequest.status !== 'unknown', OfferErrors.requestNotInInbox);
  if (partnerRequest.status === 'closed') throw OfferErrors.requestClosed(partnerRequest.reason);
  ensure(pseudonym !== undefined, OfferErrors.familyNotShareable);
  const { period, children } = partnerRequest;
  ensure(period.from <= period.to, () => OfferErrors.periodInverted(period));
  ensure(Number.isInteger(children) && children >= 1, () => OfferErrors.invalidChildren(children));
  return { ...offer, pseudonym, period, children };
}
