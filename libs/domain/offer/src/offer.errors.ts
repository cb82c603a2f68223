import { DomainError } from '@familybank/domain-core';
import type { OfferPeriod, OfferStatus } from './offer.types';

export const OfferErrors = {
  requestNotInInbox: () => new DomainError('INBOX.REQUEST_NOT_FOUND', 'not-found', 'No such request in your inbox'),
  requestClosed: (reason: string) => new DomainError('INBOX.REQUEST_CLOSED', 'conflict', `The request is closed (${reason})`, { reason }),
  familyNotShareable: () =>
    new DomainError('OFFER.FAMILY_NOT_SHAREABLE', 'rule', 'Only an available family that consented to sharing and holds a valid approval can be offered'),
  notFound: () => new DomainError('OFFER.NOT_FOUND', 'not-found', 'The offer was never made'),
  alreadyMade: (offerId: string) => new DomainError('OFFER.ALREADY_MADE', 'conflict', `Offer ${offerId} is already made`, { offerId }),
  periodInverted: ({ from, to }: OfferPeriod) => new DomainError('OFFER.PERIOD_INVERTED', 'rule', `The period ends (${to}) before it starts (${from})`, { from, to }),
  invalidChildren: (children: number) =>
    new DomainError('OFFER.INVALID_CHILDREN', 'rule', `An offer is for a whole number of children, at least one (got ${children})`, { children }),
  notOpen: (status: OfferStatus) => new DomainError('OFFER.NOT_OPEN', 'conflict', `The offer is ${status}; it cannot be accepted`, { status }),
  noAcceptanceReceived: (status: OfferStatus) =>
    new DomainError('OFFER.NO_ACCEPTANCE_RECEIVED', 'conflict', `The offer is ${status}; an assignment is confirmed only after the requester’s acceptance`, { status }),
  alreadyConfirmed: (assignmentId: string) =>
    new DomainError('OFFER.ALREADY_CONFIRMED', 'conflict', `The offer is already confirmed as assignment ${assignmentId}`, { assignmentId }),
  notConfirmed: (status: OfferStatus) => new DomainError('OFFER.NOT_CONFIRMED', 'conflict', `The offer is ${status}; it has no assignment`, { status }),
  unknownAssignment: (assignmentId: string) =>
    new DomainError('OFFER.UNKNOWN_ASSIGNMENT', 'not-found', `The offer’s assignment is not ${assignmentId}`, { assignmentId }),
  assignmentEnded: (assignmentId: string) =>
    new DomainError('OFFER.ASSIGNMENT_ENDED', 'conflict', `Assignment ${assignmentId} has ended; the family’s contact details are no longer disclosed`, { assignmentId }),
  ownPlacementNotSealed: () =>
    new DomainError('OFFER.OWN_PLACEMENT', 'rule', 'An own placement discloses nothing: the family’s contact details are the municipality’s own already'),
  recipientKeyUnknown: (requester: string) =>
    new DomainError('OFFER.RECIPIENT_KEY_UNKNOWN', 'rule', `Municipality ${requester} has announced no encryption key; the contact details cannot be sealed to it`, { requester }),
} as const;
