import type { Message } from '@familybank/domain-core';
import type { FamilyEvent } from '@familybank/domain-family';
import type { OfferEvent } from '@familybank/domain-offer';
import type { DirectoryEvent, PartnerPoolEvent, PartnerRequestEvent, ReportedViewsEvent, ViewedProfilesEvent } from '@familybank/domain-partner-facts';
import type { PartnershipEvent } from '@familybank/domain-partnership';
import type { RequestEvent } from '@familybank/domain-request';
import type { CourseEvent, DevelopmentPlanEvent, EmergencyLineEvent, SupervisionMeetingEvent } from '@familybank/domain-support';
import type { WebhookSubscriptionEvent } from '@familybank/domain-webhooks';
import { READ_AUDIT_STREAM_PREFIX, type ReadAuditEvent } from '@familybank/domain-audit';
import type { AggregateName } from '../platform/commands/aggregate-command';
import { familySubject, networkPersonSubject, requestSubject } from './key-store';

/**
 * Where personal data is in a field: dot-separated keys; `[]` after a key walks every element of
 * an array (`adults[].fullName`: each adult's name; `conditions[]`: each string).
 */
export type FieldPath = string;

/** The personal fields of one event type, and whose key encrypts them (default: the stream's subject). */
export interface EventFields {
  paths: readonly FieldPath[];
  subject?: (data: Record<string, unknown>, streamId: string) => string;
}

export interface StreamFields<E extends Message> {
  prefix: string;
  /** The subject of the stream's events, when they are about one family or person. */
  subject?: (streamId: string) => string;
  /** Every event type of the aggregate: [] says "classified, nothing personal", so a new type must be classified. */
  events: { [T in E['type']]: readonly FieldPath[] | EventFields };
}

type EventsOf = {
  family: FamilyEvent;
  request: RequestEvent;
  offer: OfferEvent;
  partnership: PartnershipEvent;
  'partner-request': PartnerRequestEvent;
  'partner-pool': PartnerPoolEvent;
  directory: DirectoryEvent;
  'reported-views': ReportedViewsEvent;
  'viewed-profiles': ViewedProfilesEvent;
  'development-plan': DevelopmentPlanEvent;
  'emergency-line': EmergencyLineEvent;
  'supervision-meeting': SupervisionMeetingEvent;
  course: CourseEvent;
  'webhook-subscription': WebhookSubscriptionEvent;
  'read-audit': ReadAuditEvent;
};

const CONTACT: readonly FieldPath[] = ['contact.street', 'contact.postalCode', 'contact.city', 'contact.phone', 'contact.email'];
const byFamilyOfStream = (prefix: string) => (streamId: string) => familySubject(streamId.slice(prefix.length));
const byFamilyField = (paths: readonly FieldPath[]): EventFields => ({ paths, subject: (data) => familySubject(String(data['familyId'])) });

/**
 * THE map of personal data in our events: names, addresses, phone numbers, e-mails and free texts
 * written about a family or a person, per aggregate and event type. Every aggregate and every event
 * type is listed (the compiler checks it), and `personal-fields.unit.spec.ts` fails when an event
 * type has a field that looks personal (name, phone, e-mail, address, note…) the map leaves out.
 * Not personal: ids, pseudonyms, vocabularies, dates, figures, and staff's names (interviewers,
 * contact persons, leaders): those are the municipality's employees acting in their role.
 */
