/** Why a family called the 24-hour emergency line (seed 004: conflicts with the child, here-and-now advice). */
export const EMERGENCY_CALL_CATEGORIES = [
  'conflict-with-child',
  'self-harm-or-violence',
  'child-missing',
  'health',
  'birth-family-contact',
  'family-crisis',
  'advice',
  'other',
] as const;
export type EmergencyCallCategory = (typeof EMERGENCY_CALL_CATEGORIES)[number];

/** Individual supervision is one family; group supervision several families of the municipality (seed 004). */
export const SUPERVISION_FORMATS = ['individual', 'group'] as const;
export type SupervisionFormat = (typeof SUPERVISION_FORMATS)[number];

export const GOAL_STATUSES = ['open', 'achieved', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** Bounds that keep each aggregate's state and document small. */
export const MAX_GROUP_FAMILIES = 40;
export const MAX_COURSE_CAPACITY = 100;
export const MAX_COURSE_SESSIONS = 40;
export const MAX_CALL_MINUTES = 600;
