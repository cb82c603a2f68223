import { Language, Region } from '../common.schemas';
import { FreePlaces, IsoMonth, IsoWeek } from '../exchange/pool.schemas';
import { AvailabilityPattern, CareType, Competence, NetworkRelation } from '../families/family.schemas';
import { z } from '../zod';
import { codesOf, reason } from './reason';

/** Why a family of ours may not be placed at all now (libs/anonymize: whyNotShared, whyNotNetworkCandidate). */
export const NOT_PLACEABLE_CAUSES = ['not-available', 'no-consent', 'no-valid-approval', 'no-availability', 'stale-availability', 'network-family', 'not-network'] as const;

const count = z.number().int().min(0);
const months = { from: IsoMonth, to: IsoMonth };

/**
 * Why a criterion of the match scored what it did (CandidateCriterion.explanation, as a code).
 * One code per distinct sentence of the matching engine (libs/matching).
 */
export const MatchReason = z
  .discriminatedUnion('code', [
    reason('competences.none-wished', {}),
    reason('competences.wished', { present: z.array(Competence), wished: count }),
    reason('region.same', { region: Region }),
    reason('region.neighbouring', { region: Region, childRegion: Region }),
    reason('region.distant', { region: Region, childRegion: Region }),
    reason('language.none-named', {}),
    reason('language.speaks', { languages: z.array(Language) }),
    reason('language.speaks-none', { childLanguages: z.array(Language) }),
    reason('experience.new', {}),
    reason('experience.1-3-years', {}),
    reason('experience.over-3-years', {}),
    reason('siblings.none', {}),
    reason('siblings.experienced', { children: count }),
    reason('siblings.no-experience', { children: count }),
    reason('period.free-throughout', {
      places: count,
      ...months,
      free: z.array(FreePlaces).optional().openapi({ description: 'The free months, when the profile limits them' }),
    }),
    reason('network.named', {}),
    reason('network.registered', { relation: NetworkRelation }),
  ])
  .openapi('MatchReason', { description: 'The explanation as a code with its params; the `explanation` is the same in English' });
export type MatchReason = z.infer<typeof MatchReason>;
export type MatchReasonCode = MatchReason['code'];
export const MATCH_REASON_CODES: readonly MatchReasonCode[] = codesOf(MatchReason);

/**
 * Why a family fails a hard filter of a request (the `exclusions` of a REQUEST.NOT_A_CANDIDATE
 * problem's details, and FAMILY.NO_PLACE_IN_PERIOD's), as a code.
 */
export const ExclusionReason = z
  .discriminatedUnion('code', [
    reason('care-type.not-offered', { offered: z.array(CareType), needed: CareType }),
    reason('capacity.too-few', { free: count, needed: count }),
    reason('capacity.not-throughout', { places: count, ...months, free: z.array(FreePlaces) }),
    reason('age.outside-range', { min: count, max: count, childAge: count }),
    reason('approval.ends-before-start', { validUntil: IsoMonth, starts: IsoMonth }),
    reason('required-competences.missing', { missing: z.array(Competence) }),
    reason('availability.not-in-period', { fromWeek: IsoWeek, toWeek: IsoWeek, patterns: z.array(AvailabilityPattern) }),
    reason('network.other-request', { requestId: z.string() }),
    reason('placeable.not-placeable', { cause: z.enum(NOT_PLACEABLE_CAUSES).openapi({ description: 'Why the family may not be shared or placed now' }) }),
  ])
  .openapi('ExclusionReason', { description: 'A failed hard filter as a code with its params; the `explanation` is the same in English' });
export type ExclusionReason = z.infer<typeof ExclusionReason>;
export type ExclusionReasonCode = ExclusionReason['code'];
export const EXCLUSION_REASON_CODES: readonly ExclusionReasonCode[] = codesOf(ExclusionReason);
