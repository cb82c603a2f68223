import type { WorklistItem, WorklistKind } from '@familybank/contracts';
import { isoDate, type IsoDate } from '@familybank/domain-core';
import type { StalenessPolicy } from '../families/availability-reminders';
import type { Where } from '../search/where';

/** What a rule finds: the item without what the worklist adds to every item (overdue, assignee). */
export type WorklistEntry = Omit<WorklistItem, 'overdue' | 'assignee'>;

/** When things fall due; the defaults are the documented ones, the rest comes from the configuration. */
export interface WorklistPolicy {
  firstContactDueWorkingDays: number;
  checkAssessmentDueDays: number;
  approvalExpiryWindowDays: number;
  availability: StalenessPolicy;
  acceptanceFollowUpDays: number;
}

export const WORKLIST_POLICY_DEFAULTS = { checkAssessmentDueDays: 7, approvalExpiryWindowDays: 90, acceptanceFollowUpDays: 2 } as const;

export interface WorklistContext {
  now: Date;
  today: IsoDate;
  policy: WorklistPolicy;
}

/**
 * The read models of one municipality, as a rule sees them. `narrowing` is only a pre-filter the
 * store may apply to read less (an SQL condition over the document); a rule decides on what it
 * gets as if nothing had been narrowed, so the same rule runs over a plain list in its tests.
 */
export interface WorklistSource {
  documents<Doc>(collection: string, narrowing?: Where): Doc[];
}

/** One kind of reminder: a pure function of the read models and the day. Adding a kind is adding a rule. */
export interface WorklistRule {
  kind: WorklistKind;
  items(source: WorklistSource, context: WorklistContext): WorklistEntry[];
}

const DAY_MS = 86_400_000;

export const addDays = (date: IsoDate, days: number): IsoDate => isoDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS));

/** The `count`th Monday–Friday after `date` (the day `workingDaysBetween(date, ·)` reaches `count`). */
export function addWorkingDays(date: IsoDate, count: number): IsoDate {
  let day = date;
  for (let left = count; left > 0; ) {
    day = addDays(day, 1);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return day;
}
