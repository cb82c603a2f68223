import type { PartnershipEvent } from '@familybank/domain-partnership';
import type { RecordedEvent } from '@familybank/event-store';
import type { Projection } from '../projection';

export interface PartnershipDocument {
  partner: string;
  status: 'proposed-by-us' | 'proposed-to-us' | 'active' | 'declined' | 'revoked';
  since: string;
  /** The partner's signing key, pinned on activation; consumers verify its messages against it. */
  partnerKey?: { publicKey: string; fingerprint: string };
  /** Global position of the activation: a new activation starts a new bootstrap of the partner's pool. */
  activatedAt?: number;
  revision: number;
}

const TYPES: ReadonlySet<string> = new Set<PartnershipEvent['type']>(['PartnershipProposed', 'PartnershipActivated', 'PartnershipDeclined', 'PartnershipRevoked']);

export const partnershipsProjection: Projection<PartnershipDocument> = {
  name: 'partnerships',
  version: 1,
  collection: 'partnerships',
  streamPrefix: 'partnership-',
  handles: TYPES,
  documentId: (event) => event.streamId.replace(/^partnership-/, ''),
  evolve: (document, event) => evolvePartnershipDocument(document, event as RecordedEvent & PartnershipEvent),
};

export function evolvePartnershipDocument(document: PartnershipDocument | null, event: RecordedEvent & PartnershipEvent): PartnershipDocument {
  const base = { partner: event.data.partner, since: event.metadata.occurredAt, revision: event.revision };
  switch (event.type) {
    case 'PartnershipProposed':
      return { ...base, status: event.data.proposedBy === 'us' ? 'proposed-by-us' : 'proposed-to-us' };
    case 'PartnershipActivated':
      return { ...base, status: 'active', partnerKey: event.data.partnerKey, activatedAt: event.position };
    case 'PartnershipDeclined':
      return { ...base, status: 'declined' };
    case 'PartnershipRevoked':
      return { ...base, status: 'revoked', partnerKey: document?.partnerKey };
  }
}
