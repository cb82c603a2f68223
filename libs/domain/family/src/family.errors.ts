import { DomainError } from '@familybank/domain-core';
import type { FamilyStage } from './vocabulary';

/** Every way a family command can be refused; the codes are part of the API contract. */
export const FamilyErrors = {
  notFound: (familyId: string) => new DomainError('FAMILY.NOT_FOUND', 'not-found', `Family ${familyId} does not exist`, { familyId }),
  alreadyRegistered: (familyId: string) =>
    new DomainError('FAMILY.ALREADY_REGISTERED', 'conflict', `Family ${familyId} is already registered`, { familyId }),
  retired: () => new DomainError('FAMILY.RETIRED', 'conflict', 'The family is retired; nothing more can be recorded for it'),
  notInStage: (action: string, stage: FamilyStage, allowed: readonly FamilyStage[]) =>
    new DomainError('FAMILY.WRONG_STAGE', 'conflict', `Cannot ${action} a family in stage "${stage}"; allowed in: ${allowed.join(', ')}`, {
      stage,
      allowed,
    }),
  unknownAdult: (adultId: string) =>
    new DomainError('FAMILY.UNKNOWN_ADULT', 'rule', `Adult ${adultId} is not part of this household`, { adultId }),
  duplicateAdult: (adultId: string) => new DomainError('FAMILY.DUPLICATE_ADULT', 'rule', `Adult id ${adultId} is used twice`, { adultId }),
  referralWithoutReferrer: () =>
    new DomainError('FAMILY.REFERRAL_NEEDS_REFERRER', 'rule', 'A lead from a family referral names the referring family (referredByFamilyId)'),
  /** Another municipality's family is answered like a made-up id, so the answer tells nothing about it. */
  referrerNotFound: (referredByFamilyId: string) =>
    new DomainError('FAMILY.REFERRER_NOT_FOUND', 'rule', `The referring family ${referredByFamilyId} is not a family of this municipality`, { referredByFamilyId }),
  requestSourceMissing: () =>
    new DomainError('FAMILY.REQUEST_SOURCE_MISSING', 'rule', 'A lead from targeted recruitment names the request it was recruited for (recruitedForRequestId)'),
  /** The named request is not one of the caller's own (the request's own code, so clients see one answer for it). */
  recruitingRequestNotFound: (requestId: string) => new DomainError('REQUEST.NOT_FOUND', 'not-found', `No request ${requestId}`, { requestId }),
  recruitmentNotStarted: (requestId: string) =>
    new DomainError('REQUEST.RECRUITMENT_NOT_STARTED', 'rule', `Targeted recruitment has not started for request ${requestId}`, { requestId }),
  requestSourceUnexpected: () =>
    new DomainError('FAMILY.REQUEST_SOURCE_UNEXPECTED', 'rule', 'recruitedForRequestId is given only with sourceChannel child-request'),
  checkNotRequested: (adultId: string, kind: string) =>
    new DomainError('FAMILY.CHECK_NOT_REQUESTED', 'rule', `No ${kind} check was requested for adult ${adultId}`, { adultId, kind }),
  checkAlreadyReceived: (adultId: string, kind: string) =>
    new DomainError('FAMILY.CHECK_ALREADY_RECEIVED', 'conflict', `The ${kind} check of adult ${adultId} is already recorded`, { adultId, kind }),
  remarksNeedCategory: () =>
    new DomainError('FAMILY.REMARKS_NEED_CATEGORY', 'rule', 'A check with remarks names the remark category'),
  clearCheckHasNoCategory: () =>
    new DomainError('FAMILY.CLEAR_CHECK_HAS_NO_CATEGORY', 'rule', 'A clear check has no remark category'),
  noRemarksToAssess: (adultId: string, kind: string) =>
    new DomainError('FAMILY.NO_REMARKS_TO_ASSESS', 'rule', `The ${kind} check of adult ${adultId} has no remarks to assess`, { adultId, kind }),
  remarksAlwaysBlock: (adultId: string, category: string) =>
    new DomainError('FAMILY.REMARKS_ALWAYS_BLOCK', 'rule', `Remarks of category "${category}" always block approval`, { adultId, category }),
  checksMissing: (missing: Array<{ adultId: string; kind: string }>) =>
    new DomainError('FAMILY.CHECKS_MISSING', 'rule', 'Approval needs every adult’s background checks to be received', { missing }),
  checksNotClear: (blocking: Array<{ adultId: string; kind: string }>) =>
    new DomainError('FAMILY.CHECKS_NOT_CLEAR', 'rule', 'A background check has remarks that are not assessed as acceptable', { blocking }),
  validityInPast: (validUntil: string) =>
    new DomainError('FAMILY.APPROVAL_VALIDITY_IN_PAST', 'rule', `An approval valid until ${validUntil} would already have expired`, {
      validUntil,
    }),
  ageRangeInverted: () => new DomainError('FAMILY.AGE_RANGE_INVERTED', 'rule', 'The age range’s minimum is above its maximum'),
  notApproved: (stage: FamilyStage) =>
    new DomainError('FAMILY.NOT_APPROVED', 'rule', `The family holds no approval (stage "${stage}")`, { stage }),
  approvalNotValid: (validUntil: string) =>
    new DomainError('FAMILY.APPROVAL_NOT_VALID', 'rule', `The family’s approval ran out on ${validUntil}`, { validUntil }),
  approvalStillValid: (validUntil: string) =>
    new DomainError('FAMILY.APPROVAL_STILL_VALID', 'rule', `The approval is valid until ${validUntil}`, { validUntil }),
  capacityExceedsApproval: (capacity: number, approved: number) =>
    new DomainError('FAMILY.CAPACITY_EXCEEDS_APPROVAL', 'rule', `Capacity ${capacity} is above the approved ${approved}`, { capacity, approved }),
  capacityNotPositive: (capacity: number) =>
    new DomainError('FAMILY.CAPACITY_NOT_POSITIVE', 'rule', `Capacity must be at least 1, got ${capacity}`, { capacity }),
  noChecksRequested: () => new DomainError('FAMILY.NO_CHECKS_REQUESTED', 'rule', 'Name at least one adult and one kind of check'),
  careTypeNotApproved: (careTypes: string[]) =>
    new DomainError('FAMILY.CARE_TYPE_NOT_APPROVED', 'rule', `Not approved for: ${careTypes.join(', ')}`, { careTypes }),
  periodInverted: (from: string, to: string) =>
    new DomainError('FAMILY.PERIOD_INVERTED', 'rule', `The period ${from}–${to} ends before it starts`, { from, to }),
  availabilityWithoutTime: () =>
    new DomainError('FAMILY.AVAILABILITY_WITHOUT_TIME', 'rule', 'Availability names at least one period or pattern'),
  consentAlreadyGiven: () => new DomainError('FAMILY.CONSENT_ALREADY_GIVEN', 'conflict', 'The family has already consented to sharing'),
  consentNotGiven: () => new DomainError('FAMILY.CONSENT_NOT_GIVEN', 'conflict', 'The family has not consented to sharing'),
  noPlaceInPeriod: (free: number, needed: number) =>
    new DomainError('FAMILY.NO_PLACE_IN_PERIOD', 'conflict', `The family has ${free} free place(s) in that period; ${needed} needed`, { free, needed }),
  unknownAssignment: (assignmentId: string) =>
    new DomainError('FAMILY.UNKNOWN_ASSIGNMENT', 'not-found', `The family holds no assignment ${assignmentId}`, { assignmentId }),
  erased: () => new DomainError('FAMILY.ERASED', 'conflict', 'The family’s personal data was erased; nothing more can be recorded for it'),
  /** A child lives with the family: its caseworkers (maybe a partner's) still need to know who the family is. */
  erasureBlockedByAssignment: (assignmentIds: string[]) =>
    new DomainError('FAMILY.ERASURE_BLOCKED_BY_ASSIGNMENT', 'conflict', `The family holds assignment(s) ${assignmentIds.join(', ')}; end them before erasing it`, { assignmentIds }),
  erasureWithoutReason: () => new DomainError('FAMILY.ERASURE_NEEDS_REASON', 'rule', 'An erasure records why the family’s data is erased'),
  emptyProfileUpdate: () => new DomainError('FAMILY.EMPTY_PROFILE_UPDATE', 'rule', 'A profile update changes at least one field'),
} as const;
