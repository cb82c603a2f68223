/**
 * A child's needs turned, once per request, into what each candidate is checked against: sets,
 * weeks and months instead of arrays and dates, so the per-candidate work is only lookups.
 */
import type { ChildNeeds } from '@familybank/contracts';
import type { AvailabilityPattern, CareType, Competence, NetworkRelation } from '@familybank/domain-family';
import { isoWeekOf, monthOf } from './calendar';
import { danishRegionDistance, type RegionDistance } from './region-distance';
import type { MatchOptions } from './types';

export interface PreparedNeeds {
  careType: CareType;
  region: string;
  childAge: number;
  siblings: number;
  /** The child and its siblings: the places a family must have free. */
  places: number;
  required: readonly Competence[];
  /** Wished competences, without duplicates. */
  wished: readonly Competence[];
  languages: ReadonlySet<string>;
  periodFromWeek: string;
  periodToWeek: string;
  /** The months the places must be free in: from the later of this month and the period's start. */
  periodFromMonth: string;
  periodToMonth: string;
  patterns: readonly AvailabilityPattern[];
  /** The approval must still be valid in this month (see hard-filters). */
  approvalMonth: string;
  network: ReadonlySet<string>;
  /** Network families registered for the request, with their relation to the child. */
  networkFamilies: ReadonlyMap<string, NetworkRelation>;
  /** Distance from the child's region, memoized per region: a pool has few regions, many families. */
  distanceTo(region: string): RegionDistance;
}

export function prepareNeeds(needs: ChildNeeds, options: Pick<MatchOptions, 'today' | 'regionDistance' | 'networkFamilies'>): PreparedNeeds {
  const regionDistance = options.regionDistance ?? danishRegionDistance;
  const distances = new Map<string, RegionDistance>();
  const startsOn = needs.startDate > options.today ? needs.startDate : options.today;
  return {
    careType: needs.careType,
    region: needs.region,
    childAge: needs.childAge,
    siblings: needs.siblings,
    places: 1 + needs.siblings,
    required: [...new Set(needs.requiredCompetences)],
    wished: [...new Set(needs.wishedCompetences)],
    languages: new Set(needs.languages),
    periodFromWeek: isoWeekOf(needs.schedule.period.from),
    periodToWeek: isoWeekOf(needs.schedule.period.to),
    periodFromMonth: laterOf(monthOf(needs.schedule.period.from), monthOf(options.today)),
    periodToMonth: monthOf(needs.schedule.period.to),
    patterns: [...new Set(needs.schedule.patterns)],
    approvalMonth: monthOf(startsOn),
    network: new Set([...needs.networkCandidates, ...(options.networkFamilies?.keys() ?? [])]),
    networkFamilies: options.networkFamilies ?? new Map(),
    distanceTo(region) {
      let distance = distances.get(region);
      if (distance === undefined) {
        distance = regionDistance(needs.region, region);
        distances.set(region, distance);
      }
      return distance;
    },
  };
}

const laterOf = (a: string, b: string) => (a > b ? a : b);
