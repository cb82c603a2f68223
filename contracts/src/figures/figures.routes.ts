import { ALL_ROLES, csvOf, defineRoute, type ApiRoute } from '../route';
import { z } from '../zod';
import * as s from './figures.schemas';

interface FigureSpec {
  name: string;
  summary: string;
  description: string;
  schema: z.ZodType;
  row: z.ZodObject;
}

/** Every figure: GET /v1/figures/<name>?from&to&grouping, as JSON or (Accept: text/csv, ?format=csv) CSV. */
function figureRoute<const Name extends string>(operationId: Name, spec: FigureSpec) {
  return defineRoute({
    operationId,
    method: 'get',
    path: `/v1/figures/${spec.name}`,
    summary: spec.summary,
    description: `${spec.description} Rows are calendar periods (grouping month, quarter or year) of the period from–to; the same rows as text/csv with Accept: text/csv or ?format=csv. An unknown parameter, an unknown grouping or from after to is a 400.`,
    tag: 'Figures',
    roles: ALL_ROLES,
    query: s.FigureQuery,
    success: { status: 200, schema: spec.schema, description: `The figure for your municipality`, csv: csvOf(spec.row) },
    errors: [],
  } satisfies ApiRoute);
}

export const figureRoutes = {
  getRequestsWaitingFigure: figureRoute('getRequestsWaitingFigure', {
    name: 'requests-waiting',
    summary: 'Children waiting: requests open at the end of each period and days waited',
    description: 'Open requests counted on each period’s last day (today for the current period), with their days since opening. Default period: 1 January last year to today.',
    schema: s.RequestsWaitingFigure,
    row: s.RequestsWaitingRow,
  }),
  getRequestsFilledFigure: figureRoute('getRequestsFilledFigure', {
    name: 'requests-filled',
    summary: 'Requests opened and filled per period, and days to fill',
    description: 'Days to fill run from opening to the request being filled. Default period: 1 January last year to today.',
    schema: s.RequestsFilledFigure,
    row: s.RequestsFilledRow,
  }),
  getNetworkShareFigure: figureRoute('getNetworkShareFigure', {
    name: 'network-share',
    summary: 'Share of assignments from the child’s own network, against the target',
    description:
      'An assignment counts as from the network when its family is one of the request’s network candidates. The target is the node’s NETWORK_SHARE_TARGET_PERCENT (default 33) and is in every row. Default period: 1 January last year to today.',
    schema: s.NetworkShareFigure,
    row: s.NetworkShareRow,
  }),
  getRecruitmentFunnelFigure: figureRoute('getRecruitmentFunnelFigure', {
    name: 'recruitment-funnel',
    summary: 'Recruitment funnel per source channel: leads, contacted, approved, conversion',
    description: 'Leads are grouped by the period they registered in, their source channel and source detail; contacted and approved count what those leads reached by now. Default period: 1 January last year to today.',
    schema: s.RecruitmentFunnelFigure,
    row: s.RecruitmentFunnelRow,
  }),
  getTimeToApprovalFigure: figureRoute('getTimeToApprovalFigure', {
    name: 'time-to-approval',
    summary: 'Days from first contact to approval, per period of approval',
    description: 'From the first contact’s date to the approval’s date. Default period: 1 January last year to today.',
    schema: s.TimeToApprovalFigure,
    row: s.TimeToApprovalRow,
  }),
  getApprovalsExpiringFigure: figureRoute('getApprovalsExpiringFigure', {
    name: 'approvals-expiring',
    summary: 'Approvals by the period their valid-until date falls in, and what became of them',
    description: 'Default period: today and the next 90 days, i.e. the approvals expiring soon; a past period shows how many were renewed or expired.',
    schema: s.ApprovalsExpiringFigure,
    row: s.ApprovalsExpiringRow,
  }),
  getAvailabilityFreshnessFigure: figureRoute('getAvailabilityFreshnessFigure', {
    name: 'availability-freshness',
    summary: 'Available families on each period’s last day, and how fresh their availability was',
    description: 'Stale: not confirmed for more than AVAILABILITY_STALE_AFTER_DAYS. Default period: 1 January last year to today.',
    schema: s.AvailabilityFreshnessFigure,
    row: s.AvailabilityFreshnessRow,
  }),
  getNewAssignmentWishesFigure: figureRoute('getNewAssignmentWishesFigure', {
    name: 'new-assignment-wishes',
    summary: 'Ended assignments and whether the family wants a new one',
    description: 'Per period the assignment ended in; familiesWaitingNow counts families whose last ending asked for a new assignment. Default period: 1 January last year to today.',
    schema: s.NewAssignmentWishesFigure,
    row: s.NewAssignmentWishesRow,
  }),
  getEmergencyCallsFigure: figureRoute('getEmergencyCallsFigure', {
    name: 'emergency-calls',
    summary: 'Emergency-line calls per period',
    description: 'Counts calls recorded on the emergency line (POST /v1/families/{familyId}/emergency-calls) by the day received, and support records of kind emergency-call by their date. Default period: 1 January last year to today.',
    schema: s.EmergencyCallsFigure,
    row: s.EmergencyCallsRow,
  }),
} as const;
