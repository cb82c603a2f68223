import type { IsoDate, Message } from '@familybank/domain-core';
import type { AvailabilityPattern, CareType, Competence } from '@familybank/domain-family';
import type { NetworkPerson } from './network-map';

/** What a child needs; mirrors the ChildNeeds contract. Never the child's name or national id. */
export interface ChildNeeds {
  careType: CareType;
  childAge: number;
  siblings: number;
  requiredCompetences: Competence[];
  wishedCompetences: Competence[];
  languages: string[];
  schedule: { patterns: AvailabilityPattern[]; period: { from: IsoDate; to: IsoDate } };
  region: string;
  /** Superseded by the request's network map; requests opened before it carry the flag. */
  networkExplored?: boolean;
  networkCandidates: string[];
  startDate: IsoDate;
}

export type RequestStatus = 'none' | 'open' | 'filled' | 'withdrawn' | 'expired';
export type OfferStatus = 'received' | 'shortlisted' | 'declined' | 'acceptance-requested' | 'withdrawn' | 'confirmed';

export interface OfferState {
  offerId: string;
  /** The municipality that owns the family: a partner, or the requester itself for an own placement. */
  partner: string;
  pseudonym: string;
  status: OfferStatus;
  /** Only for an own placement: the requester's own family. */
  familyId?: string;
  /** Only for an own placement of a network family registered for this request. */
  network?: true;
}

/**
 * A reason as a code with its params (the contract's MatchReason / ExclusionReason); kept opaque
 * here: the domain records it as the matching engine wrote it. Absent from placements recorded
 * before reasons existed.
 */
export interface ReasonCode {
  code: string;
  params: Record<string, unknown>;
}

/** Why the matching engine proposed a family: the score and each criterion explained. */
export interface PlacementMatch {
  score: number;
  criteria: Array<{ criterion: string; points: number; max: number; explanation: string; reason?: ReasonCode }>;
}

/**
 * The family as the request's own candidates show it, looked up by the command handler for
 * `PlaceOwnFamily`: a candidate (passes every hard filter for this request), excluded (with the
 * filters it fails, e.g. no free place in the period), or not a placeable family of ours.
 */
export type OwnCandidateLookup =
  | { status: 'unknown' }
  | { status: 'excluded'; exclusions: Array<{ filter: string; explanation: string; reason?: ReasonCode }> }
  | { status: 'candidate'; pseudonym: string; match: PlacementMatch; network?: boolean };

export interface OwnPlacement {
  offerId: string;
  familyId: string;
  /** The requesting municipality, which owns the family. */
  owner: string;
  pseudonym: string;
  period: { from: IsoDate; to: IsoDate };
  children: number;
  match: PlacementMatch;
  /** The family is a network family registered for this request: the placement counts as from the child's network. */
  network?: true;
}

export const INTRODUCTION_VISIT_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type IntroductionVisitStatus = (typeof INTRODUCTION_VISIT_STATUSES)[number];

/** A visit between the child's family and the new family before the assignment starts. */
export interface IntroductionVisit {
  visitId: string;
  on: IsoDate;
  status: IntroductionVisitStatus;
  note?: string;
}

export interface RequestState {
  status: RequestStatus;
  requestId?: string;
  responseDeadline?: IsoDate;
  startDate?: IsoDate;
  sharedWith: string[];
  answeredBy: string[];
  offers: OfferState[];
  pendingAcceptance?: string;
  assignmentId?: string;
  assignmentEnded?: boolean;
  /** Assignments whose sealed contact details were kept (one disclosure each). */
  disclosedFor: string[];
  recruitmentStarted: boolean;
  /** The last day of the requested period, which is the assignment's period once filled. */
  periodEnd?: IsoDate;
  /** The requested period and the places it needs (the child and its siblings), once opened. */
  period?: { from: IsoDate; to: IsoDate };
  children?: number;
  introductionVisits: IntroductionVisit[];
  networkMap: NetworkPerson[];
}

