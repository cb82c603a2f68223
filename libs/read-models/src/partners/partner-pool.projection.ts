import type { SharedProfile } from '@familybank/contracts';
import { assertNever } from '@familybank/domain-core';
import { PARTNER_POOL_STREAM_PREFIX, type PartnerPoolEvent } from '@familybank/domain-partner-facts';
import type { RecordedEvent } from '@familybank/event-store';
import type { Projection } from '../projection';

/** One family of a partner's pool, as a municipality's caseworkers see it. */
export type PoolEntry = SharedProfile & { receivedAt: string };

export const PARTNER_POOL = 'partner-pool';

export const poolDocumentId = (own: string, pseudonym: string) => `${own}:${pseudonym}`;

const TYPES: ReadonlySet<string> = new Set<PartnerPoolEvent['type']>(['PartnerProfilePublished', 'PartnerProfileWithdrawn', 'PartnerPoolDropped']);

const pseudonymsOf = (event: RecordedEvent & PartnerPoolEvent): string[] => {
  switch (event.type) {
    case 'PartnerProfilePublished':
      return [event.data.profile.pseudonym];
    case 'PartnerProfileWithdrawn':
      return [event.data.pseudonym];
    case 'PartnerPoolDropped':
      return event.data.pseudonyms;
    default:
      return assertNever(event);
  }
};

export const partnerPoolProjection: Projection<PoolEntry> = {
  name: 'partner-pool',
  version: 1,
  collection: PARTNER_POOL,
  streamPrefix: PARTNER_POOL_STREAM_PREFIX,
  handles: TYPES,
  documentId: (event) => partnerPoolProjection.documentIds!(event)[0]!,
  documentIds: (event) => pseudonymsOf(event as RecordedEvent & PartnerPoolEvent).map((pseudonym) => poolDocumentId(event.metadata.municipality, pseudonym)),
  evolve: (_entry, event) => evolvePoolEntry(event as RecordedEvent & PartnerPoolEvent),
};

/** The decider records only newer versions, so the latest event of a family is its entry. */
export function evolvePoolEntry(event: RecordedEvent & PartnerPoolEvent): PoolEntry | null {
  return event.type === 'PartnerProfilePublished' ? { ...(event.data.profile as SharedProfile), receivedAt: event.data.receivedAt } : null;
}
