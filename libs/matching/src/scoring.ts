/**
 * The score of a family that passed the hard filters: points per criterion, 100 in all.
 *
 *   competences 40  share of the wished competences the family has (all 40 when none are wished)
 *   region      25  same region 25, neighbouring 12, further 0: visits, school and friends stay close
 *   language    15  speaks one of the child's languages (all 15 when the child's are not named)
 *   experience  10  over 3 years approved 10, 1–3 years 5, new 0: new families do well too, but
 *                   experience helps in hard placements, so it only tips the balance
 *   siblings    10  with siblings to place, a family with the 'siblings' competence gets 10
 *                   (room for the group is a hard filter); without siblings all 10
 *
 * A criterion that does not apply gives its full points, so it neither helps nor hurts anyone.
 * Points are computed without allocating (the ranking of a whole pool needs only numbers);
 * explanations are written afterwards, for the few families that are shown.
 */
import type { MatchReason, SharedProfile } from '@familybank/contracts';
import { roomReason } from './free-periods';
import type { PreparedNeeds } from './prepared-needs';
import { matchReasonText } from './reasons';
import type { Criterion, CriterionScore } from './types';

export const WEIGHTS = { competences: 40, region: 25, language: 15, experience: 10, siblings: 10 } as const;
const REGION_POINTS = [WEIGHTS.region, 12, 0] as const;
const EXPERIENCE_POINTS = { new: 0, '1-3-years': 5, 'over-3-years': WEIGHTS.experience } as const;

function wishedPresent(needs: PreparedNeeds, candidate: SharedProfile): number {
  const competences = candidate.competences as readonly string[];
  let present = 0;
  for (const competence of needs.wished) if (competences.includes(competence)) present++;
  return present;
}

function speaksChildsLanguage(needs: PreparedNeeds, candidate: SharedProfile): boolean {
  for (const language of candidate.languages) if (needs.languages.has(language)) return true;
  return false;
}

const competencePoints = (needs: PreparedNeeds, candidate: SharedProfile) =>
  needs.wished.length === 0 ? WEIGHTS.competences : Math.round((WEIGHTS.competences * wishedPresent(needs, candidate)) / needs.wished.length);
const regionPoints = (needs: PreparedNeeds, candidate: SharedProfile) => REGION_POINTS[needs.distanceTo(candidate.region)];
const languagePoints = (needs: PreparedNeeds, candidate: SharedProfile) =>
  needs.languages.size === 0 || speaksChildsLanguage(needs, candidate) ? WEIGHTS.language : 0;
const experiencePoints = (candidate: SharedProfile) => EXPERIENCE_POINTS[candidate.experience];
const siblingPoints = (needs: PreparedNeeds, candidate: SharedProfile) =>
  needs.siblings === 0 || (candidate.competences as readonly string[]).includes('siblings') ? WEIGHTS.siblings : 0;

/** The score alone, 0–100; equal by construction to the sum of explainScore's points. */
export function scoreOf(needs: PreparedNeeds, candidate: SharedProfile): number {
  return (
    competencePoints(needs, candidate) +
    regionPoints(needs, candidate) +
    languagePoints(needs, candidate) +
    experiencePoints(candidate) +
    siblingPoints(needs, candidate)
  );
}

const REGION_CODES = ['region.same', 'region.neighbouring', 'region.distant'] as const;

function competencesReason(needs: PreparedNeeds, candidate: SharedProfile): MatchReason {
  if (needs.wished.length === 0) return { code: 'competences.none-wished', params: {} };
  const competences = candidate.competences as readonly string[];
  return { code: 'competences.wished', params: { present: needs.wished.filter((competence) => competences.includes(competence)), wished: needs.wished.length } };
}

function regionReason(needs: PreparedNeeds, candidate: SharedProfile): MatchReason {
  const distance = needs.distanceTo(candidate.region);
  if (distance === 0) return { code: 'region.same', params: { region: candidate.region } };
  return { code: REGION_CODES[distance], params: { region: candidate.region, childRegion: needs.region } };
}

function languageReason(needs: PreparedNeeds, candidate: SharedProfile): MatchReason {
  if (needs.languages.size === 0) return { code: 'language.none-named', params: {} };
  const spoken = candidate.languages.filter((language) => needs.languages.has(language));
  return spoken.length > 0 ? { code: 'language.speaks', params: { languages: spoken } } : { code: 'language.speaks-none', params: { childLanguages: [...needs.languages] } };
}

function siblingsReason(needs: PreparedNeeds, candidate: SharedProfile): MatchReason {
  if (needs.siblings === 0) return { code: 'siblings.none', params: {} };
  const experienced = (candidate.competences as readonly string[]).includes('siblings');
  return { code: experienced ? 'siblings.experienced' : 'siblings.no-experience', params: { children: needs.places } };
}

function networkReason(needs: PreparedNeeds, pseudonym: string): MatchReason {
  const relation = needs.networkFamilies.get(pseudonym);
  return relation === undefined ? { code: 'network.named', params: {} } : { code: 'network.registered', params: { relation } };
}

const criterion = (name: Criterion, points: number, max: number, reason: MatchReason): CriterionScore => ({ criterion: name, points, max, explanation: matchReasonText(reason), reason });

/**
 * Each criterion's points with a reason (a code with its params, and the same in English), in the
 * order of WEIGHTS; 'period' (no points: room in the period is a hard filter) is added when the
 * profile says its free months, 'network' for network families.
 */
export function explainScore(needs: PreparedNeeds, candidate: SharedProfile, network: boolean): CriterionScore[] {
  const criteria: CriterionScore[] = [
    criterion('competences', competencePoints(needs, candidate), WEIGHTS.competences, competencesReason(needs, candidate)),
    criterion('region', regionPoints(needs, candidate), WEIGHTS.region, regionReason(needs, candidate)),
    criterion('language', languagePoints(needs, candidate), WEIGHTS.language, languageReason(needs, candidate)),
    criterion('experience', experiencePoints(candidate), WEIGHTS.experience, { code: `experience.${candidate.experience}`, params: {} }),
    criterion('siblings', siblingPoints(needs, candidate), WEIGHTS.siblings, siblingsReason(needs, candidate)),
  ];
  const period = roomReason(needs, candidate);
  if (period !== undefined) criteria.push(criterion('period', 0, 0, period));
  if (network) criteria.push(criterion('network', 0, 0, networkReason(needs, candidate.pseudonym)));
  return criteria;
}
