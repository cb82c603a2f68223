import { availabilityReminders, remindConfirmedOnOrBefore } from '../../families/availability-reminders';
import { availableFamiliesProjection, type AvailabilityTracking } from '../../families/available-families.projection';
import { condition } from '../../search/where';
import type { WorklistRule } from '../worklist-rule';
import { noted } from '../worklist-notes';

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
      ...noted({ code: reminder.stale ? 'availability-stale.stale' : 'availability-stale.confirm', params: { confirmedOn: reminder.confirmedOn } }),
    }));
  },
};
