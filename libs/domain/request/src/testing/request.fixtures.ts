import type { ChildNeeds, RequestCommand, RequestEvent } from '../request.types';

/** The requester's active partners, as the command handler loads them. */
export const ACTIVE = ['0265', '0101', '0751'];

/** Events that take a request to each stage; tests start from these. */
export const NOW = new Date('2026-03-10T09:00:00.000Z');
/** The child's start date in `needs`, and instants around it. */
export const START_DATE = '2026-04-01';
export const ON_START_DATE = new Date('2026-04-01T21:00:00.000Z');
export const AFTER_START_DATE = new Date('2026-04-02T08:00:00.000Z');

export const needs: ChildNeeds = {
  careType: 'respite',
  childAge: 9,
  siblings: 0,
  requiredCompetences: ['adhd'],
  wishedCompetences: ['trauma'],
  languages: ['da'],
  schedule: { patterns: ['weekends'], period: { from: '2026-04-01', to: '2026-09-30' } },
  region: 'DK-83',
  networkExplored: true,
  networkCandidates: [],
  startDate: START_DATE,
};

export const opening = { requestId: 'req-1', caseReference: 'VEJ-2026-0042', needs, responseDeadline: '2026-03-20' };

export const opened: RequestEvent[] = [{ type: 'RequestOpened', data: opening }];
/** Shared with Horsens (0265) and København (0101); Aarhus (0751) is never shared with. */
export const shared: RequestEvent[] = [...opened, { type: 'RequestShared', data: { partners: ['0265', '0101'] } }];

export const offer1 = { offerId: 'offer-1', partner: '0265', pseudonym: 'ps-horsens-a' };
export const offer2 = { offerId: 'offer-2', partner: '0101', pseudonym: 'ps-kbh-b' };
export const offer3 = { offerId: 'offer-3', partner: '0265', pseudonym: 'ps-horsens-c' };

export const received = (offer: typeof offer1): RequestEvent => ({ type: 'OfferReceived', data: offer });
export const acceptanceRequested = (offer: typeof offer1): RequestEvent => ({ type: 'AcceptanceRequested', data: offer });

/** Two offers received: offer-1 from 0265, offer-2 from 0101. */
export const withOffers: RequestEvent[] = [...shared, received(offer1), received(offer2)];
/** offer-1 accepted, waiting for 0265 to confirm. */
export const acceptancePending: RequestEvent[] = [...withOffers, acceptanceRequested(offer1)];

export const filled: RequestEvent[] = [
  ...acceptancePending,
  { type: 'AssignmentConfirmed', data: { ...offer1, assignmentId: 'asg-1' } },
  { type: 'RequestFilled', data: { offerId: 'offer-1' } },
  { type: 'OfferDeclined', data: { offerId: 'offer-2', reason: 'The request was filled by another offer' } },
];
export const withdrawn: RequestEvent[] = [...withOffers, { type: 'RequestWithdrawn', data: { reason: 'The family found a solution itself' } }];
export const expired: RequestEvent[] = [...withOffers, { type: 'RequestExpired', data: { responseDeadline: '2026-03-20' } }];

/** Vejle's own family as the request's candidates rank it. */
export const ownMatch = { score: 82, criteria: [{ criterion: 'region', points: 25, max: 25, explanation: 'Same region (DK-83)' }] };
export const ownCandidate = { status: 'candidate' as const, pseudonym: 'ps-vejle-a', match: ownMatch };

/** Commands a caseworker of the requesting municipality gives. */
export const caseworkerCommands: RequestCommand[] = [
  { type: 'ShareRequest', data: { partners: ['0751'], activePartners: ACTIVE } },
  { type: 'ShortlistOffer', data: { offerId: 'offer-2' } },
  { type: 'DeclineOffer', data: { offerId: 'offer-2', reason: 'Too far away' } },
  { type: 'AcceptOffer', data: { offerId: 'offer-2' } },
  { type: 'PlaceOwnFamily', data: { offerId: 'offer-own-1', familyId: 'fam-vejle-1', owner: '0630', candidate: ownCandidate } },
  { type: 'CancelAcceptance', data: { offerId: 'offer-1' } },
  { type: 'WithdrawRequest', data: { reason: 'No longer needed' } },
  { type: 'ExpireRequest', data: {} },
  { type: 'StartTargetedRecruitment', data: {} },
];

/** Facts partners report; they may arrive after the request closed. */
export const lateFacts: RequestCommand[] = [
  { type: 'RecordOffer', data: { offerId: 'offer-9', partner: '0101', pseudonym: 'ps-kbh-z' } },
  { type: 'RecordOffer', data: { offerId: 'offer-8', partner: '0751', pseudonym: 'ps-aarhus-y' } },
  { type: 'RecordNoMatch', data: { partner: '0265' } },
  { type: 'RecordOfferWithdrawn', data: { offerId: 'offer-2', reason: 'Capacity gone' } },
];

/** One valid-looking command of every type except OpenRequest. */
export const everyCommandButOpen: RequestCommand[] = [
  ...caseworkerCommands,
  ...lateFacts,
  { type: 'RecordAssignmentConfirmed', data: { offerId: 'offer-1', assignmentId: 'asg-1' } },
  { type: 'RecordIntroductionVisit', data: { visitId: 'visit-1', on: '2026-03-20', status: 'planned' } },
  { type: 'RecordNetworkPerson', data: { personId: 'p-1', name: 'Inge Mortensen', relation: 'grandparent', outcome: 'assessed', on: '2026-03-09' } },
];
