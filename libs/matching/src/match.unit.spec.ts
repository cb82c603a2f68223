import { matchCandidates, naiveMatch } from './match';
import { danishRegionDistance } from './region-distance';
import { TODAY, needs, profile, pseudonym } from './testing/fixtures';

const options = { limit: 20, today: TODAY };
const ranking = (matches: Array<{ pseudonym: string; score: number }>) => matches.map((match) => `${match.pseudonym.replace(/_+$/, '')}:${match.score}`);

describe('ranking', () => {
  it('given families of different fit, then the best comes first', () => {
    const pool = [
      profile({ pseudonym: pseudonym('far'), region: 'DK-84' }),
      profile({ pseudonym: pseudonym('near'), region: 'DK-83', experience: 'over-3-years' }),
      profile({ pseudonym: pseudonym('neighbour'), region: 'DK-85' }),
    ];
    expect(ranking(matchCandidates(needs(), pool, options))).toEqual(['near:87', 'neighbour:69', 'far:57']);
  });

  it('given a network family with a lower score, then it still comes first and says why', () => {
    const network = profile({ pseudonym: pseudonym('network'), region: 'DK-81', experience: 'new', competences: [] });
    const pool = [profile({ pseudonym: pseudonym('best'), experience: 'over-3-years' }), network];
    const matches = matchCandidates(needs({ networkCandidates: [network.pseudonym] }), pool, options);
    expect(matches.map((match) => [match.pseudonym.replace(/_+$/, ''), match.network])).toEqual([['network', true], ['best', false]]);
    expect(matches[0]!.criteria.at(-1)).toEqual({ criterion: 'network', points: 0, max: 0, explanation: "From the child's own network: ranked first", reason: { code: 'network.named', params: {} } });
  });

  it('given a network family registered for the request, then it comes first and the explanation names its relation', () => {
    const registered = profile({ pseudonym: pseudonym('grandma'), region: 'DK-81', experience: 'new', competences: [] });
    const pool = [profile({ pseudonym: pseudonym('best'), experience: 'over-3-years' }), registered];
    const networkFamilies = new Map([[registered.pseudonym, 'grandparent' as const]]);
    const matches = matchCandidates(needs(), pool, { ...options, networkFamilies });
    expect(matches.map((match) => [match.pseudonym.replace(/_+$/, ''), match.network])).toEqual([['grandma', true], ['best', false]]);
    expect(matches[0]!.criteria.at(-1)).toEqual({ criterion: 'network', points: 0, max: 0, explanation: "Registered from the child's network (grandparent) for this request: ranked first",
      reason: { code: 'network.registered', params: { relation: 'grandparent' } },
    });
    expect(naiveMatch(needs(), pool, { ...options, networkFamilies })).toEqual(matches);
  });

  it('given a network family that fails a hard filter, then it is not proposed', () => {
    const network = profile({ pseudonym: pseudonym('network'), careTypes: ['foster'] });
    expect(matchCandidates(needs({ networkCandidates: [network.pseudonym] }), [network], options)).toEqual([]);
  });

  it('given equal scores, then pseudonyms decide, whatever the input order', () => {
    const pool = ['delta', 'alpha', 'charlie', 'bravo'].map((name) => profile({ pseudonym: pseudonym(name) }));
    const expected = ['alpha:82', 'bravo:82', 'charlie:82', 'delta:82'];
    expect(ranking(matchCandidates(needs(), pool, options))).toEqual(expected);
    expect(ranking(matchCandidates(needs(), [...pool].reverse(), options))).toEqual(expected);
  });

  it('given more families than the limit, then only the best `limit` are returned', () => {
    const pool = Array.from({ length: 50 }, (_, n) => profile({ pseudonym: pseudonym(`f${String(n).padStart(2, '0')}`), region: n % 2 ? 'DK-83' : 'DK-81' }));
    const top = matchCandidates(needs(), pool, { ...options, limit: 3 });
    expect(ranking(top)).toEqual(['f01:82', 'f03:82', 'f05:82']);
    expect(matchCandidates(needs(), pool, { ...options, limit: 0 })).toEqual([]);
    expect(matchCandidates(needs(), [], options)).toEqual([]);
  });

  it('naiveMatch gives the same list', () => {
    const pool = Array.from({ length: 30 }, (_, n) => profile({ pseudonym: pseudonym(`f${n}`), region: `DK-8${1 + (n % 5)}`, experience: n % 3 ? 'new' : 'over-3-years' }));
    expect(naiveMatch(needs(), pool, { ...options, limit: 7 })).toEqual(matchCandidates(needs(), pool, { ...options, limit: 7 }));
  });
});

describe('Danish region distance', () => {
  it.each([
    ['DK-83', 'DK-83', 0],
    ['DK-81', 'DK-82', 1],
    ['DK-82', 'DK-81', 1],
    ['DK-82', 'DK-83', 1],
    ['DK-83', 'DK-85', 1],
    ['DK-85', 'DK-84', 1],
    ['DK-81', 'DK-83', 2],
    ['DK-82', 'DK-85', 2],
    ['DK-83', 'DK-84', 2],
    ['DK-84', 'SE-M', 2],
    ['XX-1', 'YY-2', 2],
  ] as const)('%s to %s is %d', (a, b, distance) => {
    expect(danishRegionDistance(a, b)).toBe(distance);
  });
});
