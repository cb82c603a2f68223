/**
 * Matching latency: a partner pool of `profiles` shared profiles (deterministic pseudo-random),
 * `requests` different child needs, each ranked for the top 20 with explanations. Baseline in the
 * same run and on the same inputs: naiveMatch (filter, score and explain every family, sort all).
 * Goal: p99 ≤ 20 ms for 100,000 profiles.
 */
import { performance } from 'node:perf_hooks';
import type { ChildNeeds, SharedProfile } from '../../contracts/src';
import { AVAILABILITY_PATTERNS, COMPETENCES } from '../../libs/domain/family/src/vocabulary';
import { matchCandidates, naiveMatch } from '../../libs/matching/src';
import type { BenchResult } from './event-store.bench';

const LIMIT = 20;
const TODAY = '2026-06-15';
const WARM_UP = 10;
const REGIONS = ['DK-81', 'DK-82', 'DK-83', 'DK-84', 'DK-85', 'SE-AB', 'SE-M'];
const LANGUAGES = ['da', 'sv', 'en', 'ar', 'so', 'de', 'uk', 'fa', 'tr', 'pl'];
const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** mulberry32: small, fast and the same sequence on every machine, so runs compare. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(values: readonly T[]): T => values[int(0, values.length - 1)]!;
  const some = <T>(values: readonly T[], chance: number): T[] => values.filter(() => next() < chance);
  return { next, int, pick, some };
}
type Random = ReturnType<typeof random>;

const week = (n: number) => (n <= 53 ? `2026-W${String(n).padStart(2, '0')}` : `2027-W${String(n - 53).padStart(2, '0')}`);
const dateIn2026Or2027 = (r: Random) => new Date(Date.UTC(2026, 5, 15) + r.int(0, 540) * 86_400_000).toISOString().slice(0, 10);

function profile(r: Random, index: number): SharedProfile {
  const min = r.int(0, 10);
  const weeks = Array.from({ length: r.int(0, 3) }, () => {
    const from = r.int(24, 100);
    return { from: week(from), to: week(Math.min(104, from + r.int(0, 12))) };
  });
  return {
    pseudonym: Array.from({ length: 43 }, () => r.pick([...BASE64URL])).join('') + index.toString(36),
    municipality: r.pick(['0630', '0101', '0265', '0851', '1280']),
    region: r.pick(REGIONS),
    careTypes: r.next() < 0.6 ? ['respite', ...(r.next() < 0.3 ? (['contact'] as const) : [])] : [r.pick(['foster', 'emergency', 'contact'] as const)],
    freeCapacity: r.int(0, 3),
    ageRange: { min, max: r.int(min, 17) },
    competences: r.some(COMPETENCES, 0.25),
    languages: ['da', ...r.some(LANGUAGES.slice(1), 0.15)],
    availability: { weeks, patterns: r.some(AVAILABILITY_PATTERNS, 0.4) },
    availabilityConfirmed: r.pick(['2026-03', '2026-04', '2026-05', '2026-06']),
    approvalValidUntil: `${r.pick(['2026', '2027', '2028'])}-${String(r.int(1, 12)).padStart(2, '0')}`,
    experience: r.pick(['new', '1-3-years', 'over-3-years'] as const),
    version: r.int(0, 50),
  };
}

function needs(r: Random, pool: readonly SharedProfile[]): ChildNeeds {
  const [from, to] = [dateIn2026Or2027(r), dateIn2026Or2027(r)].sort() as [string, string];
  return {
    careType: r.next() < 0.6 ? 'respite' : r.pick(['foster', 'emergency', 'contact'] as const),
    childAge: r.int(0, 17),
    siblings: r.next() < 0.7 ? 0 : r.int(1, 2),
    requiredCompetences: r.next() < 0.5 ? [] : [r.pick(COMPETENCES)],
    wishedCompetences: r.some(COMPETENCES, 0.2),
    languages: r.some(LANGUAGES, 0.2),
    schedule: { patterns: r.next() < 0.3 ? [] : r.some(AVAILABILITY_PATTERNS, 0.5), period: { from, to } },
    region: r.pick(REGIONS.slice(0, 5)),
    networkExplored: true,
    networkCandidates: Array.from({ length: r.int(0, 2) }, () => r.pick(pool).pseudonym),
    startDate: from,
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function timeEach(requests: readonly ChildNeeds[], pool: readonly SharedProfile[], match: typeof matchCandidates): number[] {
  for (const request of requests.slice(0, WARM_UP)) match(request, pool, { limit: LIMIT, today: TODAY });
  const latencies = requests.map((request) => {
    const start = performance.now();
    match(request, pool, { limit: LIMIT, today: TODAY });
    return performance.now() - start;
  });
  return latencies.sort((a, b) => a - b);
}

export async function benchMatching(opts: { profiles: number; requests: number }): Promise<BenchResult[]> {
  const r = random(20261127);
  const pool = Array.from({ length: opts.profiles }, (_, index) => profile(r, index));
  const requests = Array.from({ length: opts.requests }, () => needs(r, pool));

  // The two must agree, or the comparison means nothing.
  for (const request of requests.slice(0, 5)) {
    const options = { limit: LIMIT, today: TODAY };
    if (JSON.stringify(matchCandidates(request, pool, options)) !== JSON.stringify(naiveMatch(request, pool, options))) {
      throw new Error('matchCandidates and naiveMatch disagree');
    }
  }
  const fast = timeEach(requests, pool, matchCandidates);
  const naive = timeEach(requests, pool, naiveMatch);
  const round = (ms: number) => Math.round(ms * 100) / 100;
  const size = `top ${LIMIT} of ${opts.profiles.toLocaleString('en')} profiles, ${opts.requests} requests`;
  return [
    { name: `matchCandidates p50, ${size}`, value: round(percentile(fast, 50)), unit: 'ms', baseline: `naiveMatch p50: ${round(percentile(naive, 50))} ms` },
    { name: `matchCandidates p99, ${size}`, value: round(percentile(fast, 99)), unit: 'ms', baseline: `goal <= 20 ms; naiveMatch p99: ${round(percentile(naive, 99))} ms` },
    { name: `naiveMatch p50 (baseline: filter, explain all, full sort)`, value: round(percentile(naive, 50)), unit: 'ms' },
    { name: `naiveMatch p99 (baseline)`, value: round(percentile(naive, 99)), unit: 'ms' },
  ];
}
