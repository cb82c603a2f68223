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
import type { SharedProfile } from '@familybank/contracts';
import { explainRoom } from './free-periods';
import type { PreparedNeeds } from './prepared-needs';
import type { CriterionScore } from './types';

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

const EXPERIENCE_TEXT = { new: 'Newly approved (under a year)', '1-3-years': 'Approved for 1–3 years', 'over-3-years': 'Approved for over 3 years' } as const;
const REGION_TEXT = ['Same region', 'Neighbouring region', 'Distant region'] as const;

function networkExplanation(needs: PreparedNeeds, pseudonym: string): string {
  const relation = needs.networkFamilies.get(pseudonym);
  return relation === undefined ? "From the child's own network: ranked first" : `Registered from the child's network (${relation}) for this request: ranked first`;
}

/**
 * Each criterion's points with a reason, in the order of WEIGHTS; 'period' (no points: room in the
 * period is a hard filter) is added when the profile says its free months, 'network' for network families.
 */
export function explainScore(needs: PreparedNeeds, candidate: SharedProfile, network: boolean): CriterionScore[] {
  const competences = candidate.competences as readonly string[];
  const present = needs.wished.filter((competence) => competences.includes(competence));
  const spoken = candidate.languages.filter((language) => needs.languages.has(language));
  const distance = needs.distanceTo(candidate.region);
  const criteria: CriterionScore[] = [
    {
      criterion: 'competences',
      points: competencePoints(needs, candidate),
      max: WEIGHTS.competences,
      explanation:
        needs.wished.length === 0
          ? 'No wished competences'
          : `${present.length} of ${needs.wished.length} wished competences${present.length > 0 ? `: ${present.join(', ')}` : ''}`,
    },
    {
      criterion: 'region',
      points: regionPoints(needs, candidate),
      max: WEIGHTS.region,
      explanation: distance === 0 ? `Same region (${candidate.region})` : `${REGION_TEXT[distance]} (${candidate.region}, the child is in ${needs.region})`,
    },
    {
      criterion: 'language',
      points: languagePoints(needs, candidate),
      max: WEIGHTS.language,
      explanation:
        needs.languages.size === 0
          ? 'No language of the child named'
          : spoken.length > 0
            ? `Speaks the child's ${spoken.join(', ')}`
            : `Speaks none of the child's languages (${[...needs.languages].join(', ')})`,
    },
    { criterion: 'experience', points: experiencePoints(candidate), max: WEIGHTS.experience, explanation: EXPERIENCE_TEXT[candidate.experience] },
    {
      criterion: 'siblings',
      points: siblingPoints(needs, candidate),
      max: WEIGHTS.siblings,
      explanation:
        needs.siblings === 0
          ? 'No siblings to place together'
          : competences.includes('siblings')
            ? `Experienced with siblings; room for all ${needs.places} children`
            : `Room for all ${needs.places} children, but no sibling experience`,
    },
  ];
  const period = explainRoom(needs, candidate);
  if (period !== undefined) criteria.push({ criterion: 'period', points: 0, max: 0, explanation: period });
  if (network) criteria.push({ criterion: 'network', points: 0, max: 0, explanation: networkExplanation(needs, candidate.pseudonym) });
  return criteria;
}
