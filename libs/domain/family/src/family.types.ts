import type { IsoDate } from '@familybank/domain-core';
import type {
  ApprovingAuthority,
  AvailabilityPattern,
  CareType,
  CheckKind,
  CheckOutcome,
  Competence,
  ContactChannel,
  NetworkRelation,
  RejectionReason,
  RemarkCategory,
  SourceChannel,
  SupportKind,
} from './vocabulary';

export interface Adult {
  adultId: string;
  fullName: string;
  birthYear?: number;
}

export interface ContactDetails {
  street: string;
  postalCode: string;
  city: string;
  phone: string;
  email: string;
}

export interface AgeRange {
  min: number;
  max: number;
}

export interface ApprovalTerms {
  careTypes: CareType[];
  capacity: number;
  ageRange: AgeRange;
  validUntil: IsoDate;
  conditions: string[];
  authority: ApprovingAuthority;
  decisionReference?: string;
}

export interface DateRange {
  from: IsoDate;
  to: IsoDate;
}

export interface AvailabilityTerms {
  careTypes: CareType[];
  capacity: number;
  periods: DateRange[];
  patterns: AvailabilityPattern[];
}

export interface ProfileFields {
  contact: ContactDetails;
  region: string;
  languages: string[];
  competences: Competence[];
  interestedIn: CareType[];
}

export interface RegistrationDetails extends ProfileFields {
  familyId: string;
  sourceChannel: SourceChannel;
  sourceDetail?: string;
  referredByFamilyId?: string;
  /** The own municipality's request whose targeted recruitment brought the lead (sourceChannel child-request). */
  recruitedForRequestId?: string;
  adults: Adult[];
  /** Set only for a network family (sourceChannel child-network): the one child's request it is for. */
  network?: NetworkTie;
}

/** The child a network family is registered for, as its request describes it: never a name or id. */
export interface NetworkChild {
  careType: CareType;
  age: number;
  /** The child and its siblings placed together. */
  places: number;
}

/**
 * A person (household) from one child's own network, registered for that child's request: its
 * provisional approval is limited to that child, it is a candidate for that request only and it
 * never leaves the municipality.
 */
export interface NetworkTie {
  requestId: string;
  relation: NetworkRelation;
  relationNote?: string;
  /** The entry of the request's network map the person came from, when the caseworker named one. */
  personId?: string;
  child: NetworkChild;
}

export interface FirstContact {
  on: IsoDate;
  channel: ContactChannel;
}

export interface BackgroundCheckResult {
  adultId: string;
  kind: CheckKind;
  outcome: CheckOutcome;
  remarkCategory?: RemarkCategory;
  receivedOn: IsoDate;
}

export interface RemarksAssessment {
  adultId: string;
  kind: CheckKind;
  acceptable: boolean;
  assessment: string;
}

export interface Rejection {
  reason: RejectionReason;
  note?: string;
}

/** A place the family holds for a child of a request (possibly another municipality's). */
export interface Reservation {
  assignmentId: string;
  requester: { municipality: string; requestId: string };
  period: DateRange;
  children: number;
}

export interface AssignmentEnding {
  assignmentId: string;
  reason: string;
  /** Retention: does the family want a new assignment? */
  wantsNewAssignment: boolean;
}

export interface SupportRecord {
  kind: SupportKind;
  on: IsoDate;
  note?: string;
}

/** The municipality's staff member a family turns to first: a user of the municipality (token subject) and a display name. */
export interface ContactPerson {
  userId: string;
  name: string;
}
