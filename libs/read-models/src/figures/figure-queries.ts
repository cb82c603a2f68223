import type {
  ApprovalsExpiringFigure,
  AvailabilityFreshnessFigure,
  EmergencyCallsFigure,
  EmergencyCallView,
  FigureGrouping,
  NetworkShareFigure,
  NewAssignmentWishesFigure,
  RecruitmentFunnelFigure,
  RequestsFilledFigure,
  RequestsWaitingFigure,
  TimeToApprovalFigure,
} from '@familybank/contracts';
import type { IsoDate } from '@familybank/domain-core';
import type { DocumentStore } from '../document-store';
import { familyFactsProjection, type FamilyFacts } from './family-facts.projection';
import * as families from './family-figures';
import { resolvePeriod, type Period } from './periods';
import * as requests from './request-figures';
import { requestFactsProjection, type RequestFacts } from './request-facts.projection';
import { withEmergencyLineCalls } from '../support/emergency-calls-figure';
import { emergencyCallsProjection } from '../support/emergency-calls.projection';

export interface FigureRequest {
  from?: IsoDate;
  to?: IsoDate;
  grouping: FigureGrouping;
}

export interface FigurePolicy {
  /** The share of assignments from the child's network the municipality aims for, in percent. */
  networkShareTargetPercent: number;
  /** Availability not confirmed for longer than this is stale. */
  staleAfterDays: number;
}

/** How far ahead the approvals-expiring figure looks by default. */
export const EXPIRING_DEFAULT_DAYS = 90;

/**
 * The figures of one municipality over time, as of the clock's now. Each reads one projection's
 * documents of the caller's municipality and folds them with a pure function of ./*-figures.
 */
export class FigureQueries {
  constructor(
    private readonly documents: DocumentStore,
    private readonly clock: () => Date,
    private readonly policy: FigurePolicy,
  ) {}

  requestsWaiting(municipality: string, query: FigureRequest): RequestsWaitingFigure {
    const { now, period, all } = this.requestsOf(municipality, query);
    return { ...this.envelope('requests-waiting', municipality, now, period, query), waitingNow: requests.waitingNow(all, now), rows: requests.requestsWaitingRows(all, period, query.grouping, now) };
  }

  requestsFilled(municipality: string, query: FigureRequest): RequestsFilledFigure {
    const { now, period, all } = this.requestsOf(municipality, query);
    return { ...this.envelope('requests-filled', municipality, now, period, query), rows: requests.requestsFilledRows(all, period, query.grouping) };
  }

  networkShare(municipality: string, query: FigureRequest): NetworkShareFigure {
    const { now, period, all } = this.requestsOf(municipality, query);
    const targetPercent = this.policy.networkShareTargetPercent;
    return { ...this.envelope('network-share', municipality, now, period, query), targetPercent, rows: requests.networkShareRows(all, period, query.grouping, targetPercent) };
  }

  recruitmentFunnel(municipality: string, query: FigureRequest): RecruitmentFunnelFigure {
    const { now, period, all } = this.familiesOf(municipality, query);
    return { ...this.envelope('recruitment-funnel', municipality, now, period, query), rows: families.recruitmentFunnelRows(all, period, query.grouping) };
  }

  timeToApproval(municipality: string, query: FigureRequest): TimeToApprovalFigure {
    const { now, period, all } = this.familiesOf(municipality, query);
    return { ...this.envelope('time-to-approval', municipality, now, period, query), rows: families.timeToApprovalRows(all, period, query.grouping) };
  }

  approvalsExpiring(municipality: string, query: FigureRequest): ApprovalsExpiringFigure {
    const { now, period, all } = this.familiesOf(municipality, query, { aheadDays: EXPIRING_DEFAULT_DAYS });
    return {
      ...this.envelope('approvals-expiring', municipality, now, period, query),
      expiringWithin90Days: families.expiringWithin90Days(all, now),
      rows: families.approvalsExpiringRows(all, period, query.grouping),
    };
  }

  availabilityFreshness(municipality: string, query: FigureRequest): AvailabilityFreshnessFigure {
    const { now, period, all } = this.familiesOf(municipality, query);
    const { staleAfterDays } = this.policy;
    return {
      ...this.envelope('availability-freshness', municipality, now, period, query),
      staleAfterDays,
      rows: families.availabilityFreshnessRows(all, period, query.grouping, now, staleAfterDays),
    };
  }

  newAssignmentWishes(municipality: string, query: FigureRequest): NewAssignmentWishesFigure {
    const { now, period, all } = this.familiesOf(municipality, query);
    return {
      ...this.envelope('new-assignment-wishes', municipality, now, period, query),
      familiesWaitingNow: families.familiesWaitingForNewAssignment(all),
      rows: families.newAssignmentWishesRows(all, period, query.grouping),
    };
  }

  emergencyCalls(municipality: string, query: FigureRequest): EmergencyCallsFigure {
    const { now, period, all } = this.familiesOf(municipality, query);
    const lineCalls = this.documents.all<EmergencyCallView>(emergencyCallsProjection.collection, municipality);
    return { ...this.envelope('emergency-calls', municipality, now, period, query), rows: families.emergencyCallsRows(withEmergencyLineCalls(all, lineCalls), period, query.grouping) };
  }

  private requestsOf(municipality: string, query: FigureRequest) {
    const now = this.clock();
    return { now, period: resolvePeriod(query, now, 'history'), all: this.documents.all<RequestFacts>(requestFactsProjection.collection, municipality) };
  }

  private familiesOf(municipality: string, query: FigureRequest, defaults: 'history' | { aheadDays: number } = 'history') {
    const now = this.clock();
    return { now, period: resolvePeriod(query, now, defaults), all: this.documents.all<FamilyFacts>(familyFactsProjection.collection, municipality) };
  }

  private envelope<Name extends string>(figure: Name, municipality: string, now: Date, period: Period, query: FigureRequest) {
    return { figure, municipality, asOf: now.toISOString(), period: { from: period.from, to: period.to }, grouping: query.grouping };
  }
}
