import { assertNever, ensure, isoDate, type DecisionContext } from '@familybank/domain-core';
import type { FamilyCommand, RecruitingRequest, ReferringFamily } from './family.commands';
import { FamilyErrors } from './family.errors';
import type { FamilyEvent } from './family.events';
import { checkKey, type FamilyState, type RegisteredFamily } from './family.state';
import type { ApprovalTerms, AvailabilityTerms, BackgroundCheckResult, ContactPerson, RegistrationDetails } from './family.types';
import { ensureChecksAllowApproval, ensureUniqueAdults, inStage } from './family.rules';
import { approvalStagesOf, checkStagesOf, ensureNotProvisional, ensureReservableFor, ensureShareable, networkFamilyRegistered, provisionallyApproved } from './network';
import { ALWAYS_BLOCKING_REMARKS, APPROVED_STAGES, CHECK_KINDS, RECRUITMENT_STAGES } from './vocabulary';

export function decideFamily(command: FamilyCommand, state: FamilyState, context: DecisionContext): FamilyEvent[] {
  if (command.type === 'RegisterFamily') {
    ensure(state.status === 'unregistered', () => FamilyErrors.alreadyRegistered(command.data.familyId));
    const { recruitingRequest, referringFamily, ...details } = command.data;
    return [{ type: 'FamilyRegistered', data: { ...validRegistration(details, recruitingRequest, referringFamily), registeredAt: context.now.toISOString() } }];
  }
  if (command.type === 'RegisterNetworkFamily') {
    ensure(state.status === 'unregistered', () => FamilyErrors.alreadyRegistered(command.data.familyId));
    return networkFamilyRegistered(command.data, context.now);
  }
  if (state.status === 'unregistered') throw FamilyErrors.notFound('(unregistered)');
  ensure(state.erased !== true, FamilyErrors.erased);
  // A retired family can still be erased (retention): that is the one thing left to decide for it.
  if (command.type === 'EraseFamily') return familyErased(state, command.data.reason, context.now);
  ensure(state.status !== 'retired', FamilyErrors.retired);
  return decideForRegistered(command, state, context);
}

