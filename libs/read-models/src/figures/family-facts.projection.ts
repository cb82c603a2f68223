import { isoDate, type IsoDate } from '@familybank/domain-core';
import type { SourceChannel } from '@familybank/domain-family';
import type { Projection } from '../projection';
import { FAMILY_EVENT_TYPES, familyIdOf, type RecordedFamilyEvent } from '../families/family-events';

/**
 * What the family figures need of one family, by the business dates its events carry (registered,
 * first contact, approved, valid until, confirmed, ended, support on). Where an event has no date of
 * its own (withdrawn, suspended, retired, reserved) the day it occurred is used.
 */
export interface FamilyFacts {
  familyId: string;
  sourceChannel: SourceChannel;
  sourceDetail: string;
  registeredOn: IsoDate;
  firstContactOn: IsoDate | null;
  /** The first approval; renewals do not move it. */
  approvedOn: IsoDate | null;
  /** Every approval term in order; the last may be in force. */
  approvals: ApprovalTermFact[];
  /** Spans in which the family was available (`to`: the day it stopped, exclusive). */
  availableSpans: Array<{ from: IsoDate; to: IsoDate | null }>;
  /** Days its availability was declared or confirmed, in order. */
  confirmations: IsoDate[];
  endings: Array<{ endedOn: IsoDate; wantsNewAssignment: boolean }>;
  /** Its last assignment ended with the wish for a new one, and it has not been reserved since. */
  wantsNewAssignmentSince: IsoDate | null;
  emergencyCalls: IsoDate[];
}

export interface ApprovalTermFact {
  validUntil: IsoDate;
  outcome: 'current' | 'renewed' | 'expired' | 'retired';
}

export const familyFactsProjection: Projection<FamilyFacts> = {
  name: 'figures-family-facts',
  version: 2,
  collection: 'figures-family-facts',
  streamPrefix: 'family-',
  handles: FAMILY_EVENT_TYPES,
  documentId: familyIdOf,
  evolve: (facts, event) => evolveFamilyFacts(facts, event as RecordedFamilyEvent),
};

export function evolveFamilyFacts(facts: FamilyFacts | null, event: RecordedFamilyEvent): FamilyFacts | null {
  if (event.type === 'FamilyRegistered') {
    const { familyId, sourceChannel, sourceDetail, registeredAt } = event.data;
    return {
      familyId,
      sourceChannel,
      sourceDetail: sourceDetail ?? '',
      registeredOn: registeredAt.slice(0, 10),
      firstContactOn: null,
      approvedOn: null,
      approvals: [],
      availableSpans: [],
      confirmations: [],
      endings: [],
      wantsNewAssignmentSince: null,
      emergencyCalls: [],
    };
  }
  if (facts === null) return null;
  const occurredOn = isoDate(new Date(event.metadata.occurredAt));
  switch (event.type) {
    case 'FirstContactMade':
      return { ...facts, firstContactOn: facts.firstContactOn ?? event.data.on };
    case 'FamilyApproved':
      return { ...facts, approvedOn: facts.approvedOn ?? event.data.approvedOn, approvals: [...endCurrent(facts.approvals, 'renewed'), { validUntil: event.data.validUntil, outcome: 'current' }] };
    // A network family's provisional approval is an approval term (it expires at its deadline), not yet its approval.
    case 'FamilyProvisionallyApproved':
    case 'ApprovalRenewed':
      return { ...facts, approvals: [...endCurrent(facts.approvals, 'renewed'), { validUntil: event.data.validUntil, outcome: 'current' }] };
    case 'ApprovalExpired':
      return { ...facts, approvals: endCurrent(facts.approvals, 'expired'), availableSpans: closeSpan(facts.availableSpans, event.data.expiredOn) };
    case 'AvailabilityDeclared':
      return { ...facts, availableSpans: openSpan(facts.availableSpans, event.data.confirmedOn), confirmations: [...facts.confirmations, event.data.confirmedOn] };
    case 'AvailabilityConfirmed':
      return { ...facts, confirmations: [...facts.confirmations, event.data.confirmedOn] };
    case 'AvailabilityWithdrawn':
    case 'FamilySuspended':
      return { ...facts, availableSpans: closeSpan(facts.availableSpans, occurredOn) };
    case 'FamilyRetired':
      return { ...facts, approvals: endCurrent(facts.approvals, 'retired'), availableSpans: closeSpan(facts.availableSpans, occurredOn), wantsNewAssignmentSince: null };
    case 'FamilyReserved':
      return { ...facts, wantsNewAssignmentSince: null };
    case 'AssignmentEnded': {
      const { endedOn, wantsNewAssignment } = event.data;
      return { ...facts, endings: [...facts.endings, { endedOn, wantsNewAssignment }], wantsNewAssignmentSince: wantsNewAssignment ? endedOn : null };
    }
    case 'SupportRecorded':
      return event.data.kind === 'emergency-call' ? { ...facts, emergencyCalls: [...facts.emergencyCalls, event.data.on] } : facts;
    default:
      return facts;
  }
}

function endCurrent(approvals: ApprovalTermFact[], outcome: ApprovalTermFact['outcome']): ApprovalTermFact[] {
  return approvals.map((term) => (term.outcome === 'current' ? { ...term, outcome } : term));
}

/** Declaring again while available only moves the confirmation: the span stays open. */
function openSpan(spans: FamilyFacts['availableSpans'], from: IsoDate): FamilyFacts['availableSpans'] {
  return spans.some((span) => span.to === null) ? spans : [...spans, { from, to: null }];
}

function closeSpan(spans: FamilyFacts['availableSpans'], to: IsoDate): FamilyFacts['availableSpans'] {
  return spans.map((span) => (span.to === null ? { ...span, to } : span));
}

/** Available on `day`: within a span, and with availability confirmed by then (the last confirmation is returned). */
export function lastConfirmationIfAvailable(facts: FamilyFacts, day: IsoDate): IsoDate | null {
  const available = facts.availableSpans.some((span) => span.from <= day && (span.to === null || span.to > day));
  if (!available) return null;
  return facts.confirmations.filter((confirmed) => confirmed <= day).at(-1) ?? null;
}
