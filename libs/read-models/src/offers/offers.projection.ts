import { assertNever } from '@familybank/domain-core';
import type { OfferEvent } from '@familybank/domain-offer';
import type { RecordedEvent } from '@familybank/event-store';
import type { Projection } from '../projection';

/** An offer as the owning municipality sees it: which of its families, for whose request, how far along. */
export interface OfferDocument {
  offerId: string;
  requester: string;
  requestId: string;
  familyId: string;
  pseudonym: string;
  period: { from: string; to: string };
  children: number;
  status: 'made' | 'acceptance-received' | 'confirmed' | 'withdrawn' | 'declined';
  madeAt: string;
  assignmentId?: string;
  assignmentEnded?: boolean;
  withdrawnReason?: string;
  declinedReason?: string;
  disclosedTo: string[];
  /** An own placement: the requester is this municipality; nothing about it leaves. */
  own?: true;
  revision: number;
}

const TYPES: ReadonlySet<string> = new Set<OfferEvent['type']>([
  'OfferMade',
  'AcceptanceReceived',
  'AssignmentConfirmed',
  'ContactDetailsDisclosed',
  'OfferWithdrawn',
  'OfferDeclinedByRequester',
  'AssignmentEnded',
]);

export const offersProjection: Projection<OfferDocument> = {
  name: 'offers',
  version: 1,
  collection: 'offers',
  streamPrefix: 'offer-',
  handles: TYPES,
  documentId: (event) => event.streamId.replace(/^offer-/, ''),
  evolve: (document, event) => evolveOfferDocument(document, event as RecordedEvent & OfferEvent),
};

export function evolveOfferDocument(document: OfferDocument | null, event: RecordedEvent & OfferEvent): OfferDocument | null {
  if (event.type === 'OfferMade') {
    const { offerId, requester, familyId, pseudonym, period, children, own } = event.data;
    return {
      offerId,
      requester: requester.municipality,
      requestId: requester.requestId,
      familyId,
      pseudonym,
      period,
      children,
      status: 'made',
      madeAt: event.metadata.occurredAt,
      disclosedTo: [],
      ...(own && { own }),
      revision: event.revision,
    };
  }
  if (document === null) return null;
  return { ...apply(document, event), revision: event.revision };
}

function apply(doc: OfferDocument, event: RecordedEvent & OfferEvent): OfferDocument {
  switch (event.type) {
    case 'OfferMade':
      return doc;
    case 'AcceptanceReceived':
      return { ...doc, status: 'acceptance-received' };
    case 'AssignmentConfirmed':
      return { ...doc, status: 'confirmed', assignmentId: event.data.assignmentId };
    case 'ContactDetailsDisclosed':
      return { ...doc, disclosedTo: [...doc.disclosedTo, event.data.recipientKeyFingerprint] };
    case 'OfferWithdrawn':
      return { ...doc, status: 'withdrawn', withdrawnReason: event.data.reason };
    case 'OfferDeclinedByRequester':
      return { ...doc, status: 'declined', declinedReason: event.data.reason };
    case 'AssignmentEnded':
      return { ...doc, assignmentEnded: true };
    default:
      return assertNever(event);
  }
}
