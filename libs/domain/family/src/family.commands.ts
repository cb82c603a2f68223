import type { Message } from '@familybank/domain-core';
import type { IsoDate } from '@familybank/domain-core';
import type {
  ApprovalTerms,
  AvailabilityTerms,
  BackgroundCheckResult,
  FirstContact,
  ProfileFields,
  AssignmentEnding,
  ContactPerson,
  RegistrationDetails,
  Rejection,
  Reservation,
  RemarksAssessment,
  SupportRecord,
} from './family.types';
import type { ApproveProvisionally, RegisterNetworkFamily } from './network';
import type { CheckKind } from './vocabulary';

/** Where targeted recruitment stands on the named request: a look-up the handler loads, so the rule lives here. */
export type RecruitingRequest = 'unknown' | 'not-started' | 'started';
/** Whether the family named by `referredByFamilyId` is registered in the caller's own municipality: a look-up the handler loads. */
export type ReferringFamily = 'unknown' | 'registered';
/**
 * `recruitingRequest`: with `recruitedForRequestId`, the state of that request of the caller's own;
 * `referringFamily`: with `referredByFamilyId`, whether that family is one of the caller's own. Never stored.
 */
export type RegisterFamily = Message<'RegisterFamily', RegistrationDetails & { recruitingRequest?: RecruitingRequest; referringFamily?: ReferringFamily }>;
export type RecordFirstContact = Message<'RecordFirstContact', FirstContact & { summary?: string }>;
export type RecordScreening = Message<'RecordScreening', { on: IsoDate; notes?: string }>;
export type RecordInterview = Message<'RecordInterview', { on: IsoDate; interviewers: string[]; notes?: string }>;
/** Without adultIds, checks are requested for every adult of the household; without kinds, both kinds. */
export type RequestBackgroundChecks = Message<'RequestBackgroundChecks', { on: IsoDate; adultIds?: string[]; kinds?: CheckKind[] }>;
export type RecordBackgroundCheckResult = Message<'RecordBackgroundCheckResult', BackgroundCheckResult>;
export type AssessBackgroundCheckRemarks = Message<'AssessBackgroundCheckRemarks', RemarksAssessment>;
export type ApproveFamily = Message<'ApproveFamily', ApprovalTerms>;
export type RejectFamily = Message<'RejectFamily', Rejection>;
/** Without careTypes, the family is available for every care type it is approved for. */
export type DeclareAvailability = Message<'DeclareAvailability', Omit<AvailabilityTerms, 'careTypes'> & { careTypes?: AvailabilityTerms['careTypes'] }>;
/** The family still stands by its availability as declared: only the date it was last confirmed moves. */
export type ConfirmAvailability = Message<'ConfirmAvailability', Record<string, never>>;
export type WithdrawAvailability = Message<'WithdrawAvailability', { reason?: string }>;
export type SuspendFamily = Message<'SuspendFamily', { reason: string }>;
export type ReinstateFamily = Message<'ReinstateFamily', { note?: string }>;
export type RenewApproval = Message<'RenewApproval', ApprovalTerms>;
export type ExpireApproval = Message<'ExpireApproval', Record<string, never>>;
export type RetireFamily = Message<'RetireFamily', { reason: string }>;
export type GiveConsentToShare = Message<'GiveConsentToShare', { on: IsoDate }>;
export type WithdrawConsentToShare = Message<'WithdrawConsentToShare', { on: IsoDate }>;
export type UpdateProfile = Message<'UpdateProfile', Partial<ProfileFields>>;
export type RecordSupport = Message<'RecordSupport', SupportRecord>;
/** The owner reserves its family for a confirmed request; refused when the period has no free place. */
export type ReserveFamily = Message<'ReserveFamily', Reservation>;
export type EndAssignment = Message<'EndAssignment', AssignmentEnding>;
/** Assigns the family's contact person, or changes it to another; the acting user is in the event's metadata. */
export type AssignContactPerson = Message<'AssignContactPerson', ContactPerson>;
/** Forget the family's personal data (an approver's decision, or retention after rejection or retirement). */
export type EraseFamily = Message<'EraseFamily', { reason: string }>;

export type FamilyCommand =
  | RegisterFamily
  | RecordFirstContact
  | RecordScreening
  | RecordInterview
  | RequestBackgroundChecks
  | RecordBackgroundCheckResult
  | AssessBackgroundCheckRemarks
  | ApproveFamily
  | RejectFamily
  | DeclareAvailability
  | ConfirmAvailability
  | WithdrawAvailability
  | SuspendFamily
  | ReinstateFamily
  | RenewApproval
  | ExpireApproval
  | RetireFamily
  | GiveConsentToShare
  | WithdrawConsentToShare
  | UpdateProfile
  | RecordSupport
  | ReserveFamily
  | EndAssignment
  | AssignContactPerson
  | RegisterNetworkFamily
  | ApproveProvisionally
  | EraseFamily;
