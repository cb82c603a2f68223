import { DomainError } from '@familybank/domain-core';

/** Refusals of the network-family rules; the codes are part of the API contract. */
export const NetworkFamilyErrors = {
  /** The request the person is registered for is not one of the caller's own (the request's own code). */
  requestNotFound: (requestId: string) => new DomainError('REQUEST.NOT_FOUND', 'not-found', `No request ${requestId}`, { requestId }),
  requestNotOpen: (requestId: string, status: string) =>
    new DomainError('REQUEST.NOT_OPEN', 'conflict', `Request ${requestId} is ${status}: a network family is registered for an open request`, { requestId, status }),
  notNetworkFamily: () =>
    new DomainError('FAMILY.NOT_A_NETWORK_FAMILY', 'rule', 'Only a family registered from a child’s network gets a provisional approval'),
  deadlineNotAhead: (deadline: string, today: string) =>
    new DomainError('FAMILY.PROVISIONAL_DEADLINE_NOT_AHEAD', 'rule', `The full assessment’s deadline ${deadline} is not after today (${today})`, { deadline, today }),
  deadlineTooLate: (deadline: string, latest: string) =>
    new DomainError('FAMILY.PROVISIONAL_DEADLINE_TOO_LATE', 'rule', `A provisional approval lasts until ${latest} at the latest, not ${deadline}`, { deadline, latest }),
  provisionalNotRenewed: (deadline: string) =>
    new DomainError('FAMILY.APPROVAL_PROVISIONAL', 'conflict', `The approval is provisional until ${deadline}: approve the family fully instead of renewing`, { deadline }),
  neverShared: () =>
    new DomainError('FAMILY.NETWORK_FAMILY_NOT_SHARED', 'rule', 'A network family is never shared with partners: it is for its one child only'),
  otherRequest: (requestId: string, networkRequestId: string) =>
    new DomainError('FAMILY.NETWORK_FAMILY_OTHER_REQUEST', 'rule', `A network family is placed only for request ${networkRequestId}, not ${requestId}`, {
      requestId,
      networkRequestId,
    }),
} as const;
