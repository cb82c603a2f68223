import { assertNever, type DecisionContext, type Message } from '@familybank/domain-core';

/**
 * Which of our shared profiles a partner's caseworkers were shown, as the partner (the viewer)
 * reported it: on the owner's stream `views-reported-<own>-<viewer>`. One report per message:
 * the command id derives from the message id, so a redelivered report is recognised.
 */
export const REPORTED_VIEWS_STREAM_PREFIX = 'views-reported-';

export const reportedViewsStreamId = (own: string, viewer: string) => `${REPORTED_VIEWS_STREAM_PREFIX}${own}-${viewer}`;

export interface ProfileViewsReport {
  viewer: string;
  /** The viewer's message: the views projection counts each report once. */
  messageId: string;
  pseudonyms: string[];
  viewedAt: string;
}

export type ReportedViewsCommand = Message<'RecordProfileViews', ProfileViewsReport>;
export type ReportedViewsEvent = Message<'ProfileViewsReported', ProfileViewsReport>;

export interface ReportedViewsState {
  reports: number;
  /** Families already reported as viewed, per day (UTC) of the view, for the latest days only. */
  seen: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Days of views remembered for coalescing; a report of an older day is recorded as it comes. */
export const COALESCED_DAYS = 7;

const dayOf = (instant: string) => instant.slice(0, 10);

/**
 * Coalesced like the viewer's own record (one view per viewer, family and day): a family this
 * viewer was already reported to have seen that day is not recorded again, so a partner that
 * reports every read, or the same read in several messages, cannot flood our log.
 */
export function decideReportedViews(command: ReportedViewsCommand, state: ReportedViewsState, context: DecisionContext & { municipality: string }): ReportedViewsEvent[] {
  switch (command.type) {
    case 'RecordProfileViews': {
      const already = state.seen.get(dayOf(command.data.viewedAt));
      const pseudonyms = [...new Set(command.data.pseudonyms)].filter((pseudonym) => !already?.has(pseudonym));
      // Our own caseworkers reading our own families are no views of partners.
      if (command.data.viewer === context.municipality || pseudonyms.length === 0) return [];
      return [{ type: 'ProfileViewsReported', data: { ...command.data, pseudonyms } }];
    }
    default:
      return assertNever(command.type);
  }
}

export function evolveReportedViews(state: ReportedViewsState, event: ReportedViewsEvent): ReportedViewsState {
  const day = dayOf(event.data.viewedAt);
  const seen = new Map(state.seen);
  seen.set(day, new Set([...(seen.get(day) ?? []), ...event.data.pseudonyms]));
  const latest = [...seen.keys()].sort().slice(-COALESCED_DAYS);
  return { reports: state.reports + 1, seen: new Map(latest.map((kept) => [kept, seen.get(kept)!])) };
}

export const reportedViewsDecider = {
  decide: decideReportedViews,
  evolve: evolveReportedViews,
  initialState: (): ReportedViewsState => ({ reports: 0, seen: new Map() }),
};