export const PERSONAL_FIELDS: { [K in AggregateName]: StreamFields<EventsOf[K]> } = {
  family: {
    prefix: 'family-',
    subject: byFamilyOfStream('family-'),
    events: {
      FamilyRegistered: ['adults[].fullName', ...CONTACT, 'sourceDetail', 'network.relationNote'],
      FirstContactMade: ['summary'],
      FamilyScreened: ['notes'],
      FamilyInterviewed: ['notes'],
      BackgroundChecksRequested: [],
      BackgroundCheckReceived: [],
      BackgroundCheckRemarksAssessed: ['assessment'],
      FamilyApproved: ['conditions[]'],
      FamilyProvisionallyApproved: ['conditions[]'],
      FamilyRejected: ['note'],
      AvailabilityDeclared: [],
      AvailabilityConfirmed: [],
      AvailabilityWithdrawn: ['reason'],
      FamilySuspended: ['reason'],
      FamilyReinstated: ['note'],
      ApprovalRenewed: ['conditions[]'],
      ApprovalExpired: [],
      FamilyRetired: ['reason'],
      ConsentToShareGiven: [],
      ConsentToShareWithdrawn: [],
      ProfileUpdated: CONTACT,
      SupportRecorded: ['note'],
      FamilyReserved: [],
      AssignmentEnded: ['reason'],
      ContactPersonAssigned: [],
      // Readable after the erasure on purpose: why the data is gone (the reason must not name the family).
      FamilyErased: [],
    },
  },
  request: {
    prefix: 'request-',
    subject: (streamId) => requestSubject(streamId.slice('request-'.length)),
    events: {
      // The child is a case reference and needs, never a name (DESIGN §4).
      RequestOpened: [],
      RequestShared: [],
      OfferReceived: [],
      PartnerAnsweredNoMatch: [],
      OfferShortlisted: [],
      OfferDeclined: [],
      AcceptanceRequested: [],
      OwnPlacementRequested: [],
      AcceptanceCancelled: [],
      AssignmentConfirmed: [],
      RequestFilled: [],
      OfferWithdrawn: [],
      RequestWithdrawn: [],
      RequestExpired: [],
      TargetedRecruitmentStarted: [],
      // Sealed to our own key already: ciphertext.
      ContactDetailsReceived: [],
      // Free texts about the placement: encrypted under the request's own key (no erasure of a request exists yet).
      IntroductionVisitRecorded: ['note'],
      AssignmentEnded: ['reason'],
      // A third party of the child's network, with a key of their own (erased with the network family they became).
      NetworkPersonRecorded: { paths: ['name', 'reason'], subject: (data, streamId) => networkPersonSubject(streamId.slice('request-'.length), String(data['personId'])) },
    },
  },
  offer: {
    prefix: 'offer-',
    events: {
      // A note to the requester about our family: sealed with the family's key here (the message carries its own copy).
      OfferMade: byFamilyField(['note']),
      AcceptanceReceived: [],
      AssignmentConfirmed: [],
      ContactDetailsDisclosed: [],
      OfferWithdrawn: [],
      OfferDeclinedByRequester: [],
      // The same ending as on the family's stream: the same key.
      AssignmentEnded: byFamilyField(['reason']),
    },
  },
  partnership: { prefix: 'partnership-', events: { PartnershipProposed: [], PartnershipActivated: [], PartnershipDeclined: [], PartnershipRevoked: [] } },
  // What partners tell us is anonymized by them (shared profiles, requests without names).
  'partner-request': { prefix: 'partner-request-', events: { PartnerRequestReceived: [], PartnerRequestClosed: [], NoMatchAnswered: [] } },
  'partner-pool': { prefix: 'partner-pool-', events: { PartnerProfilePublished: [], PartnerProfileWithdrawn: [], PartnerPoolDropped: [] } },
  // Municipalities' names and public signing keys: nothing about a person.
  directory: { prefix: 'directory-', events: { MunicipalityAnnounced: [], SigningKeySuccessorAnnounced: [], SigningKeyRetired: [] } },
  'reported-views': { prefix: 'views-reported-', events: { ProfileViewsReported: [] } },
  'viewed-profiles': { prefix: 'profile-views-', events: { ProfilesViewed: [] } },
  'development-plan': {
    prefix: 'development-plan-',
    subject: byFamilyOfStream('development-plan-'),
    events: {
      GoalAdded: ['title', 'description'],
      GoalRevised: ['title', 'description'],
      GoalFollowedUp: ['note'],
      GoalAchieved: ['note'],
      GoalDropped: ['reason'],
    },
  },
  'emergency-line': { prefix: 'emergency-line-', subject: byFamilyOfStream('emergency-line-'), events: { EmergencyCallRecorded: ['note'] } },
  'supervision-meeting': {
    prefix: 'supervision-meeting-',
    events: {
      // A theme and its staff leaders are the meeting's, not a family's.
      SupervisionMeetingPlanned: [],
      SupervisionAttendanceRecorded: byFamilyField(['note']),
      SupervisionMeetingCancelled: [],
    },
  },
  course: {
    prefix: 'course-',
    events: { CourseCreated: [], FamilyEnrolled: [], EnrolmentWithdrawn: byFamilyField(['reason']), CourseAttendanceRecorded: [] },
  },
  'webhook-subscription': {
    prefix: 'webhook-subscription-',
    events: {
      WebhookSubscriptionCreated: [],
      WebhookSubscriptionUpdated: [],
      WebhookSubscriptionPaused: [],
      WebhookSubscriptionResumed: [],
      WebhookSecretRotated: [],
      WebhookSubscriptionDeleted: [],
      WebhookDeliveryRedriven: [],
    },
  },
  // Who read which family, when and why: ids only (the reader is staff acting in their role), so erasing a family leaves its audit harmless.
  'read-audit': { prefix: READ_AUDIT_STREAM_PREFIX, events: { PersonalDataRead: [], ContactDetailsReleased: [] } },
};

