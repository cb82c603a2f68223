/**
 * Ranking a pool for a child's needs (DESIGN §6). Order: network families first, then score
 * descending, then pseudonym and municipality ascending (code-unit order, not locale), so equal
 * inputs always give the same list.
 *
 * matchCandidates is built for a pool of 100,000 profiles answered in milliseconds: the needs are
 * prepared once, each candidate costs a few lookups and no allocation, only a bounded top-k
 * (sorted array of at most `limit` entries) is kept instead of sorting the pool, and explanations
 * are written only for the winners. naiveMatch does the obvious thing and is the baseline.
 */
import type { ChildNeeds, SharedProfile } from '@familybank/contracts';
import { passesHardFilters } from './hard-filters';
import { prepareNeeds, type PreparedNeeds } from './prepared-needs';
import { explainScore, scoreOf } from './scoring';
import type { Match, MatchOptions } from './types';

interface Ranked {
  candidate: SharedProfile;
  network: boolean;
  score: number;
}

/** Whether a ranks before b. */
function ranksBefore(a: Ranked, b: Ranked): boolean {
  if (a.network !== b.network) return a.network;
  if (a.score !== b.score) return a.score > b.score;
  if (a.candidate.pseudonym !== b.candidate.pseudonym) return a.candidate.pseudonym < b.candidate.pseudonym;
  return a.candidate.municipality < b.candidate.municipality;
}

/** Same order as ranksBefore, as a comparator for Array.sort. */
export function compareMatches(a: Match, b: Match): number {
  if (a.network !== b.network) return a.network ? -1 : 1;
  if (a.score !== b.score) return b.score - a.score;
  if (a.pseudonym !== b.pseudonym) return a.pseudonym < b.pseudonym ? -1 : 1;
  return a.municipality < b.municipality ? -1 : a.municipality > b.municipality ? 1 : 0;
}

function toMatch(needs: PreparedNeeds, ranked: Ranked): Match {
  const { candidate, network, score } = ranked;
  return { pseudonym: candidate.pseudonym, municipality: candidate.municipality, score, network, criteria: explainScore(needs, candidate, network) };
}

/** The best `limit` candidates that pass every hard filter, best first, with explanations. */
export function matchCandidates(needs: ChildNeeds, candidates: readonly SharedProfile[], options: MatchOptions): Match[] {
  const limit = Math.floor(options.limit);
  if (!(limit > 0)) return [];
  const prepared = prepareNeeds(needs, options);
  // Kept sorted best first; a probe object is reused so losers allocate nothing.
  const best: Ranked[] = [];
  const probe: Ranked = { candidate: candidates[0]!, network: false, score: 0 };
  for (const candidate of candidates) {
    if (!passesHardFilters(prepared, candidate)) continue;
    probe.candidate = candidate;
    probe.network = prepared.network.has(candidate.pseudonym);
    probe.score = scoreOf(prepared, candidate);
    if (best.length === limit && !ranksBefore(probe, best[limit - 1]!)) continue;
    let at = best.length;
    while (at > 0 && ranksBefore(probe, best[at - 1]!)) at--;
    best.splice(at, 0, { candidate, network: probe.network, score: probe.score });
    if (best.length > limit) best.pop();
  }
  return best.map((ranked) => toMatch(prepared, ranked));
}

/** The baseline: filter, score and explain every candidate, sort them all, take `limit`. */
export function naiveMatch(needs: ChildNeeds, candidates: readonly SharedProfile[], options: MatchOptions): Match[] {
  const prepared = prepareNeeds(needs, options);
  return candidates
    .filter((candidate) => passesHardFilters(prepared, candidate))
    .map((candidate) => toMatch(prepared, { candidate, network: prepared.network.has(candidate.pseudonym), score: scoreOf(prepared, candidate) }))
    .sort(compareMatches)
    .slice(0, Math.max(0, Math.floor(options.limit)));
}
