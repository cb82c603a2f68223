import { DomainError } from '@familybank/domain-core';
import type { OfferStatus, ReasonCode, RequestStatus } from './request.types';

export const RequestErrors = {
  notFound: (requestId: string) => new DomainError('REQUEST.NOT_FOUND', 'not-found', `Request ${requestId} does not exist`, { requestId }),
  alreadyOpened: () => new DomainError('REQUEST.ALREADY_OPENED', 'conflict', 'The request is already opened'),
  notOpen: (status: RequestStatus) => new DomainError('REQUEST.NOT_OPEN', 'conflict', `The request is ${status}`, { status }),
  deadlineInPast: (deadline: string) => new DomainError('REQUEST.DEADLINE_IN_PAST', 'rule', `The response deadline ${deadline} has passed`, { deadline }),
  periodInverted: () => new DomainError('REQUEST.PERIOD_INVERTED', 'rule', 'The period ends before it starts'),
  networkCandidatesWithoutExploring: () =>
    new DomainError('REQUEST.NETWORK_NOT_EXPLORED', 'rule', 'Network candidates are named only after the child’s network was explored'),
  notPartners: (strangers: string[]) =>
    new DomainError('REQUEST.NOT_A_PARTNER', 'rule', `Only active partners can receive a request; not partners: ${strangers.join(', ')}`, { strangers }),
  noPartners: () => new DomainError('REQUEST.NO_PARTNERS', 'rule', 'Share the request with at least one active partner'),
  unknownOffer: (offerId: string) => new DomainError('REQUEST.UNKNOWN_OFFER', 'not-found', `No offer ${offerId} on this request`, { offerId }),
  offerNotAvailable: (offerId: string, status: OfferStatus) =>
    new DomainError('REQUEST.OFFER_NOT_AVAILABLE', 'conflict', `Offer ${offerId} is ${status}`, { offerId, status }),
  acceptancePending: (offerId: string) =>
    new DomainError('REQUEST.ACCEPTANCE_PENDING', 'conflict', `An acceptance of offer ${offerId} is waiting for the owner’s confirmation; cancel it first`, { offerId }),
  notShared: (partner: string) => new DomainError('REQUEST.NOT_SHARED_WITH', 'rule', `The request was not shared with ${partner}`, { partner }),
  notYetExpired: (startDate: string) => new DomainError('REQUEST.NOT_YET_EXPIRED', 'rule', `The request starts ${startDate}; it can expire only after that`, { startDate }),
  recruitmentNotStarted: (requestId: string) =>
    new DomainError('REQUEST.RECRUITMENT_NOT_STARTED', 'rule', `Targeted recruitment has not started for request ${requestId}`, { requestId }),
  notFilled: (status: RequestStatus) =>
    new DomainError('REQUEST.NOT_FILLED', 'conflict', `Introduction visits are recorded once the request is filled; it is ${status}`, { status }),
  visitAfterPeriod: (on: string, periodEnd: string) =>
    new DomainError('REQUEST.VISIT_AFTER_PERIOD', 'rule', `A visit on ${on} is after the assignment ends (${periodEnd})`, { on, periodEnd }),
  ownFamilyNotFound: (familyId: string) =>
    new DomainError('FAMILY.NOT_FOUND', 'not-found', `No available family ${familyId} of yours that may be placed`, { familyId }),
  /** The family's code for the same cause, so a client sees one code whether the request or the family refused. */
  noPlaceInPeriod: (familyId: string, exclusion: { explanation: string; reason?: ReasonCode }) =>
    new DomainError('FAMILY.NO_PLACE_IN_PERIOD', 'conflict', `Family ${familyId} has no free place in the request’s period: ${exclusion.explanation}`, {
      familyId,
      explanation: exclusion.explanation,
      ...(exclusion.reason && { reason: exclusion.reason }),
    }),
  notACandidate: (familyId: string, exclusions: Array<{ filter: string; explanation: string; reason?: ReasonCode }>) =>
    new DomainError('REQUEST.NOT_A_CANDIDATE', 'rule', `Family ${familyId} does not fit the request: ${exclusions.map((e) => e.explanation).join('; ')}`, { familyId, exclusions }),
  networkDateInFuture: (on: string, today: string) =>
    new DomainError('REQUEST.NETWORK_DATE_IN_FUTURE', 'rule', `A network contact on ${on} is after today (${today})`, { on, today }),
  networkReasonRequired: (outcome: string) =>
    new DomainError('REQUEST.NETWORK_REASON_REQUIRED', 'rule', `The outcome "${outcome}" needs a reason`, { outcome }),
  networkFamilyRequired: () =>
    new DomainError('REQUEST.NETWORK_FAMILY_REQUIRED', 'rule', 'A person registered as a network family names the family (familyId)'),
  networkFamilyUnexpected: () =>
    new DomainError('REQUEST.NETWORK_FAMILY_UNEXPECTED', 'rule', 'A familyId is named only with the outcome registered-as-network-family'),
  networkPersonRegistered: (personId: string, familyId: string) =>
    new DomainError('REQUEST.NETWORK_PERSON_REGISTERED', 'conflict', `Person ${personId} is registered as network family ${familyId}; that outcome stays`, { personId, familyId }),
  networkMapFull: (max: number) => new DomainError('REQUEST.NETWORK_MAP_FULL', 'rule', `A network map holds at most ${max} persons`, { max }),
  recruitmentAlreadyStarted: () => new DomainError('REQUEST.RECRUITMENT_ALREADY_STARTED', 'conflict', 'Targeted recruitment for this request has already started'),
} as const;
