import type { IsoDate, Message } from '@familybank/domain-core';
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
import type { FamilyProvisionallyApproved } from './network';
import type { CheckKind, FamilyStage } from './vocabulary';

export type FamilyRegistered = Message<'FamilyRegistered', RegistrationDetails & { registeredAt: string }>;
export type FirstContactMade = Message<'FirstContactMade', FirstContact & { summary?: string }>;
export type FamilyScreened = Message<'FamilyScreened', { on: IsoDate; notes?: string }>;
export type FamilyInterviewed = Message<'FamilyInterviewed', { on: IsoDate; interviewers: string[]; notes?: string }>;
export type BackgroundChecksRequested = Message<'BackgroundChecksRequested', { on: IsoDate; checks: Array<{ adultId: string; kind: CheckKind }> }>;
export type BackgroundCheckReceived = Message<'BackgroundCheckReceived', BackgroundCheckResult>;
export type BackgroundCheckRemarksAssessed = Message<'BackgroundCheckRemarksAssessed', RemarksAssessment>;
export type FamilyApproved = Message<'FamilyApproved', ApprovalTerms & { approvedOn: IsoDate }>;
export type FamilyRejected = Message<'FamilyRejected', Rejection & { atStage: FamilyStage }>;
export type AvailabilityDeclared = Message<'AvailabilityDeclared', AvailabilityTerms & { confirmedOn: IsoDate }>;
export type AvailabilityConfirmed = Message<'AvailabilityConfirmed', { confirmedOn: IsoDate }>;
export type AvailabilityWithdrawn = Message<'AvailabilityWithdrawn', { reason?: string }>;
export type FamilySuspended = Message<'FamilySuspended', { reason: string }>;
export type FamilyReinstated = Message<'FamilyReinstated', { note?: string }>;
export type ApprovalRenewed = Message<'ApprovalRenewed', ApprovalTerms & { renewedOn: IsoDate }>;
export type ApprovalExpired = Message<'ApprovalExpired', { validUntil: IsoDate; expiredOn: IsoDate }>;
export type FamilyRetired = Message<'FamilyRetired', { reason: string }>;
export type ConsentToShareGiven = Message<'ConsentToShareGiven', { on: IsoDate }>;
export type ConsentToShareWithdrawn = Message<'ConsentToShareWithdrawn', { on: IsoDate }>;
export type ProfileUpdated = Message<'ProfileUpdated', Partial<ProfileFields>>;
export type SupportRecorded = Message<'SupportRecorded', SupportRecord>;
export type FamilyReserved = Message<'FamilyReserved', Reservation>;
export type AssignmentEnded = Message<'AssignmentEnded', AssignmentEnding & { endedOn: IsoDate }>;
/** `previous`: the contact person it replaces, if any (a change, not a first assignment). */
export type ContactPersonAssigned = Message<'ContactPersonAssigned', { contactPerson: ContactPerson; since: IsoDate; previous?: ContactPerson }>;
/**
 * The family's personal data is to be forgotten (crypto-shredding: its key is destroyed). The
 * reason stays readable after the erasure, so it must not name the family; the actor is in the
 * metadata. `atStage`: the stage the family was in.
 */
export type FamilyErased = Message<'FamilyErased', { reason: string; erasedOn: IsoDate; atStage: FamilyStage }>;

export type FamilyEvent =
  | FamilyRegistered
  | FirstContactMade
  | FamilyScreened
  | FamilyInterviewed
  | BackgroundChecksRequested
  | BackgroundCheckReceived
  | BackgroundCheckRemarksAssessed
  | FamilyApproved
  | FamilyRejected
  | AvailabilityDeclared
  | AvailabilityConfirmed
  | AvailabilityWithdrawn
  | FamilySuspended
  | FamilyReinstated
  | ApprovalRenewed
  | ApprovalExpired
  | FamilyRetired
  | ConsentToShareGiven
  | ConsentToShareWithdrawn
  | ProfileUpdated
  | SupportRecorded
  | FamilyReserved
  | AssignmentEnded
  | ContactPersonAssigned
  | FamilyProvisionallyApproved
  | FamilyErased;

export type FamilyEventType = FamilyEvent['type'];

/** Bumped when an event's data changes shape; stored in each event's metadata. */
export const FAMILY_EVENT_SCHEMA_VERSION = 1;

export const familyStreamId = (familyId: string): string => `family-${familyId}`;
