import type { Pipeline } from '@familybank/contracts';
import { daysBetween, workingDaysBetween } from '@familybank/domain-core';
import { FAMILY_STAGES, SOURCE_CHANNELS } from '@familybank/domain-family';
import type { PipelineEntry } from './recruitment-pipeline.projection';

/** Aggregates pipeline entries as of `now`; pure, so the same numbers come from any store. */
export function pipelineReport(municipality: string, entries: readonly PipelineEntry[], now: Date, firstContactDueWithinWorkingDays: number): Pipeline {
  const stages = FAMILY_STAGES.map((stage) => {
    const days = entries.filter((entry) => entry.stage === stage).map((entry) => daysBetween(new Date(entry.stageSince), now));
    const total = days.reduce((sum, value) => sum + value, 0);
    return { stage, count: days.length, averageDaysInStage: days.length ? Math.round((total / days.length) * 10) / 10 : 0, maxDaysInStage: days.length ? Math.max(...days) : 0 };
  });
  const channels = SOURCE_CHANNELS.map((channel) => {
    const leads = entries.filter((entry) => entry.sourceChannel === channel);
    return { channel, leads: leads.length, approved: leads.filter((entry) => entry.reachedApproval).length };
  });
  const firstContactOverdue = entries
    .filter((entry) => entry.stage === 'lead')
    .map((entry) => ({
      familyId: entry.familyId,
      householdName: entry.householdName,
      registeredAt: entry.registeredAt,
      workingDaysWaiting: workingDaysBetween(new Date(entry.registeredAt), now),
    }))
    .filter((entry) => entry.workingDaysWaiting > firstContactDueWithinWorkingDays)
    .sort((a, b) => b.workingDaysWaiting - a.workingDaysWaiting);
  return { municipality, asOf: now.toISOString(), stages, channels, firstContactDueWithinWorkingDays, firstContactOverdue };
}