function decideForRegistered(command: Exclude<FamilyCommand, { type: 'RegisterFamily' | 'RegisterNetworkFamily' | 'EraseFamily' }>, family: RegisteredFamily, { now }: DecisionContext): FamilyEvent[] {
  const today = isoDate(now);
  switch (command.type) {
    case 'RecordFirstContact':
      inStage(family, 'record first contact with', ['lead']);
      return [{ type: 'FirstContactMade', data: command.data }];
    case 'RecordScreening':
      inStage(family, 'record screening of', ['contacted']);
      return [{ type: 'FamilyScreened', data: command.data }];
    case 'RecordInterview':
      inStage(family, 'record an interview with', ['screened']);
      return [{ type: 'FamilyInterviewed', data: command.data }];
    case 'RequestBackgroundChecks': {
      inStage(family, 'request background checks for', checkStagesOf(family));
      const adultIds = command.data.adultIds ?? family.adults.map((adult) => adult.adultId);
      adultIds.forEach((adultId) => ensure(isAdult(family, adultId), () => FamilyErrors.unknownAdult(adultId)));
      const kinds = command.data.kinds ?? [...CHECK_KINDS];
      const checks = adultIds.flatMap((adultId) => kinds.map((kind) => ({ adultId, kind })));
      ensure(checks.length > 0, FamilyErrors.noChecksRequested);
      return [{ type: 'BackgroundChecksRequested', data: { on: command.data.on, checks } }];
    }
    case 'RecordBackgroundCheckResult':
      inStage(family, 'record a background check result for', ['background-checks']);
      return [{ type: 'BackgroundCheckReceived', data: validCheckResult(family, command.data) }];
    case 'AssessBackgroundCheckRemarks': {
      inStage(family, 'assess background check remarks of', ['background-checks']);
      const { adultId, kind, acceptable } = command.data;
      const result = family.checks.find((check) => check.adultId === adultId && check.kind === kind)?.result;
      ensure(result?.outcome === 'remarks', () => FamilyErrors.noRemarksToAssess(adultId, kind));
      const category = result.remarkCategory ?? 'other';
      ensure(!acceptable || !ALWAYS_BLOCKING_REMARKS.includes(category), () => FamilyErrors.remarksAlwaysBlock(adultId, category));
      return [{ type: 'BackgroundCheckRemarksAssessed', data: command.data }];
    }
    case 'ApproveFamily':
      inStage(family, 'approve', approvalStagesOf(family));
      ensureChecksAllowApproval(family);
      // A network family fully approved while available keeps its availability: it must still fit.
      if (family.availability) validAvailability(family.availability, command.data);
      return [{ type: 'FamilyApproved', data: { ...validApproval(command.data, today), approvedOn: today } }];
    case 'RejectFamily':
      inStage(family, 'reject', RECRUITMENT_STAGES);
      return [{ type: 'FamilyRejected', data: { ...command.data, atStage: family.status } }];
    case 'DeclareAvailability': {
      const approval = validApprovalOf(family, today);
      inStage(family, 'declare availability of', ['approved', 'available']);
      const terms = { ...command.data, careTypes: command.data.careTypes ?? approval.careTypes };
      return [{ type: 'AvailabilityDeclared', data: { ...validAvailability(terms, approval), confirmedOn: today } }];
    }
    case 'ConfirmAvailability':
      inStage(family, 'confirm the availability of', ['available']);
      validApprovalOf(family, today);
      return [{ type: 'AvailabilityConfirmed', data: { confirmedOn: today } }];
    case 'WithdrawAvailability':
      inStage(family, 'withdraw availability of', ['available']);
      return [{ type: 'AvailabilityWithdrawn', data: command.data }];
    case 'SuspendFamily':
      inStage(family, 'suspend', ['approved', 'available']);
      return [{ type: 'FamilySuspended', data: command.data }];
    case 'ReinstateFamily':
      inStage(family, 'reinstate', ['suspended']);
      validApprovalOf(family, today);
      return [{ type: 'FamilyReinstated', data: command.data }];
    case 'RenewApproval':
      inStage(family, 'renew the approval of', [...APPROVED_STAGES, 'approval-expired']);
      ensureNotProvisional(family);
      if (family.availability) validAvailability(family.availability, command.data);
      return [{ type: 'ApprovalRenewed', data: { ...validApproval(command.data, today), renewedOn: today } }];
    case 'ExpireApproval': {
      inStage(family, 'expire the approval of', APPROVED_STAGES);
      const validUntil = family.approval?.validUntil ?? today;
      ensure(validUntil < today, () => FamilyErrors.approvalStillValid(validUntil));
      return [{ type: 'ApprovalExpired', data: { validUntil, expiredOn: today } }];
    }
    case 'RetireFamily':
      return [{ type: 'FamilyRetired', data: command.data }];
    case 'GiveConsentToShare':
      ensureShareable(family);
      ensure(!family.consentToShare, FamilyErrors.consentAlreadyGiven);
      return [{ type: 'ConsentToShareGiven', data: command.data }];
    case 'WithdrawConsentToShare':
      ensure(family.consentToShare, FamilyErrors.consentNotGiven);
      return [{ type: 'ConsentToShareWithdrawn', data: command.data }];
    case 'UpdateProfile':
      ensure(Object.values(command.data).some((value) => value !== undefined), FamilyErrors.emptyProfileUpdate);
      return [{ type: 'ProfileUpdated', data: command.data }];
    case 'ReserveFamily': {
      if (family.reservations.some((reservation) => reservation.assignmentId === command.data.assignmentId)) return [];
      inStage(family, 'reserve', ['available']);
      ensureReservableFor(family, command.data.requester.requestId);
      const { period, children } = command.data;
      ensure(period.from <= period.to, () => FamilyErrors.periodInverted(period.from, period.to));
      const free = freePlacesIn(family, period);
      ensure(free >= children, () => FamilyErrors.noPlaceInPeriod(free, children));
      return [{ type: 'FamilyReserved', data: command.data }];
    }
    case 'EndAssignment':
      ensure(family.reservations.some((reservation) => reservation.assignmentId === command.data.assignmentId), () => FamilyErrors.unknownAssignment(command.data.assignmentId));
      return [{ type: 'AssignmentEnded', data: { ...command.data, endedOn: today } }];
    case 'ApproveProvisionally':
      return provisionallyApproved(family, command.data, today);
    case 'RecordSupport':
      ensure(family.approval !== null, () => FamilyErrors.notApproved(family.status));
      return [{ type: 'SupportRecorded', data: command.data }];
    case 'AssignContactPerson':
      return contactPersonAssigned(family, command.data, today);
    default:
      return assertNever(command);
  }
}

/**
 * Erasure in any stage, but not while a child is placed with the family: the placing caseworkers
 * (perhaps a partner's, who received its contact details) still need to know who it is. Ending
 * the assignment first also records why the placement ended.
 */
function familyErased(family: RegisteredFamily, reason: string, now: Date): FamilyEvent[] {
  ensure(reason.trim() !== '', FamilyErrors.erasureWithoutReason);
  const held = family.reservations.map((reservation) => reservation.assignmentId);
  ensure(held.length === 0, () => FamilyErrors.erasureBlockedByAssignment(held));
  return [{ type: 'FamilyErased', data: { reason, erasedOn: isoDate(now), atStage: family.status } }];
}

