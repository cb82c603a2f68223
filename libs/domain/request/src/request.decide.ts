import { assertNever, ensure, isoDate, type DecisionContext } from '@familybank/domain-core';
import { networkPersonRecorded } from './network-map';
import { RequestErrors } from './request.errors';
import type { IntroductionVisit, OfferState, OwnPlacement, RequestCommand, RequestEvent, RequestState } from './request.types';

/** A municipality's request for one child: shared with partners, answered with offers, filled once. */
export function decideRequest(command: RequestCommand, state: RequestState, { now }: DecisionContext): RequestEvent[] {
  const today = isoDate(now);
  if (command.type === 'OpenRequest') {
    ensure(state.status === 'none', RequestErrors.alreadyOpened);
    const { needs, responseDeadline } = command.data;
    ensure(responseDeadline >= today, () => RequestErrors.deadlineInPast(responseDeadline));
    ensure(needs.schedule.period.from <= needs.schedule.period.to, RequestErrors.periodInverted);
    // Requests opened before the network map say whether the network was explored; naming candidates while saying no contradicts itself.
    ensure(needs.networkExplored !== false || needs.networkCandidates.length === 0, RequestErrors.networkCandidatesWithoutExploring);
    return [{ type: 'RequestOpened', data: command.data }];
  }
  if (state.status === 'none') throw RequestErrors.notFound('(unopened)');
  if (command.type === 'RecordDisclosure') return disclosure(command, state);
  if (command.type === 'RecordIntroductionVisit') return introductionVisit(command, state);
  // The map documents the case: it may be completed after the request was filled or closed.
  if (command.type === 'RecordNetworkPerson') return networkPersonRecorded(state.networkMap, command.data, today).map((data) => ({ type: 'NetworkPersonRecorded', data }));
  if (command.type === 'RecordAssignmentEnded') {
    // Only the end of this request's own assignment counts, once; anything else is a stray fact.
    if (state.assignmentId !== command.data.assignmentId || state.assignmentEnded) return [];
    return [{ type: 'AssignmentEnded', data: { ...command.data, endedOn: isoDate(now) } }];
  }
  // Facts from partners may arrive after the request closed; they are recorded nowhere, not refused.
  if (state.status !== 'open') return lateFact(command, state);
  switch (command.type) {
    case 'ShareRequest': {
      const named = command.data.partners ?? command.data.activePartners;
      const strangers = named.filter((partner) => !command.data.activePartners.includes(partner));
      ensure(strangers.length === 0, () => RequestErrors.notPartners(strangers));
      ensure(named.length > 0, RequestErrors.noPartners);
      const partners = [...new Set(named)].filter((partner) => !state.sharedWith.includes(partner));
      return partners.length ? [{ type: 'RequestShared', data: { partners } }] : [];
    }
    case 'RecordOffer': {
      ensure(state.sharedWith.includes(command.data.partner), () => RequestErrors.notShared(command.data.partner));
      if (state.offers.some((offer) => offer.offerId === command.data.offerId)) return [];
      return [{ type: 'OfferReceived', data: command.data }];
    }
    case 'RecordNoMatch':
      ensure(state.sharedWith.includes(command.data.partner), () => RequestErrors.notShared(command.data.partner));
      return state.answeredBy.includes(command.data.partner) ? [] : [{ type: 'PartnerAnsweredNoMatch', data: command.data }];
    case 'ShortlistOffer':
      offerIn(state, command.data.offerId, ['received']);
      return [{ type: 'OfferShortlisted', data: command.data }];
    case 'DeclineOffer':
      offerIn(state, command.data.offerId, ['received', 'shortlisted']);
      return [{ type: 'OfferDeclined', data: command.data }];
    case 'AcceptOffer': {
      ensure(state.pendingAcceptance === undefined, () => RequestErrors.acceptancePending(state.pendingAcceptance!));
      const offer = offerIn(state, command.data.offerId, ['received', 'shortlisted']);
      return [{ type: 'AcceptanceRequested', data: { offerId: offer.offerId, partner: offer.partner, pseudonym: offer.pseudonym } }];
    }
    case 'PlaceOwnFamily':
      ensure(state.pendingAcceptance === undefined, () => RequestErrors.acceptancePending(state.pendingAcceptance!));
      return [{ type: 'OwnPlacementRequested', data: ownPlacement(command.data, state) }];
    case 'CancelAcceptance':
      offerIn(state, command.data.offerId, ['acceptance-requested']);
      return [{ type: 'AcceptanceCancelled', data: command.data }];
    case 'RecordAssignmentConfirmed': {
      const offer = offerIn(state, command.data.offerId, ['acceptance-requested']);
      const others = state.offers.filter((other) => other.offerId !== offer.offerId && ['received', 'shortlisted'].includes(other.status));
      return [
        { type: 'AssignmentConfirmed', data: { ...command.data, partner: offer.partner, pseudonym: offer.pseudonym, ...(offer.network && { network: true as const }) } },
        { type: 'RequestFilled', data: { offerId: offer.offerId } },
        ...others.map((other): RequestEvent => ({ type: 'OfferDeclined', data: { offerId: other.offerId, reason: 'The request was filled by another offer' } })),
      ];
    }
    case 'RecordOfferWithdrawn': {
      const offer = state.offers.find((candidate) => candidate.offerId === command.data.offerId);
      if (!offer || ['withdrawn', 'declined', 'confirmed'].includes(offer.status)) return [];
      return [{ type: 'OfferWithdrawn', data: command.data }];
    }
    case 'WithdrawRequest':
      return [{ type: 'RequestWithdrawn', data: command.data }];
    case 'ExpireRequest':
      ensure(state.startDate! < today, () => RequestErrors.notYetExpired(state.startDate!));
      return [{ type: 'RequestExpired', data: { responseDeadline: state.responseDeadline! } }];
    case 'StartTargetedRecruitment':
      ensure(!state.recruitmentStarted, RequestErrors.recruitmentAlreadyStarted);
      return [{ type: 'TargetedRecruitmentStarted', data: {} }];
    default:
      return assertNever(command);
  }
}

