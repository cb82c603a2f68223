import type { ChildNeeds, MatchReason, SharedProfile } from '@familybank/contracts';
import { matchCandidates } from './match';
import { TODAY, needs, profile } from './testing/fixtures';
import type { Criterion, MatchOptions } from './types';

/** given a family and a child's needs, then the points, the English explanation and the reason (code and params) of one criterion. */
function given(family: SharedProfile, child: ChildNeeds = needs(), options: Partial<MatchOptions> = {}) {
  const [match] = matchCandidates(child, [family], { limit: 1, today: TODAY, ...options });
  return {
    match: match!,
    then: (criterion: Criterion, points: number, explanation: string | RegExp, reason: MatchReason) => {
      const score = match!.criteria.find((c) => c.criterion === criterion)!;
      expect(score.points).toBe(points);
      expect(score.explanation).toMatch(explanation);
      expect(score.reason).toEqual(reason);
    },
  };
}

describe('score per criterion', () => {
  it('competences: the share of wished competences present, of 40', () => {
    given(profile()).then('competences', 27, '2 of 3 wished competences: adhd, siblings', { code: 'competences.wished', params: { present: ['adhd', 'siblings'], wished: 3 } });
    given(profile({ competences: ['autism'] })).then('competences', 0, '0 of 3 wished competences', { code: 'competences.wished', params: { present: [], wished: 3 } });
    given(profile({ competences: ['trauma', 'adhd', 'siblings'] })).then('competences', 40, '3 of 3 wished competences: adhd, siblings, trauma', { code: 'competences.wished', params: { present: ['adhd', 'siblings', 'trauma'], wished: 3 } });
    given(profile(), needs({ wishedCompetences: [] })).then('competences', 40, 'No wished competences', { code: 'competences.none-wished', params: {} });
  });

  it('region: same 25, neighbouring 12, distant or unknown 0', () => {
    given(profile({ region: 'DK-83' })).then('region', 25, 'Same region (DK-83)', { code: 'region.same', params: { region: 'DK-83' } });
    given(profile({ region: 'DK-85' })).then('region', 12, 'Neighbouring region (DK-85, the child is in DK-83)', { code: 'region.neighbouring', params: { region: 'DK-85', childRegion: 'DK-83' } });
    given(profile({ region: 'DK-84' })).then('region', 0, 'Distant region (DK-84, the child is in DK-83)', { code: 'region.distant', params: { region: 'DK-84', childRegion: 'DK-83' } });
    given(profile({ region: 'SE-M' })).then('region', 0, /Distant region/, { code: 'region.distant', params: { region: 'SE-M', childRegion: 'DK-83' } });
  });

  it('region: a caller’s own distance replaces the Danish table', () => {
    given(profile({ region: 'SE-M' }), needs(), { regionDistance: () => 1 }).then('region', 12, /Neighbouring region/, { code: 'region.neighbouring', params: { region: 'SE-M', childRegion: 'DK-83' } });
  });

  it('language: 15 when the family speaks one of the child’s languages', () => {
    given(profile()).then('language', 15, "Speaks the child's ar", { code: 'language.speaks', params: { languages: ['ar'] } });
    given(profile({ languages: ['da'] }), needs({ languages: ['ar', 'so'] })).then('language', 0, "Speaks none of the child's languages (ar, so)", { code: 'language.speaks-none', params: { childLanguages: ['ar', 'so'] } });
    given(profile({ languages: ['da'] }), needs({ languages: [] })).then('language', 15, 'No language of the child named', { code: 'language.none-named', params: {} });
  });

  it('experience: over 3 years 10, 1–3 years 5, new 0', () => {
    given(profile({ experience: 'over-3-years' })).then('experience', 10, 'Approved for over 3 years', { code: 'experience.over-3-years', params: {} });
    given(profile({ experience: '1-3-years' })).then('experience', 5, 'Approved for 1–3 years', { code: 'experience.1-3-years', params: {} });
    given(profile({ experience: 'new' })).then('experience', 0, 'Newly approved (under a year)', { code: 'experience.new', params: {} });
  });

  it('siblings: with siblings to place, sibling experience gives 10', () => {
    given(profile({ freeCapacity: 3 }), needs({ siblings: 2 })).then('siblings', 10, 'Experienced with siblings; room for all 3 children', { code: 'siblings.experienced', params: { children: 3 } });
    given(profile({ freeCapacity: 3, competences: ['adhd'] }), needs({ siblings: 2 })).then('siblings', 0, 'Room for all 3 children, but no sibling experience', { code: 'siblings.no-experience', params: { children: 3 } });
    given(profile()).then('siblings', 10, 'No siblings to place together', { code: 'siblings.none', params: {} });
  });

  it('period: the request’s months checked against the profile’s free months, explained without points', () => {
    const placedUntilSeptember = profile({ availability: { weeks: [], patterns: ['weekends'], freePlaces: [{ from: '2026-06', to: '2026-06', places: 1 }, { from: '2026-10', places: 1 }] } });
    const fromOctober = needs({ schedule: { patterns: ['weekends'], period: { from: '2026-10-01', to: '2026-12-31' } } });
    given(placedUntilSeptember, fromOctober).then('period', 0, '1 place(s) needed and free in every month of 2026-10–2026-12 (free: 1 in 2026-06, 1 from 2026-10)', { code: 'period.free-throughout', params: { places: 1, from: '2026-10', to: '2026-12', free: [{ from: '2026-06', to: '2026-06', places: 1 }, { from: '2026-10', places: 1 }] } });
    const free = profile({ availability: { weeks: [], patterns: ['weekends'], freePlaces: [{ from: '2026-06', places: 2 }] } });
    const { match } = given(free);
    expect(match.criteria.at(-1)).toEqual({ criterion: 'period', points: 0, max: 0, explanation: '1 place(s) needed and free in every month of 2026-07–2026-12',
      reason: { code: 'period.free-throughout', params: { places: 1, from: '2026-07', to: '2026-12' } },
    });
    expect(match.score).toBe(given(profile()).match.score);
  });

  it('the score is the sum of the points, out of 100', () => {
    const { match } = given(profile());
    expect(match.criteria.map((c) => c.criterion)).toEqual(['competences', 'region', 'language', 'experience', 'siblings']);
    expect(match.criteria.reduce((sum, c) => sum + c.max, 0)).toBe(100);
    expect(match.score).toBe(27 + 25 + 15 + 5 + 10);
  });
});