export type RequestCommand =
  | Message<'OpenRequest', { requestId: string; caseReference: string; needs: ChildNeeds; responseDeadline: IsoDate }>
  /**
   * `partners` omitted: every active partner. `activePartners` is a look-up the command handler
   * loads (the municipality's active partnerships), so the rule that only partners are asked lives here.
   */
  | Message<'ShareRequest', { partners?: string[]; activePartners: string[] }>
  | Message<'RecordOffer', { offerId: string; partner: string; pseudonym: string }>
  | Message<'RecordNoMatch', { partner: string }>
  | Message<'ShortlistOffer', { offerId: string }>
  | Message<'DeclineOffer', { offerId: string; reason: string }>
  | Message<'AcceptOffer', { offerId: string }>
  /** The requester places one of its own families (one of the request's candidates), like accepting an offer. */
  | Message<'PlaceOwnFamily', { offerId: string; familyId: string; owner: string; candidate: OwnCandidateLookup }>
  | Message<'CancelAcceptance', { offerId: string }>
  | Message<'RecordAssignmentConfirmed', { offerId: string; assignmentId: string }>
  | Message<'RecordOfferWithdrawn', { offerId: string; reason: string }>
  | Message<'WithdrawRequest', { reason: string }>
  | Message<'ExpireRequest', Record<string, never>>
  | Message<'StartTargetedRecruitment', Record<string, never>>
  /** `partner`: who sent it (the message's signer); the consumer always says. */
  | Message<'RecordDisclosure', { assignmentId: string; sealed: Record<string, unknown>; partner?: string }>
  /** Plans a visit, or (same visitId) records that it was held or cancelled. */
  | Message<'RecordIntroductionVisit', IntroductionVisit>
  /** The owner ended the assignment (the child left the family, or the placement ended as planned). */
  | Message<'RecordAssignmentEnded', { assignmentId: string; reason: string }>
  /** Records a person of the child's network on the request's map, or (same personId) a later outcome. */
  | Message<'RecordNetworkPerson', NetworkPerson>;

export type RequestEvent =
  | Message<'RequestOpened', { requestId: string; caseReference: string; needs: ChildNeeds; responseDeadline: IsoDate }>
  | Message<'RequestShared', { partners: string[] }>
  | Message<'OfferReceived', { offerId: string; partner: string; pseudonym: string }>
  | Message<'PartnerAnsweredNoMatch', { partner: string }>
  | Message<'OfferShortlisted', { offerId: string }>
  | Message<'OfferDeclined', { offerId: string; reason: string }>
  | Message<'AcceptanceRequested', { offerId: string; partner: string; pseudonym: string }>
  /** Pending like an acceptance: the own family is being reserved for the request's period. */
  | Message<'OwnPlacementRequested', OwnPlacement>
  | Message<'AcceptanceCancelled', { offerId: string }>
  /** `network`: the confirmed family is a network family of this request (an own placement). */
  | Message<'AssignmentConfirmed', { offerId: string; assignmentId: string; partner: string; pseudonym: string; network?: true }>
  | Message<'RequestFilled', { offerId: string }>
  | Message<'OfferWithdrawn', { offerId: string; reason: string }>
  | Message<'RequestWithdrawn', { reason: string }>
  | Message<'RequestExpired', { responseDeadline: IsoDate }>
  | Message<'TargetedRecruitmentStarted', Record<string, never>>
  /** The owner's sealed disclosure of the family's contact details; only this municipality's key opens it. */
  | Message<'ContactDetailsReceived', { assignmentId: string; sealed: Record<string, unknown> }>
  | Message<'IntroductionVisitRecorded', IntroductionVisit>
  | Message<'AssignmentEnded', { assignmentId: string; reason: string; endedOn: IsoDate }>
  | Message<'NetworkPersonRecorded', NetworkPerson>;

export const requestStreamId = (requestId: string) => `request-${requestId}`;
