import type { ChildNeeds } from '@familybank/contracts';
import { assertNever } from '@familybank/domain-core';
import { PARTNER_REQUEST_STREAM_PREFIX, type PartnerRequestEvent } from '@familybank/domain-partner-facts';
import type { RecordedEvent } from '@familybank/event-store';
import type { Projection } from '../projection';

/** A request of a partner, as the receiving municipality's inbox holds it. */
export interface InboxEntry {
  requester: string;
  requestId: string;
  needs: ChildNeeds;
  responseDeadline: string;
  status: 'open' | 'closed';
  closedReason?: string;
  /** When the requester published it. */
  receivedAt: string;
  /** We answered that we have no family for it. */
  answeredNoMatch: boolean;
}

export const INBOX = 'inbox';

export const inboxDocumentId = (own: string, requester: string, requestId: string) => `${own}:${requester}:${requestId}`;

const TYPES: ReadonlySet<string> = new Set<PartnerRequestEvent['type']>(['PartnerRequestReceived', 'PartnerRequestClosed', 'NoMatchAnswered']);

export const inboxProjection: Projection<InboxEntry> = {
  name: 'inbox',
  version: 1,
  collection: INBOX,
  streamPrefix: PARTNER_REQUEST_STREAM_PREFIX,
  handles: TYPES,
  documentId: (event) => {
    const { requester, requestId } = (event as RecordedEvent & PartnerRequestEvent).data;
    return inboxDocumentId(event.metadata.municipality, requester, requestId);
  },
  evolve: (document, event) => evolveInboxEntry(document, event as RecordedEvent & PartnerRequestEvent),
};

export function evolveInboxEntry(entry: InboxEntry | null, event: RecordedEvent & PartnerRequestEvent): InboxEntry | null {
  if (event.type === 'PartnerRequestReceived') {
    const { requester, requestId, needs, responseDeadline, receivedAt } = event.data;
    return { requester, requestId, needs: needs as ChildNeeds, responseDeadline, status: 'open', receivedAt, answeredNoMatch: false };
  }
  if (entry === null) return null;
  switch (event.type) {
    case 'PartnerRequestClosed':
      return { ...entry, status: 'closed', closedReason: event.data.reason };
    case 'NoMatchAnswered':
      return { ...entry, answeredNoMatch: true };
    default:
      return assertNever(event);
  }
}
