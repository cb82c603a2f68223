export * from './audit/read-audit.projection';
export * from './document-store';
export * from './families/assignments.projection';
export * from './families/available-families.projection';
export * from './families/availability-reminders';
export * from './families/family-detail.projection';
export { householdName } from './families/family-events';
export * from './families/family-queries';
export * from './families/family-search';
export * from './families/pipeline-report';
export * from './families/recruitment-pipeline.projection';
export * from './families/support-records.projection';
export * from './figures/family-facts.projection';
export * from './figures/figure-queries';
export * from './figures/request-facts.projection';
export * from './projection';
export * from './offers/offers.projection';
export * from './partners/directory.projection';
export * from './partners/inbox.projection';
export * from './partners/partner-pool.projection';
export * from './partners/profile-views.projection';
export * from './partnerships/partnerships.projection';
export * from './projection-runner';
export * from './requests/requests.projection';
export * from './requests/request-search';
export { foldForSearch } from './search/fold';
export * from './worklist/case-holders.projection';
export * from './worklist/worklist';
export * from './worklist/worklist-rule';
export * from './support/courses.projection';
export * from './support/development-plans.projection';
export * from './support/emergency-calls.projection';
export * from './support/supervision-meetings.projection';
export * from './support/support-queries';

import { readAuditProjection } from './audit/read-audit.projection';
import { familyAssignmentsProjection } from './families/assignments.projection';
import { availableFamiliesProjection } from './families/available-families.projection';
import { familyDetailProjection } from './families/family-detail.projection';
import { recruitmentPipelineProjection } from './families/recruitment-pipeline.projection';
import { supportRecordsProjection } from './families/support-records.projection';
import { familyFactsProjection } from './figures/family-facts.projection';
import { requestFactsProjection } from './figures/request-facts.projection';
import { offersProjection } from './offers/offers.projection';
import { directoryProjection } from './partners/directory.projection';
import { inboxProjection } from './partners/inbox.projection';
import { partnerPoolProjection } from './partners/partner-pool.projection';
import { profileViewsProjection } from './partners/profile-views.projection';
import { partnershipsProjection } from './partnerships/partnerships.projection';
import type { Projection } from './projection';
import { requestsProjection } from './requests/requests.projection';
import { caseHoldersProjection } from './worklist/case-holders.projection';
import { coursesProjection } from './support/courses.projection';
import { developmentPlansProjection } from './support/development-plans.projection';
import { emergencyCallsPerMonthProjection, emergencyCallsProjection } from './support/emergency-calls.projection';
import { supervisionMeetingsProjection } from './support/supervision-meetings.projection';

export const ALL_PROJECTIONS: readonly Projection[] = [
  familyDetailProjection,
  recruitmentPipelineProjection,
  availableFamiliesProjection,
  supportRecordsProjection,
  familyAssignmentsProjection,
  partnershipsProjection,
  requestsProjection,
  offersProjection,
  // What partners told us, recorded as our own events first.
  inboxProjection,
  partnerPoolProjection,
  directoryProjection,
  profileViewsProjection,
  // Facts the figures over time are computed from.
  requestFactsProjection,
  familyFactsProjection,
  caseHoldersProjection,
  // Support after approval.
  developmentPlansProjection,
  emergencyCallsProjection,
  emergencyCallsPerMonthProjection,
  supervisionMeetingsProjection,
  coursesProjection,
  // Who read a family's personal data, and releases of contact details.
  readAuditProjection,
] as Projection[];
