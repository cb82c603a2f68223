import { RECENT_SUPPORT_RECORDS, type FamilyDetail } from '@familybank/contracts';
import { assertNever } from '@familybank/domain-core';
import { evolveFamily, type FamilyStage, type RegisteredFamily } from '@familybank/domain-family';
import type { Projection } from '../projection';
import { FAMILY_EVENT_TYPES, familyIdOf, type RecordedFamilyEvent } from './family-events';
import { supportRecordOf } from './support-records.projection';

/** What a personal field reads once the family's key is destroyed (the same marker as the log's reader). */
export const ERASED = '[erased]';

/**
 * The family as its own municipality's caseworkers see it; daysInStage is computed when read.
 * Its size does not grow with the history: support is a summary, assignments are the current ones
 * (bounded by capacity); the full lists are projections of their own.
 */
export type FamilyDetailDocument = Omit<FamilyDetail, 'daysInStage'>;

export const familyDetailProjection: Projection<FamilyDetailDocument> = {
  name: 'family-detail',
  version: 8,
  collection: 'family-detail',
  streamPrefix: 'family-',
  handles: FAMILY_EVENT_TYPES,
  documentId: familyIdOf,
  evolve: (document, event) => evolveFamilyDetail(document, event as RecordedFamilyEvent),
};

export function evolveFamilyDetail(document: FamilyDetailDocument | null, event: RecordedFamilyEvent): FamilyDetailDocument | null {
  if (event.type === 'FamilyRegistered') return registered(event);
  if (document === null) return null;
  const next = { ...withDomainState(document, event), revision: event.revision };
  return next.stage === document.stage ? next : { ...next, stageSince: event.metadata.occurredAt };
}

function registered(event: RecordedFamilyEvent & { type: 'FamilyRegistered' }): FamilyDetailDocument {
  const { registeredAt, network, ...details } = event.data;
  return {
    ...details,
    ...(network && { network: { ...network, status: 'registered' as const } }),
    municipality: event.metadata.municipality,
    stage: 'lead',
    stageSince: event.metadata.occurredAt,
    registeredAt,
    checks: [],
    consentToShare: false,
    support: { count: 0, recent: [] },
    assignments: [],
    endedAssignmentCount: 0,
    revision: event.revision,
  };
}

/** Facts that the decider's state already tracks are taken from it, so the two never disagree. */
function withDomainState(document: FamilyDetailDocument, event: RecordedFamilyEvent): FamilyDetailDocument {
  const state = evolveFamily(asDomainState(document), event) as RegisteredFamily;
  const base = {
    ...document,
    stage: state.status as FamilyStage,
    ...(state.contact && { contact: state.contact }),
    region: state.region,
    languages: state.languages,
    competences: state.competences,
    interestedIn: state.interestedIn,
    consentToShare: state.consentToShare,
  };
  return withEventFacts(base, event);
}

