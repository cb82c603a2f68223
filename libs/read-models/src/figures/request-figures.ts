import type { FigureGrouping, FigureRowOf, NetworkShareFigure, RequestsFilledFigure, RequestsWaitingFigure } from '@familybank/contracts';
import { isoDate, type IsoDate } from '@familybank/domain-core';
import { bucketsOf, dayStatistics, daysFrom, percent, within, type Bucket, type Period } from './periods';
import { waitingOn, type RequestFacts } from './request-facts.projection';

const columnsOf = (bucket: Bucket) => ({ period: bucket.label, periodStart: bucket.start, periodEnd: bucket.end });

/** Requests open on a day, and how long each had waited by then. */
function waitingStatistics(requests: readonly RequestFacts[], day: IsoDate) {
  return dayStatistics(requests.filter((request) => waitingOn(request, day)).map((request) => daysFrom(request.openedOn, day)));
}

/** Counted on each period's last day, or today for the current one; periods after today have no count yet and are left out. */
export function requestsWaitingRows(requests: readonly RequestFacts[], period: Period, grouping: FigureGrouping, now: Date): Array<FigureRowOf<RequestsWaitingFigure>> {
  const today = isoDate(now);
  return bucketsOf(period, grouping)
    .filter((bucket) => bucket.start <= today)
    .map((bucket) => {
      const asOf = bucket.end < today ? bucket.end : today;
      const waiting = waitingStatistics(requests, asOf);
      return { ...columnsOf(bucket), asOf, waiting: waiting.count, averageDaysWaiting: waiting.average, longestDaysWaiting: waiting.longest };
    });
}

export function waitingNow(requests: readonly RequestFacts[], now: Date): RequestsWaitingFigure['waitingNow'] {
  const waiting = waitingStatistics(requests, isoDate(now));
  return { count: waiting.count, averageDays: waiting.average, longestDays: waiting.longest };
}

export function requestsFilledRows(requests: readonly RequestFacts[], period: Period, grouping: FigureGrouping): Array<FigureRowOf<RequestsFilledFigure>> {
  return bucketsOf(period, grouping).map((bucket) => {
    const filled = requests.filter((request) => within(request.filledOn, bucket));
    const toFill = dayStatistics(filled.map((request) => daysFrom(request.openedOn, request.filledOn!)));
    return {
      ...columnsOf(bucket),
      opened: requests.filter((request) => within(request.openedOn, bucket)).length,
      filled: filled.length,
      averageDaysToFill: toFill.average,
      longestDaysToFill: toFill.longest,
    };
  });
}

export function networkShareRows(requests: readonly RequestFacts[], period: Period, grouping: FigureGrouping, targetPercent: number): Array<FigureRowOf<NetworkShareFigure>> {
  const assignments = requests.flatMap((request) => request.assignments);
  return bucketsOf(period, grouping).map((bucket) => {
    const confirmed = assignments.filter((assignment) => within(assignment.confirmedOn, bucket));
    const fromNetwork = confirmed.filter((assignment) => assignment.fromNetwork).length;
    return { ...columnsOf(bucket), assignments: confirmed.length, fromNetwork, sharePercent: percent(fromNetwork, confirmed.length), targetPercent };
  });
}
