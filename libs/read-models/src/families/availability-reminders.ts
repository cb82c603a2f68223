import type { AvailabilityReminder, AvailabilityReminders } from '@familybank/contracts';
import { daysBetween, isoDate, type IsoDate } from '@familybank/domain-core';

export interface StalenessPolicy {
  /** Availability last confirmed more than this many days ago is stale (the family leaves partners' pools). */
  staleAfterDays: number;
  /** Families are listed from this many days before their availability goes stale. */
  reminderDays: number;
}

const DAY_MS = 86_400_000;
const dayOf = (date: IsoDate) => new Date(`${date}T00:00:00Z`);
const addDays = (date: IsoDate, days: number): IsoDate => isoDate(new Date(dayOf(date).getTime() + days * DAY_MS));

/**
 * The first day on which availability confirmed on `confirmedOn` is stale: more than
 * `staleAfterDays` days after the confirmation (the same rule as the shared profile's isStale).
 */
export const staleOn = (confirmedOn: IsoDate, staleAfterDays: number): IsoDate => addDays(confirmedOn, staleAfterDays + 1);

/**
 * The latest confirmation date that is due for a reminder today: its staleOn is at most
 * `reminderDays` days away. Lets a query select the candidates before computing the rest.
 */
export const remindConfirmedOnOrBefore = (now: Date, policy: StalenessPolicy): IsoDate => addDays(isoDate(now), policy.reminderDays - policy.staleAfterDays - 1);

/** Available families whose availability is stale or goes stale within the reminder window, the most overdue first. */
export function availabilityReminders(
  families: ReadonlyArray<{ familyId: string; householdName: string; availabilityConfirmedOn: IsoDate }>,
  now: Date,
  policy: StalenessPolicy,
): AvailabilityReminders {
  const today = dayOf(isoDate(now));
  const items = families
    .map((family): AvailabilityReminder => {
      const on = staleOn(family.availabilityConfirmedOn, policy.staleAfterDays);
      const daysLeft = daysBetween(today, dayOf(on));
      return { familyId: family.familyId, householdName: family.householdName, confirmedOn: family.availabilityConfirmedOn, staleOn: on, daysLeft, stale: daysLeft <= 0 };
    })
    .filter((item) => item.daysLeft <= policy.reminderDays)
    .sort((a, b) => (a.staleOn === b.staleOn ? compare(a.familyId, b.familyId) : compare(a.staleOn, b.staleOn)));
  return { staleAfterDays: policy.staleAfterDays, reminderDays: policy.reminderDays, items };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
