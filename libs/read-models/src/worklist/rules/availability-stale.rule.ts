import { availabilityReminders, remindConfirmedOnOrBefore } from '../../families/availability-reminders';
import { availableFamiliesProjection, type AvailabilityTracking } from '../../families/available-families.projection';
import { condition } from '../../search/where';
import type { WorklistRule } from '../worklist-rule';

/** The same families and days as GET /v1/availability-reminders: one rule, two views. */
export const availabilityStaleRule: WorklistRule = {
  kind: 'availability-stale',
  items(source, { now, policy }) {
    const narrowing = condition(`json_extract(body, '$.available.availabilityConfirmedOn') <= ?`, remindConfirmedOnOrBefore(now, policy.availability));
    const available = source
      .documents<AvailabilityTracking>(availableFamiliesProjection.collection, narrowing)
      .flatMap((tracking) => (tracking.available ? [tracking.available] : []));
    return availabilityReminders(available, now, policy.availability).items.map((reminder) => ({
      kind: 'availability-stale',
      dueOn: reminder.staleOn,
      subject: { type: 'family', id: reminder.familyId, name: reminder.householdName },
      note: reminder.stale
        ? `Availability confirmed on ${reminder.confirmedOn} is stale: the family is out of partners’ pools until it is confirmed`
        : `Ask the family to confirm its availability (confirmed on ${reminder.confirmedOn}) before it goes stale`,
    }));
  },
};
