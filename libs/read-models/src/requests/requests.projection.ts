import { assertNever } from '@familybank/domain-core';
import {
  withNetworkPerson,
  withVisit,
  type ChildNeeds,
  type IntroductionVisit,
  type NetworkPerson,
  type OfferStatus,
  type PlacementMatch,
  type RequestEvent,
} from '@familybank/domain-request';
import type { RecordedEvent } from '@familybank/event-store';
import type { MatchReason } from '@familybank/contracts';
import type { Projection } from '../projection';

/**
 * The match an own placement recorded. The domain keeps each criterion's reason opaque; it is what
 * the matching engine wrote, a MatchReason of the contract (absent in placements recorded before
 * reasons existed).
 */
export type RecordedMatch = Omit<PlacementMatch, 'criteria'> & { criteria: Array<Omit<PlacementMatch['criteria'][number], 'reason'> & { reason?: MatchReason }> };

/** A request as its own municipality sees it; offers' profiles and disclosed contacts are joined when read. */
export interface RequestDocument {
  requestId: string;
  municipality: string;
  caseReference: string;
  needs: ChildNeeds;
  responseDeadline: string;
  status: 'open' | 'filled' | 'withdrawn' | 'expired';
  openedAt: string;
  sharedWith: string[];
  answeredBy: string[];
  offers: Array<{
    offerId: string;
    partner: string;
    pseudonym: string;
    status: OfferStatus;
    withdrawnReason?: string;
    /** An own placement: our own family, and why the matching proposed it when it was placed. */
    own?: { familyId: string; match: RecordedMatch; children: number; network?: true };
  }>;
  pendingAcceptance?: { offerId: string; since: string };
  assignment?: {
    assignmentId: string;
    partner: string;
    pseudonym: string;
    period: { from: string; to: string };
    endedOn?: string;
    endReason?: string;
    /** Set for an own placement: the family is ours, its contact details too. */
    familyId?: string;
  };
  /** Sealed contact details by assignment: one may arrive before its confirmation. */
  sealedContacts?: Record<string, Record<string, unknown>>;
  recruitmentStarted: boolean;
  introductionVisits: IntroductionVisit[];
  /**
   * Who of the child's network was explored. It names third parties: it never leaves the
   * municipality. `explored`: any person on the map, or (requests opened before the map) the flag.
   */
  network: { explored: boolean; persons: NetworkPerson[] };
  revision: number;
}

const TYPES: ReadonlySet<string> = new Set<RequestEvent['type']>([
  'RequestOpened',
  'RequestShared',
  'OfferReceived',
  'PartnerAnsweredNoMatch',
  'OfferShortlisted',
  'OfferDeclined',
  'AcceptanceRequested',
  'OwnPlacementRequested',
  'AcceptanceCancelled',
  'AssignmentConfirmed',
  'RequestFilled',
  'OfferWithdrawn',
  'RequestWithdrawn',
  'RequestExpired',
  'TargetedRecruitmentStarted',
  'ContactDetailsReceived',
  'IntroductionVisitRecorded',
  'AssignmentEnded',
  'NetworkPersonRecorded',
]);

export const requestsProjection: Projection<RequestDocument> = {
  name: 'requests',
  version: 7,
  collection: 'requests',
  streamPrefix: 'request-',
  handles: TYPES,
  documentId: (event) => event.streamId.replace(/^request-/, ''),
  evolve: (document, event) => evolveRequestDocument(document, event as RecordedEvent & RequestEvent),
};

export function evolveRequestDocument(document: RequestDocument | null, event: RecordedEvent & RequestEvent): RequestDocument | null {
  if (event.type === 'RequestOpened') {
    const { requestId, caseReference, needs, responseDeadline } = event.data;
    return {
      requestId,
      municipality: event.metadata.municipality,
      caseReference,
      needs,
      responseDeadline,
      status: 'open',
      openedAt: event.metadata.occurredAt,
      sharedWith: [],
      answeredBy: [],
      offers: [],
      recruitmentStarted: false,
      introductionVisits: [],
      network: { explored: needs.networkExplored ?? false, persons: [] },
      revision: event.revision,
    };
  }
  if (document === null) return null;
  return { ...apply(document, event), revision: event.revision };
}