/** Under the rules of an acceptance: the family is one of the request's candidates, so it has a place in the whole period. */
function ownPlacement({ offerId, familyId, owner, candidate }: Extract<RequestCommand, { type: 'PlaceOwnFamily' }>['data'], state: RequestState): OwnPlacement {
  if (candidate.status === 'unknown') throw RequestErrors.ownFamilyNotFound(familyId);
  if (candidate.status === 'excluded') {
    const noPlace = candidate.exclusions.find((exclusion) => exclusion.filter === 'capacity');
    throw noPlace ? RequestErrors.noPlaceInPeriod(familyId, noPlace) : RequestErrors.notACandidate(familyId, candidate.exclusions);
  }
  const known = state.offers.find((offer) => offer.offerId === offerId);
  ensure(known === undefined, () => RequestErrors.offerNotAvailable(offerId, known!.status));
  const network = candidate.network === true ? { network: true as const } : {};
  return { offerId, familyId, owner, pseudonym: candidate.pseudonym, period: state.period!, children: state.children!, match: candidate.match, ...network };
}

function disclosure(command: Extract<RequestCommand, { type: 'RecordDisclosure' }>, state: RequestState): RequestEvent[] {
  // The owner sends the confirmation and the disclosure on two topics, so the disclosure may come
  // first: it is kept while our acceptance of that partner's offer awaits its confirmation, or for
  // the confirmed assignment; once per assignment. Which one is shown is the confirmed one's.
  const { assignmentId, sealed, partner } = command.data;
  const accepted = state.offers.find((offer) => offer.offerId === state.pendingAcceptance);
  const awaited = state.assignmentId === undefined ? accepted !== undefined && (partner === undefined || partner === accepted.partner) : state.assignmentId === assignmentId;
  if (!awaited || state.disclosedFor.includes(assignmentId)) return [];
  return [{ type: 'ContactDetailsReceived', data: { assignmentId, sealed } }];
}

/** Before the assignment starts, the families meet; a visit is planned, then held or cancelled (same visitId). */
function introductionVisit(command: Extract<RequestCommand, { type: 'RecordIntroductionVisit' }>, state: RequestState): RequestEvent[] {
  ensure(state.status === 'filled', () => RequestErrors.notFilled(state.status));
  const { on } = command.data;
  ensure(state.periodEnd === undefined || on <= state.periodEnd, () => RequestErrors.visitAfterPeriod(on, state.periodEnd!));
  const known = state.introductionVisits.find((visit) => visit.visitId === command.data.visitId);
  if (known && sameVisit(known, command.data)) return [];
  return [{ type: 'IntroductionVisitRecorded', data: command.data }];
}

const sameVisit = (a: IntroductionVisit, b: IntroductionVisit) => a.on === b.on && a.status === b.status && a.note === b.note;

function lateFact(command: RequestCommand, state: RequestState): RequestEvent[] {
  if (command.type === 'RecordOffer' || command.type === 'RecordNoMatch' || command.type === 'RecordOfferWithdrawn') return [];
  // A redelivered confirmation of the offer that filled the request changes nothing.
  if (command.type === 'RecordAssignmentConfirmed' && offerConfirmed(state, command.data.offerId)) return [];
  throw RequestErrors.notOpen(state.status);
}

function offerIn(state: RequestState, offerId: string, allowed: OfferState['status'][]): OfferState {
  const offer = state.offers.find((candidate) => candidate.offerId === offerId);
  ensure(offer !== undefined, () => RequestErrors.unknownOffer(offerId));
  ensure(allowed.includes(offer.status), () => RequestErrors.offerNotAvailable(offerId, offer.status));
  return offer;
}

const offerConfirmed = (state: RequestState, offerId: string) => state.offers.some((offer) => offer.offerId === offerId && offer.status === 'confirmed');
