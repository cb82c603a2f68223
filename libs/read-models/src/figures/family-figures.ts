import type {
  ApprovalsExpiringFigure,
  AvailabilityFreshnessFigure,
  EmergencyCallsFigure,
  FigureGrouping,
  FigureRowOf,
  NewAssignmentWishesFigure,
  RecruitmentFunnelFigure,
  TimeToApprovalFigure,
} from '@familybank/contracts';
import { isoDate } from '@familybank/domain-core';
import { SOURCE_CHANNELS } from '@familybank/domain-family';
import { lastConfirmationIfAvailable, type FamilyFacts } from './family-facts.projection';
import { bucketsOf, dayStatistics, daysFrom, percent, plusDays, within, type Bucket, type Period } from './periods';

const columnsOf = (bucket: Bucket) => ({ period: bucket.label, periodStart: bucket.start, periodEnd: bucket.end });

/** One row per period, channel and source detail that brought leads; contacted and approved are what those leads reached by now. */
export function recruitmentFunnelRows(families: readonly FamilyFacts[], period: Period, grouping: FigureGrouping): Array<FigureRowOf<RecruitmentFunnelFigure>> {
  return bucketsOf(period, grouping).flatMap((bucket) => {
    const leads = families.filter((family) => within(family.registeredOn, bucket));
    const groups = new Map<string, FamilyFacts[]>();
    for (const lead of leads) {
      const key = JSON.stringify([lead.sourceChannel, lead.sourceDetail]);
      groups.set(key, [...(groups.get(key) ?? []), lead]);
    }
    const order = (family: FamilyFacts) => SOURCE_CHANNELS.indexOf(family.sourceChannel);
    return [...groups.values()]
      .sort(([a], [b]) => order(a!) - order(b!) || a!.sourceDetail.localeCompare(b!.sourceDetail))
      .map((group) => {
        const approved = group.filter((family) => family.approvedOn !== null).length;
        return {
          ...columnsOf(bucket),
          sourceChannel: group[0]!.sourceChannel,
          sourceDetail: group[0]!.sourceDetail,
          leads: group.length,
          contacted: group.filter((family) => family.firstContactOn !== null).length,
          approved,
          conversionPercent: percent(approved, group.length),
        };
      });
  });
}

export function timeToApprovalRows(families: readonly FamilyFacts[], period: Period, grouping: FigureGrouping): Array<FigureRowOf<TimeToApprovalFigure>> {
  return bucketsOf(period, grouping).map((bucket) => {
    const approved = families.filter((family) => within(family.approvedOn, bucket));
    // A family approved without a recorded first contact counts as approved, but has no duration.
    const durations = approved.filter((family) => family.firstContactOn !== null).map((family) => daysFrom(family.firstContactOn!, family.approvedOn!));
    const stats = dayStatistics(durations);
    return { ...columnsOf(bucket), approvals: approved.length, averageDaysFromFirstContact: stats.average, shortestDays: stats.shortest, longestDays: stats.longest };
  });
}

export function approvalsExpiringRows(families: readonly FamilyFacts[], period: Period, grouping: FigureGrouping): Array<FigureRowOf<ApprovalsExpiringFigure>> {
  const terms = families.flatMap((family) => family.approvals);
  return bucketsOf(period, grouping).map((bucket) => {
    const expiring = terms.filter((term) => within(term.validUntil, bucket));
    const outcome = (name: string) => expiring.filter((term) => term.outcome === name).length;
    return { ...columnsOf(bucket), expiring: expiring.length, current: outcome('current'), renewed: outcome('renewed'), expired: outcome('expired'), retired: outcome('retired') };
  });
}

/** Approvals in force whose valid-until date is today or within the next 90 days. */
export function expiringWithin90Days(families: readonly FamilyFacts[], now: Date): number {
  const today = isoDate(now);
  const last = plusDays(today, 90);
  return families.flatMap((family) => family.approvals).filter((term) => term.outcome === 'current' && term.validUntil >= today && term.validUntil <= last).length;
}

/** Counted on each period's last day, or today for the current one; periods after today are left out. */
export function availabilityFreshnessRows(
  families: readonly FamilyFacts[],
  period: Period,
  grouping: FigureGrouping,
  now: Date,
  staleAfterDays: number,
): Array<FigureRowOf<AvailabilityFreshnessFigure>> {
  const today = isoDate(now);
  return bucketsOf(period, grouping)
    .filter((bucket) => bucket.start <= today)
    .map((bucket) => {
      const asOf = bucket.end < today ? bucket.end : today;
      const ages = families.flatMap((family) => {
        const confirmed = lastConfirmationIfAvailable(family, asOf);
        return confirmed === null ? [] : [daysFrom(confirmed, asOf)];
      });
      const stale = ages.filter((age) => age > staleAfterDays).length;
      return { ...columnsOf(bucket), asOf, available: ages.length, fresh: ages.length - stale, stale, averageDaysSinceConfirmed: dayStatistics(ages).average, staleAfterDays };
    });
}

export function newAssignmentWishesRows(families: readonly FamilyFacts[], period: Period, grouping: FigureGrouping): Array<FigureRowOf<NewAssignmentWishesFigure>> {
  const endings = families.flatMap((family) => family.endings);
  return bucketsOf(period, grouping).map((bucket) => {
    const ended = endings.filter((ending) => within(ending.endedOn, bucket));
    const wantingNew = ended.filter((ending) => ending.wantsNewAssignment).length;
    return { ...columnsOf(bucket), assignmentsEnded: ended.length, wantingNew, notWantingNew: ended.length - wantingNew };
  });
}

export const familiesWaitingForNewAssignment = (families: readonly FamilyFacts[]): number => families.filter((family) => family.wantsNewAssignmentSince !== null).length;

export function emergencyCallsRows(families: readonly FamilyFacts[], period: Period, grouping: FigureGrouping): Array<FigureRowOf<EmergencyCallsFigure>> {
  return bucketsOf(period, grouping).map((bucket) => {
    const callers = families.map((family) => family.emergencyCalls.filter((on) => within(on, bucket)).length).filter((calls) => calls > 0);
    return { ...columnsOf(bucket), calls: callers.reduce((sum, calls) => sum + calls, 0), families: callers.length };
  });
}