function withEventFacts(document: FamilyDetailDocument, event: RecordedFamilyEvent): FamilyDetailDocument {
  switch (event.type) {
    case 'FirstContactMade':
      return { ...document, firstContactOn: event.data.on };
    case 'BackgroundChecksRequested': {
      const requested = event.data.checks.map((check) => ({ ...check, requestedOn: event.data.on }));
      const kept = document.checks.filter((check) => !requested.some((r) => r.adultId === check.adultId && r.kind === check.kind));
      return { ...document, checks: [...kept, ...requested] };
    }
    case 'BackgroundCheckReceived': {
      const { adultId, kind, outcome, remarkCategory, receivedOn } = event.data;
      return updateCheck(document, adultId, kind, { outcome, remarkCategory, receivedOn, assessment: undefined });
    }
    case 'BackgroundCheckRemarksAssessed': {
      const { adultId, kind, acceptable, assessment } = event.data;
      return updateCheck(document, adultId, kind, { assessment: { acceptable, assessment, assessedBy: event.metadata.actor } });
    }
    case 'FamilyApproved':
      return { ...document, approval: event.data, ...(document.network && { network: { ...document.network, status: 'approved', fullyApprovedOn: event.data.approvedOn } }) };
    case 'FamilyProvisionallyApproved': {
      const { requestId: _requestId, ...approval } = event.data;
      const provisionalApproval = { approvedOn: approval.approvedOn, deadline: approval.validUntil };
      return { ...document, approval, ...(document.network && { network: { ...document.network, status: 'provisionally-approved', provisionalApproval } }) };
    }
    case 'ApprovalRenewed': {
      // approvedOn stays the first approval: experience is counted from it.
      const { renewedOn, ...terms } = event.data;
      return { ...document, approval: { ...terms, approvedOn: document.approval?.approvedOn ?? renewedOn } };
    }
    case 'AvailabilityDeclared':
      return { ...document, availability: event.data };
    case 'AvailabilityConfirmed':
      return document.availability ? { ...document, availability: { ...document.availability, confirmedOn: event.data.confirmedOn } } : document;
    case 'ApprovalExpired':
      // Without a full approval by its deadline, a network family's provisional approval lapsed.
      return { ...document, availability: undefined, ...(document.network?.status === 'provisionally-approved' && { network: { ...document.network, status: 'provisional-lapsed' } }) };
    case 'AvailabilityWithdrawn':
    case 'FamilySuspended':
    case 'FamilyRetired':
      return { ...document, availability: undefined };
    case 'SupportRecorded':
      return { ...document, support: withSupport(document.support, event) };
    case 'FamilyReserved':
      return { ...document, assignments: [...document.assignments, event.data] };
    case 'AssignmentEnded': {
      const assignments = document.assignments.filter((assignment) => assignment.assignmentId !== event.data.assignmentId);
      const ended = document.assignments.length - assignments.length;
      return { ...document, assignments, endedAssignmentCount: document.endedAssignmentCount + ended };
    }
    case 'ContactPersonAssigned':
      return { ...document, contactPerson: { ...event.data.contactPerson, since: event.data.since, assignedBy: event.metadata.actor } };
    case 'FamilyErased':
      return erasedDetail(document, event.data.erasedOn);
    case 'FamilyRegistered':
    case 'FamilyScreened':
    case 'FamilyInterviewed':
    case 'FamilyRejected':
    case 'FamilyReinstated':
    case 'ConsentToShareGiven':
    case 'ConsentToShareWithdrawn':
    case 'ProfileUpdated':
      return document;
    default:
      return assertNever(event);
  }
}

/**
 * What is left of an erased family: its history's shape (stages, checks, approval, assignments
 * ended) without its personal data. Folded after the key was destroyed, the personal fields of
 * earlier events already read "[erased]"; contact details and the source's free text go entirely.
 */
function erasedDetail(document: FamilyDetailDocument, erasedOn: string): FamilyDetailDocument {
  const { contact: _contact, sourceDetail: _sourceDetail, ...kept } = document;
  return { ...kept, adults: document.adults.map(({ adultId }) => ({ adultId, fullName: ERASED })), availability: undefined, consentToShare: false, erased: true, erasedOn };
}

function withSupport(summary: FamilyDetailDocument['support'], event: RecordedFamilyEvent & { type: 'SupportRecorded' }): FamilyDetailDocument['support'] {
  const record = supportRecordOf(event);
  // Records may be entered late, so the last day of support is the greatest `on`, not the newest record's.
  const lastOn = summary.lastOn !== undefined && summary.lastOn > record.on ? summary.lastOn : record.on;
  return { count: summary.count + 1, lastOn, recent: [record, ...summary.recent].slice(0, RECENT_SUPPORT_RECORDS) };
}

function updateCheck(document: FamilyDetailDocument, adultId: string, kind: string, change: Partial<FamilyDetailDocument['checks'][number]>) {
  return { ...document, checks: document.checks.map((check) => (check.adultId === adultId && check.kind === kind ? { ...check, ...change } : check)) };
}

/** Only the fields evolveFamily reads for profile, stage and consent; checks and approval are tracked above. */
function asDomainState(document: FamilyDetailDocument): RegisteredFamily {
  return {
    status: document.stage,
    familyId: document.familyId,
    adults: document.adults,
    // Absent only once erased, when no later event reads it.
    contact: document.contact as RegisteredFamily['contact'],
    region: document.region,
    languages: document.languages,
    competences: document.competences,
    interestedIn: document.interestedIn,
    checks: [],
    approval: null,
    availability: null,
    consentToShare: document.consentToShare,
    reservations: document.assignments,
  };
}

