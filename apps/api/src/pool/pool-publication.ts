import { pseudonymOf, toSharedProfile } from '@familybank/anonymize';
import type { RecordedEvent } from '@familybank/event-store';
import { familyDetailProjection, type DocumentStore, type FamilyDetailDocument } from '@familybank/read-models';
import type { MunicipalityIdentities } from '../federation/municipality-identities';
import type { OutgoingState, StateMessage } from '../federation/outbox-relay';
import type { RelayStore } from '../federation/relay-store';
import { poolChange, poolTombstone } from './pool-messages';

export interface SharingPolicy {
  /** Availability confirmed more than this many days ago is not shared (AVAILABILITY_STALE_AFTER_DAYS). */
  staleAfterDays?: number;
}

/**
 * Whether a family may be shared, decided from the family read model (which the relay caught up
 * to the batch) through the allowlist of @familybank/anonymize: the latest profile of each family
 * a batch touched (unless this very version is out already) or its tombstone, and, as time
 * passes, a tombstone for each published family no longer shareable (availability gone stale,
 * approval run out). The relay signs, publishes and records what the exchange accepted.
 */
export class PoolPublication implements OutgoingState {
  constructor(
    private readonly documents: DocumentStore,
    private readonly identities: MunicipalityIdentities,
    /** What the relay recorded as published (read only here). */
    private readonly published: Pick<RelayStore, 'published' | 'allPublished'>,
    private readonly sharing: SharingPolicy = {},
  ) {}

  afterBatch(batch: readonly RecordedEvent[], now: Date): StateMessage[] {
    // The latest state of each family is what is shared: one message per family per batch.
    const families = new Set(batch.filter((event) => event.streamId.startsWith('family-')).map((event) => event.streamId.slice('family-'.length)));
    return [...families].flatMap((familyId) => this.poolMessage(familyId, now) ?? []);
  }

  unshareable(now: Date): StateMessage[] {
    const withdrawals: StateMessage[] = [];
    for (const { municipality, familyId, entry } of this.published.allPublished()) {
      const identity = this.identities.identity(municipality);
      const found = this.documents.get<FamilyDetailDocument>(familyDetailProjection.collection, familyId);
      const shareable = found && toSharedProfile(found.body, { pseudonymKey: identity.pseudonymSecret, now, version: found.body.revision, staleAfterDays: this.sharing.staleAfterDays });
      if (shareable) continue;
      withdrawals.push({ municipality, tombstone: poolTombstone(identity.code, entry.pseudonym), change: { kind: 'withdrawn', municipality, familyId } });
    }
    return withdrawals;
  }

  /** The family's profile (unless this very version was published already) or its tombstone. */
  private poolMessage(familyId: string, now: Date): StateMessage | undefined {
    const found = this.documents.get<FamilyDetailDocument>(familyDetailProjection.collection, familyId);
    if (!found) return undefined;
    const { municipality } = found;
    const identity = this.identities.identity(municipality);
    const family = found.body;
    const profile = toSharedProfile(family, { pseudonymKey: identity.pseudonymSecret, now, version: family.revision, staleAfterDays: this.sharing.staleAfterDays });
    const change = poolChange(identity.code, familyId, profile ?? undefined, this.published.published(municipality, familyId));
    if (!change) return undefined;
    if (change.kind === 'withdraw') return { municipality, tombstone: change.tombstone, change: { kind: 'withdrawn', municipality, familyId } };
    return {
      municipality,
      draft: change.draft,
      correlationId: `family-${family.revision}`,
      dedupeKey: `${familyId}:${family.revision}`,
      change: { kind: 'published', record: { municipality, familyId, entry: change.published } },
    };
  }
}

/** The family a pseudonym stands for, among a municipality's families (for records that kept only the pseudonym). */
export function familyOfPseudonym(documents: DocumentStore, identities: MunicipalityIdentities): (municipality: string, pseudonym: string) => string | undefined {
  const byMunicipality = new Map<string, Map<string, string>>();
  return (municipality, pseudonym) => {
    let families = byMunicipality.get(municipality);
    if (!families) {
      const secret = identities.identity(municipality).pseudonymSecret;
      families = new Map(documents.all<FamilyDetailDocument>(familyDetailProjection.collection, municipality).map((family) => [pseudonymOf(secret, municipality, family.familyId), family.familyId]));
      byMunicipality.set(municipality, families);
    }
    return families.get(pseudonym);
  };
}
