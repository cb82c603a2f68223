import type { RegionDistanceFn } from './region-distance';

export type Criterion = 'competences' | 'region' | 'language' | 'experience' | 'siblings' | 'network' | 'period';

export interface CriterionScore {
  criterion: Criterion;
  points: number;
  max: number;
  /** For the caseworker, in English, e.g. "2 of 3 wished competences: adhd, siblings". */
  explanation: string;
}

export interface Match {
  pseudonym: string;
  municipality: string;
  /** 0–100, the sum of the criteria's points. */
  score: number;
  /** Named by the requester as from the child's own network: ranked before everyone else. */
  network: boolean;
  criteria: CriterionScore[];
}

export interface MatchOptions {
  limit: number;
  /** ISO date of today, the caller's clock: the engine reads none. */
  today: string;
  regionDistance?: RegionDistanceFn;
}

export type HardFilter = 'care-type' | 'capacity' | 'age' | 'approval' | 'required-competences' | 'availability';

export interface Exclusion {
  filter: HardFilter;
  explanation: string;
}
