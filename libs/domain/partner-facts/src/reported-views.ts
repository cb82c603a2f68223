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
}

export function decideReportedViews(command: ReportedViewsCommand, _state: ReportedViewsState, context: DecisionContext & { municipality: string }): ReportedViewsEvent[] {
  switch (command.type) {
    case 'RecordProfileViews': {
      const pseudonyms = [...new Set(command.data.pseudonyms)];
      // Our own caseworkers reading our own families are no views of partners.
      if (command.data.viewer === context.municipality || pseudonyms.length === 0) return [];
      return [{ type: 'ProfileViewsReported', data: { ...command.data, pseudonyms } }];
    }
    default:
      return assertNever(command.type);
  }
}

export const reportedViewsDecider = {
  decide: decideReportedViews,
  evolve: (state: ReportedViewsState, _event: ReportedViewsEvent): ReportedViewsState => ({ reports: state.reports + 1 }),
  initialState: (): ReportedViewsState => ({ reports: 0 }),
};
