import { Inject, Injectable } from '@nestjs/common';
import { AppConfigToken, type AppConfig } from '../platform/config/config.provider';
import { networkCandidateProfile, toSharedProfile, whyNotNetworkCandidate, whyNotShared } from '@familybank/anonymize';
import type { ChildNeeds, ExclusionReason, SharedProfile } from '@familybank/contracts';
import type { OwnCandidateLookup } from '@familybank/domain-request';
import { exclusionReasonText, matchCandidates, whyExcluded, type CriterionScore } from '@familybank/matching';
import { DocumentStore, familyDetailProjection, householdName, type FamilyDetailDocument } from '@familybank/read-models';
import { MunicipalityIdentities } from '../federation/municipality-identities';
import { CLOCK, type Clock } from '../platform/tokens';

export interface ShareableFamily {
  family: FamilyDetailDocument;
  profile: SharedProfile;
}

export interface LocalCandidate {
  familyId: string;
  householdName: string;
  pseudonym: string;
  score: number;
  network: boolean;
  criteria: CriterionScore[];
}

export const CANDIDATES = 10;

/**
 * A municipality's own families as the matching engine sees them: each available family's shared
 * profile (so local and pool families are ranked on the same facts), ranked for a child's needs.
 * Used by the inbox (partners' requests) and by the requester's own candidates.
 */
@Injectable()
export class LocalCandidates {
  constructor(
    @Inject(DocumentStore) private readonly documents: DocumentStore,
    @Inject(MunicipalityIdentities) private readonly identities: MunicipalityIdentities,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AppConfigToken) private readonly config: AppConfig,
  ) {}

  /** Available families of `own` that may be shared now (consenting, valid approval), with their profiles. */
  shareableFamilies(own: string): ShareableFamily[] {
    const where = { sql: "json_extract(body, '$.stage') = 'available'", params: [] };
    return this.documents
      .list<FamilyDetailDocument>(familyDetailProjection.collection, own, { where, limit: -1 })
      .flatMap(({ body: family }) => {
        const profile = this.profileOf(own, family);
        return profile ? [{ family, profile }] : [];
      });
  }

  /**
   * The candidates of one of our own requests: the shareable families and the network families
   * registered for that request (never any other's). Network families are ranked on a profile
   * that stays here (see @familybank/anonymize networkCandidateProfile).
   */
  ownCandidates(own: string, requestId: string): ShareableFamily[] {
    return [...this.shareableFamilies(own), ...this.networkFamiliesOf(own, requestId)];
  }

  /** The network families of the request that are candidates now (available, approval valid). */
  networkFamiliesOf(own: string, requestId: string): ShareableFamily[] {
    const where = { sql: "json_extract(body, '$.stage') = 'available' AND json_extract(body, '$.network.requestId') = ?", params: [requestId] };
    return this.documents
      .list<FamilyDetailDocument>(familyDetailProjection.collection, own, { where, limit: -1 })
      .flatMap(({ body: family }) => {
        const profile = networkCandidateProfile(family, requestId, this.profileContext(own, family));
        return profile ? [{ family, profile }] : [];
      });
  }

  /** The family's shared profile, or null when it must not be shared. */
  profileOf(own: string, family: FamilyDetailDocument): SharedProfile | null {
    return toSharedProfile(family, this.profileContext(own, family));
  }

  private profileContext(own: string, family: FamilyDetailDocument) {
    // A family whose availability went stale is out of the pool, so it is not offered either.
    const staleAfterDays = this.config.AVAILABILITY_STALE_AFTER_DAYS;
    return { pseudonymKey: this.identities.identity(own).pseudonymSecret, now: this.clock(), version: family.revision, staleAfterDays };
  }

  /**
   * One family of `own` as the candidates of its request `requestId` see it, for the rule that only
   * a candidate is placed: a candidate with its match explained (a network family of that request
   * says so), excluded with every reason (e.g. no free place in the period, a network family of
   * another request), or unknown when it is not a family of `own`.
   */
  candidateFor(own: string, familyId: string, needs: ChildNeeds, today: string, requestId: string): OwnCandidateLookup {
    const found = this.documents.get<FamilyDetailDocument>(familyDetailProjection.collection, familyId);
    if (!found || found.municipality !== own) return { status: 'unknown' };
    const family = found.body;
    const network = family.network !== undefined;
    const profile = network ? networkCandidateProfile(family, requestId, this.profileContext(own, family)) : this.profileOf(own, family);
    if (!profile) {
      const stale = this.config.AVAILABILITY_STALE_AFTER_DAYS;
      const reason = (network ? whyNotNetworkCandidate(family, requestId, this.clock(), stale) : whyNotShared(family, this.clock(), stale)) ?? 'not-available';
      const why: ExclusionReason =
        reason === 'other-request' ? { code: 'network.other-request', params: { requestId: family.network!.requestId } } : { code: 'placeable.not-placeable', params: { cause: reason } };
      return { status: 'excluded', exclusions: [{ filter: reason === 'other-request' ? 'network' : 'placeable', explanation: exclusionReasonText(why), reason: why }] };
    }
    const exclusions = whyExcluded(needs, profile, today);
    if (exclusions.length > 0) return { status: 'excluded', exclusions };
    const [match] = this.rank(needs, [{ family, profile }], today, 1);
    return { status: 'candidate', pseudonym: profile.pseudonym, match: { score: match!.score, criteria: match!.criteria }, ...(network && { network: true }) };
  }

  /** The best `limit` of `local` for the needs, network candidates and network families first, each with its score explained. */
  rank(needs: ChildNeeds, local: ShareableFamily[], today: string, limit = CANDIDATES): LocalCandidate[] {
    const byPseudonym = new Map(local.map((entry) => [entry.profile.pseudonym, entry.family]));
    const networkFamilies = new Map(local.flatMap(({ family, profile }) => (family.network ? [[profile.pseudonym, family.network.relation] as const] : [])));
    return matchCandidates(needs, local.map((entry) => entry.profile), { limit, today, networkFamilies }).map((match) => {
      const family = byPseudonym.get(match.pseudonym)!;
      return { familyId: family.familyId, householdName: householdName(family.adults), pseudonym: match.pseudonym, score: match.score, network: match.network, criteria: match.criteria };
    });
  }
}
