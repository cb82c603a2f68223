import { assertNever } from '@familybank/domain-core';
import { withNetworkPerson } from './network-map';
import type { IntroductionVisit, OfferState, RequestEvent, RequestState } from './request.types';

export const initialRequestState = (): RequestState => ({ status: 'none', sharedWith: [], answeredBy: [], offers: [], recruitmentStarted: false, disclosedFor: [], introductionVisits: [], networkMap: [] });

export function evolveRequest(state: RequestState, event: RequestEvent): RequestState {
  switch (event.type) {
    case 'RequestOpened':
      return {
        ...state,
        status: 'open',
        requestId: event.data.requestId,
        responseDeadline: event.data.responseDeadline,
        startDate: event.data.needs.startDate,
        periodEnd: event.data.needs.schedule.period.to,
        period: event.data.needs.schedule.period,
        children: 1 + event.data.needs.siblings,
      };
    case 'RequestShared':
      return { ...state, sharedWith: [...state.sharedWith, ...event.data.partners] };
    case 'OfferReceived':
      return { ...state, offers: [...state.offers, { ...event.data, status: 'received' }], answeredBy: answered(state, event.data.partner) };
    case 'PartnerAnsweredNoMatch':
      return { ...state, answeredBy: answered(state, event.data.partner) };
    case 'OfferShortlisted':
      return withOffer(state, event.data.offerId, 'shortlisted');
    case 'OfferDeclined':
      return withOffer(state, event.data.offerId, 'declined');
    case 'AcceptanceRequested':
      return { ...withOffer(state, event.data.offerId, 'acceptance-requested'), pendingAcceptance: event.data.offerId };
    case 'OwnPlacementRequested': {
      const { offerId, owner, pseudonym, familyId, network } = event.data;
      const offer: OfferState = { offerId, partner: owner, pseudonym, familyId, status: 'acceptance-requested', ...(network && { network }) };
      return { ...state, offers: [...state.offers, offer], pendingAcceptance: offerId };
    }
    case 'AcceptanceCancelled':
      // The owner may already have reserved the family: a cancelled acceptance declines that offer.
      return { ...withOffer(state, event.data.offerId, 'declined'), pendingAcceptance: undefined };
    case 'AssignmentConfirmed':
      return { ...withOffer(state, event.data.offerId, 'confirmed'), pendingAcceptance: undefined, assignmentId: event.data.assignmentId };
    case 'RequestFilled':
      return { ...state, status: 'filled' };
    case 'OfferWithdrawn': {
      const pending = state.pendingAcceptance === event.data.offerId ? undefined : state.pendingAcceptance;
      return { ...withOffer(state, event.data.offerId, 'withdrawn'), pendingAcceptance: pending };
    }
    case 'RequestWithdrawn':
      return { ...state, status: 'withdrawn' };
    case 'RequestExpired':
      return { ...state, status: 'expired' };
    case 'TargetedRecruitmentStarted':
      return { ...state, recruitmentStarted: true };
    case 'AssignmentEnded':
      return { ...state, assignmentEnded: true };
    case 'ContactDetailsReceived':
      return { ...state, disclosedFor: [...state.disclosedFor, event.data.assignmentId] };
    case 'IntroductionVisitRecorded':
      return { ...state, introductionVisits: withVisit(state.introductionVisits, event.data) };
    case 'NetworkPersonRecorded':
      return { ...state, networkMap: withNetworkPerson(state.networkMap, event.data) };
    default:
      return assertNever(event);
  }
}

const answered = (state: RequestState, partner: string) => (state.answeredBy.includes(partner) ? state.answeredBy : [...state.answeredBy, partner]);

/** Replaces the visit with the same id in place, or appends a new one. */
export function withVisit(visits: IntroductionVisit[], visit: IntroductionVisit): IntroductionVisit[] {
  return visits.some((known) => known.visitId === visit.visitId) ? visits.map((known) => (known.visitId === visit.visitId ? visit : known)) : [...visits, visit];
}

function withOffer(state: RequestState, offerId: string, status: OfferState['status']): RequestState {
  return { ...state, offers: state.offers.map((offer) => (offer.offerId === offerId ? { ...offer, status } : offer)) };
}