function apply(doc: RequestDocument, event: RecordedEvent & RequestEvent): RequestDocument {
  const offer = (offerId: string, status: OfferStatus, extra: object = {}) => ({
    ...doc,
    offers: doc.offers.map((candidate) => (candidate.offerId === offerId ? { ...candidate, status, ...extra } : candidate)),
  });
  const answered = (partner: string) => (doc.answeredBy.includes(partner) ? doc.answeredBy : [...doc.answeredBy, partner]);
  switch (event.type) {
    case 'RequestOpened':
      return doc;
    case 'RequestShared':
      return { ...doc, sharedWith: [...doc.sharedWith, ...event.data.partners] };
    case 'OfferReceived':
      return { ...doc, offers: [...doc.offers, { ...event.data, status: 'received' }], answeredBy: answered(event.data.partner) };
    case 'PartnerAnsweredNoMatch':
      return { ...doc, answeredBy: answered(event.data.partner) };
    case 'OfferShortlisted':
      return offer(event.data.offerId, 'shortlisted');
    case 'OfferDeclined':
      return offer(event.data.offerId, 'declined');
    case 'AcceptanceRequested':
      return { ...offer(event.data.offerId, 'acceptance-requested'), pendingAcceptance: { offerId: event.data.offerId, since: event.metadata.occurredAt } };
    case 'OwnPlacementRequested': {
      const { offerId, owner, pseudonym, familyId, match, children, network } = event.data;
      const placed = { offerId, partner: owner, pseudonym, status: 'acceptance-requested' as const, own: { familyId, match: match as RecordedMatch, children, ...(network && { network }) } };
      return { ...doc, offers: [...doc.offers, placed], pendingAcceptance: { offerId, since: event.metadata.occurredAt } };
    }
    case 'AcceptanceCancelled':
      return { ...offer(event.data.offerId, 'declined'), pendingAcceptance: undefined };
    case 'AssignmentConfirmed': {
      const { assignmentId, partner, pseudonym } = event.data;
      const period = doc.needs.schedule.period;
      const familyId = doc.offers.find((candidate) => candidate.offerId === event.data.offerId)?.own?.familyId;
      const assignment = { assignmentId, partner, pseudonym, period, ...(familyId !== undefined && { familyId }) };
      return { ...offer(event.data.offerId, 'confirmed'), pendingAcceptance: undefined, assignment };
    }
    case 'RequestFilled':
      return { ...doc, status: 'filled' };
    case 'OfferWithdrawn': {
      const pending = doc.pendingAcceptance?.offerId === event.data.offerId ? undefined : doc.pendingAcceptance;
      return { ...offer(event.data.offerId, 'withdrawn', { withdrawnReason: event.data.reason }), pendingAcceptance: pending };
    }
    case 'RequestWithdrawn':
      return { ...doc, status: 'withdrawn' };
    case 'RequestExpired':
      return { ...doc, status: 'expired' };
    case 'TargetedRecruitmentStarted':
      return { ...doc, recruitmentStarted: true };
    case 'AssignmentEnded':
      return doc.assignment ? { ...doc, assignment: { ...doc.assignment, endedOn: event.data.endedOn, endReason: event.data.reason } } : doc;
    case 'ContactDetailsReceived':
      return { ...doc, sealedContacts: { ...doc.sealedContacts, [event.data.assignmentId]: event.data.sealed } };
    case 'IntroductionVisitRecorded':
      return { ...doc, introductionVisits: withVisit(doc.introductionVisits, event.data) };
    case 'NetworkPersonRecorded':
      return { ...doc, network: { explored: true, persons: withNetworkPerson(doc.network.persons, event.data) } };
    default:
      return assertNever(event);
  }
}
