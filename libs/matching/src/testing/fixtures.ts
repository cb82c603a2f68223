import type { ChildNeeds, SharedProfile } from '@familybank/contracts';

export const TODAY = '2026-06-15';

/** A pseudonym of the contract's shape, readable in test output. */
export const pseudonym = (name: string) => name.padEnd(22, '_');

/** An 8-year-old who speaks Arabic, needing weekend respite in Syddanmark from July to December. */
export const needs = (overrides: Partial<ChildNeeds> = {}): ChildNeeds => ({
  careType: 'respite',
  childAge: 8,
  siblings: 0,
  requiredCompetences: [],
  wishedCompetences: ['adhd', 'siblings', 'trauma'],
  languages: ['ar'],
  schedule: { patterns: ['weekends'], period: { from: '2026-07-01', to: '2026-12-31' } },
  region: 'DK-83',
  networkExplored: true,
  networkCandidates: [],
  startDate: '2026-07-01',
  ...overrides,
});

/** A family that passes every hard filter of `needs()`. */
export const profile = (overrides: Partial<SharedProfile> = {}): SharedProfile => ({
  pseudonym: pseudonym('family'),
  municipality: '0630',
  region: 'DK-83',
  careTypes: ['respite'],
  freeCapacity: 1,
  ageRange: { min: 4, max: 12 },
  competences: ['adhd', 'siblings'],
  languages: ['da', 'ar'],
  availability: { weeks: [], patterns: ['weekends'] },
  availabilityConfirmed: '2026-05',
  approvalValidUntil: '2027-03',
  experience: '1-3-years',
  version: 1,
  ...overrides,
});
