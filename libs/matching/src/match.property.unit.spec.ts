import fc from 'fast-check';
import { ExclusionReason, MatchReason, type ChildNeeds, type SharedProfile } from '@familybank/contracts';
import { AVAILABILITY_PATTERNS, CARE_TYPES, COMPETENCES } from '@familybank/domain-family';
import { whyExcluded } from './hard-filters';
import { matchCandidates, naiveMatch } from './match';
import { exclusionReasonText, matchReasonText } from './reasons';
import { TODAY } from './testing/fixtures';

// Small domains on purpose: many families pass the filters and many tie, which is where a top-k
// and a full sort could disagree.
const REGIONS = ['DK-81', 'DK-82', 'DK-83', 'DK-84', 'DK-85', 'SE-AB'];
const LANGUAGES = ['da', 'sv', 'ar', 'so'];
const MONTHS = ['2026-05', '2026-07', '2026-12', '2027-06', '2027-06'];
const WEEKS = ['2026-W20', '2026-W27', '2026-W35', '2026-W53', '2027-W01', '2027-W10'];
const subset = <T>(values: readonly T[]) => fc.subarray([...values]);
const ordered = <T extends string>(a: T, b: T) => (a <= b ? { from: a, to: b } : { from: b, to: a });

const profile: fc.Arbitrary<SharedProfile> = fc.record({
  pseudonym: fc.stringMatching(/^[a-f]{3}$/).map((name) => name.padEnd(22, '_')),
  municipality: fc.constantFrom('0630', '0101'),
  region: fc.constantFrom(...REGIONS),
  careTypes: fc.oneof(fc.constant(['respite', 'foster'] as SharedProfile['careTypes']), subset(CARE_TYPES).filter((types) => types.length > 0)),
  freeCapacity: fc.integer({ min: 0, max: 4 }),
  ageRange: fc.record({ min: fc.integer({ min: 0, max: 8 }), max: fc.integer({ min: 6, max: 17 }) }).map(({ min, max }) => ({ min: Math.min(min, max), max })),
  competences: subset(COMPETENCES.slice(0, 5)),
  languages: subset(LANGUAGES),
  availability: fc.record({
    weeks: fc.array(fc.tuple(fc.constantFrom(...WEEKS), fc.constantFrom(...WEEKS)).map(([a, b]) => ordered(a, b)), { maxLength: 2 }),
    patterns: subset(AVAILABILITY_PATTERNS),
  }),
  availabilityConfirmed: fc.constant('2026-05'),
  approvalValidUntil: fc.constantFrom(...MONTHS),
  experience: fc.constantFrom('new', '1-3-years', 'over-3-years'),
  version: fc.constant(1),
});

const pool = fc.uniqueArray(profile, { selector: (p) => p.pseudonym, minLength: 1, maxLength: 120, size: 'large' });

const childNeeds = (pseudonyms: string[]): fc.Arbitrary<ChildNeeds> =>
  fc.record({
    careType: fc.constantFrom('respite', 'foster', 'contact'),
    childAge: fc.constantFrom(0, 3, 6, 8, 10, 14, 17),
    siblings: fc.constantFrom(0, 0, 1, 2),
    requiredCompetences: fc.constantFrom([], [], [COMPETENCES[0]], [COMPETENCES[1]]),
    wishedCompetences: subset(COMPETENCES.slice(0, 5)),
    languages: subset(LANGUAGES),
    schedule: fc.record({
      patterns: fc.constantFrom([], ['weekends'], ['weekends', 'holidays']),
      period: fc.tuple(fc.constantFrom('2026-06-20', '2026-08-01', '2026-12-31', '2027-03-01'), fc.constantFrom('2026-07-01', '2027-01-02', '2027-06-30')).map(([a, b]) => ordered(a, b)),
    }),
    region: fc.constantFrom(...REGIONS),
    networkExplored: fc.boolean(),
    networkCandidates: pseudonyms.length > 0 ? fc.subarray(pseudonyms, { maxLength: Math.min(5, pseudonyms.length) }) : fc.constant([]),
    startDate: fc.constantFrom('2026-01-01', '2026-07-01', '2026-12-01'),
  });

const scenario = pool.chain((candidates) =>
  fc.record({ candidates: fc.constant(candidates), needs: childNeeds(candidates.map((c) => c.pseudonym)), limit: fc.integer({ min: 1, max: 25 }) }),
);

describe('matchCandidates against the naive baseline (property)', () => {
  it('gives exactly the naive result: same families, order, scores and explanations', () => {
    fc.assert(
      fc.property(scenario, ({ candidates, needs, limit }) => {
        const options = { limit, today: TODAY };
        expect(matchCandidates(needs, candidates, options)).toEqual(naiveMatch(needs, candidates, options));
      }),
      { numRuns: 400 },
    );
  });

  it('proposes only families passing every hard filter, scores summing their points, network first', () => {
    fc.assert(
      fc.property(scenario, ({ candidates, needs, limit }) => {
        const matches = matchCandidates(needs, candidates, { limit, today: TODAY });
        const byPseudonym = new Map(candidates.map((c) => [c.pseudonym, c]));
        for (const match of matches) {
          expect(whyExcluded(needs, byPseudonym.get(match.pseudonym)!, TODAY)).toEqual([]);
          expect(match.score).toBe(match.criteria.reduce((sum, c) => sum + c.points, 0));
          expect(match.score).toBeGreaterThanOrEqual(0);
          expect(match.score).toBeLessThanOrEqual(100);
        }
        const networks = matches.map((match) => match.network);
        expect(networks).toEqual([...networks].sort((a, b) => Number(b) - Number(a)));
        const passing = candidates.filter((c) => whyExcluded(needs, c, TODAY).length === 0).length;
        expect(matches).toHaveLength(Math.min(limit, passing));
      }),
      { numRuns: 300 },
    );
  });

  it('every criterion and every failed filter carries a reason that the contract accepts, its explanation the same in English', () => {
    fc.assert(
      fc.property(scenario, ({ candidates, needs, limit }) => {
        for (const match of matchCandidates(needs, candidates, { limit, today: TODAY })) {
          for (const criterion of match.criteria) {
            expect(MatchReason.safeParse(criterion.reason).error).toBeUndefined();
            expect(matchReasonText(criterion.reason)).toBe(criterion.explanation);
            expect(criterion.reason.code.split('.')[0]).toBe(criterion.criterion);
          }
        }
        for (const candidate of candidates) {
          for (const exclusion of whyExcluded(needs, candidate, TODAY)) {
            expect(ExclusionReason.safeParse(exclusion.reason).error).toBeUndefined();
            expect(exclusionReasonText(exclusion.reason)).toBe(exclusion.explanation);
            expect(exclusion.reason.code.split('.')[0]).toBe(exclusion.filter);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