/**
 * Fields whose names look personal but are not a family's or a person's data, each with the reason
 * (`aggregate/EventType:path`). The unit test fails on a personal-looking field in neither list.
 */
export const LOOKS_PERSONAL_BUT_IS_NOT: Readonly<Record<string, string>> = {
  'family/ContactPersonAssigned:contactPerson.name': 'a staff member, in their role',
  'family/ContactPersonAssigned:previous.name': 'a staff member, in their role',
  'family/FamilyErased:reason': 'must stay readable after the erasure (accountability); it must not name the family',
  'request/OfferDeclined:reason': 'why an offer of a pseudonymous family does not fit the request; sent to the partner',
  'request/OfferWithdrawn:reason': 'the partner’s reason, as its message gave it',
  'request/RequestWithdrawn:reason': 'about the request; the child is a case reference',
  'offer/OfferWithdrawn:reason': 'about the offer; sent to the requester',
  'offer/OfferDeclinedByRequester:reason': 'the requester’s reason, as its message gave it',
  'partnership/PartnershipDeclined:reason': 'between municipalities',
  'partnership/PartnershipRevoked:reason': 'between municipalities',
  'directory/MunicipalityAnnounced:name': 'a municipality’s name',
  'supervision-meeting/SupervisionMeetingCancelled:reason': 'about the meeting, which several families may attend',
  'course/CourseCreated:title': 'the course’s',
  'course/CourseCreated:description': 'the course’s',
  'webhook-subscription/WebhookSubscriptionCreated:description': 'the integrator’s label of its endpoint',
  'webhook-subscription/WebhookSubscriptionUpdated:description': 'the integrator’s label of its endpoint',
};

export interface PersonalFieldsOf {
  subject: string;
  paths: readonly FieldPath[];
}

const STREAMS = Object.values(PERSONAL_FIELDS as Record<string, StreamFields<Message>>).sort((a, b) => b.prefix.length - a.prefix.length);

/** Thrown at append: an event of a stream or type nobody classified is not written (fail closed). */
export class UnclassifiedEventError extends Error {
  override readonly name = 'UnclassifiedEventError';
}

/** The personal fields of an event and whose key encrypts them; undefined when it has none. */
export function personalFieldsOf(streamId: string, type: string, data: unknown): PersonalFieldsOf | undefined {
  const stream = STREAMS.find((candidate) => streamId.startsWith(candidate.prefix));
  const entry = stream?.events[type as keyof typeof stream.events] as readonly FieldPath[] | EventFields | undefined;
  if (!stream || !entry) throw new UnclassifiedEventError(`${type} on ${streamId} is not classified in PERSONAL_FIELDS`);
  const fields: EventFields = Array.isArray(entry) ? { paths: entry as readonly FieldPath[] } : (entry as EventFields);
  if (fields.paths.length === 0) return undefined;
  const subjectOf = fields.subject ?? ((_data: Record<string, unknown>, id: string) => stream.subject!(id));
  return { subject: subjectOf((data ?? {}) as Record<string, unknown>, streamId), paths: fields.paths };
}