/** Support after approval: only a family that holds an approval gets a contact person; the same person again changes nothing. */
function contactPersonAssigned(family: RegisteredFamily, contactPerson: ContactPerson, today: string): FamilyEvent[] {
  inStage(family, 'assign a contact person to', APPROVED_STAGES);
  const previous = family.contactPerson;
  if (previous?.userId === contactPerson.userId && previous.name === contactPerson.name) return [];
  return [{ type: 'ContactPersonAssigned', data: { contactPerson, since: today, ...(previous && { previous }) } }];
}

/** Declared capacity minus the children of reservations overlapping the period: never below zero. */
export function freePlacesIn(family: RegisteredFamily, period: { from: string; to: string }): number {
  const capacity = family.availability?.capacity ?? 0;
  const taken = family.reservations
    .filter((reservation) => reservation.period.from <= period.to && period.from <= reservation.period.to)
    .reduce((sum, reservation) => sum + reservation.children, 0);
  return Math.max(0, capacity - taken);
}

const isAdult = (family: RegisteredFamily, adultId: string) => family.adults.some((adult) => adult.adultId === adultId);

function validRegistration(details: RegistrationDetails, recruitingRequest: RecruitingRequest = 'unknown', referringFamily: ReferringFamily = 'unknown'): RegistrationDetails {
  ensureUniqueAdults(details.adults);
  ensure(details.sourceChannel !== 'family-referral' || !!details.referredByFamilyId, FamilyErrors.referralWithoutReferrer);
  ensure(details.sourceChannel !== 'child-request' || !!details.recruitedForRequestId, FamilyErrors.requestSourceMissing);
  ensure(details.sourceChannel === 'child-request' || details.recruitedForRequestId === undefined, FamilyErrors.requestSourceUnexpected);
  if (details.recruitedForRequestId !== undefined) {
    const requestId = details.recruitedForRequestId;
    ensure(recruitingRequest !== 'unknown', () => FamilyErrors.recruitingRequestNotFound(requestId));
    ensure(recruitingRequest === 'started', () => FamilyErrors.recruitmentNotStarted(requestId));
  }
  // A referral names a family we know: a made-up id, or another municipality's family, is refused.
  const referrer = details.referredByFamilyId;
  if (referrer !== undefined) ensure(referringFamily === 'registered', () => FamilyErrors.referrerNotFound(referrer));
  return details;
}

function validCheckResult(family: RegisteredFamily, result: BackgroundCheckResult): BackgroundCheckResult {
  const { adultId, kind, outcome, remarkCategory } = result;
  ensure(isAdult(family, adultId), () => FamilyErrors.unknownAdult(adultId));
  const check = family.checks.find((candidate) => checkKey(candidate.adultId, candidate.kind) === checkKey(adultId, kind));
  ensure(check !== undefined, () => FamilyErrors.checkNotRequested(adultId, kind));
  ensure(check.result === undefined, () => FamilyErrors.checkAlreadyReceived(adultId, kind));
  ensure(outcome === 'clear' || remarkCategory !== undefined, FamilyErrors.remarksNeedCategory);
  ensure(outcome === 'remarks' || remarkCategory === undefined, FamilyErrors.clearCheckHasNoCategory);
  return result;
}

function validApproval(terms: ApprovalTerms, today: string): ApprovalTerms {
  ensure(terms.capacity >= 1, () => FamilyErrors.capacityNotPositive(terms.capacity));
  ensure(terms.ageRange.min <= terms.ageRange.max, FamilyErrors.ageRangeInverted);
  ensure(terms.validUntil >= today, () => FamilyErrors.validityInPast(terms.validUntil));
  return terms;
}

function validApprovalOf(family: RegisteredFamily, today: string): ApprovalTerms {
  const approval = family.approval;
  ensure(approval !== null && APPROVED_STAGES.includes(family.status), () => FamilyErrors.notApproved(family.status));
  ensure(approval.validUntil >= today, () => FamilyErrors.approvalNotValid(approval.validUntil));
  return approval;
}

/** Also guards renewals: an approval may not shrink below the availability already declared. */
function validAvailability(terms: AvailabilityTerms, approval: ApprovalTerms): AvailabilityTerms {
  ensure(terms.capacity >= 1, () => FamilyErrors.capacityNotPositive(terms.capacity));
  ensure(terms.capacity <= approval.capacity, () => FamilyErrors.capacityExceedsApproval(terms.capacity, approval.capacity));
  const notApproved = terms.careTypes.filter((careType) => !approval.careTypes.includes(careType));
  ensure(notApproved.length === 0, () => FamilyErrors.careTypeNotApproved(notApproved));
  ensure(terms.periods.length > 0 || terms.patterns.length > 0, FamilyErrors.availabilityWithoutTime);
  for (const { from, to } of terms.periods) ensure(from <= to, () => FamilyErrors.periodInverted(from, to));
  return terms;
}
