import type { ExclusionReason, MatchReason } from '@familybank/contracts';
import type { NetworkRelation } from '@familybank/domain-family';
import type { RegionDistanceFn } from './region-distance';

export type Criterion = 'competences' | 'region' | 'language' | 'experience' | 'siblings' | 'network' | 'period';

export interface CriterionScore {
  criterion: Criterion;
  points: number;
  max: number;
  /** For the caseworker, in English, e.g. "2 of 3 wished competences: adhd, siblings". */
  explanation: string;
  /** The same as a code with its params, for clients that write it in their own language. */
  reason: MatchReason;
}

export interface Match {
  pseudonym: string;
  municipality: string;
  /** 0–100, the sum of the criteria's points. */
  score: number;
  /** From the child's own network (named by the requester, or registered for this request): ranked before everyone else. */
  network: boolean;
  criteria: CriterionScore[];
}

export interface MatchOptions {
  limit: number;
  /** ISO date of today, the caller's clock: the engine reads none. */
  today: string;
  regionDistance?: RegionDistanceFn;
  /**
   * Network families registered for this request (inside the municipality only), by pseudonym,
   * with how each is related to the child: ranked first like named network candidates, and said so.
   */
  networkFamilies?: ReadonlyMap<string, NetworkRelation>;
}

export type HardFilter = 'care-type' | 'capacity' | 'age' | 'approval' | 'required-competences' | 'availability';

export interface Exclusion {
  filter: HardFilter;
  explanation: string;
  reason: ExclusionReason;
}
