import type { WorklistKind } from '@familybank/contracts';
import type { WorklistRule } from '../worklist-rule';
import { acceptancePendingRule } from './acceptance-pending.rule';
import { approvalExpiringRule } from './approval-expiring.rule';
import { availabilityStaleRule } from './availability-stale.rule';
import { checkAssessmentRule } from './check-assessment.rule';
import { firstContactRule } from './first-contact.rule';
import { inboxRequestRule } from './inbox-request.rule';
import { planFollowUpRule } from './plan-follow-up.rule';
import { provisionalApprovalDueRule } from './provisional-approval-due.rule';

/** One rule per kind of the contract's WorklistKind: a kind without its rule does not compile. */
export const WORKLIST_RULES: Readonly<Record<WorklistKind, WorklistRule>> = {
  'first-contact': firstContactRule,
  'check-assessment': checkAssessmentRule,
  'approval-expiring': approvalExpiringRule,
  'availability-stale': availabilityStaleRule,
  'inbox-request': inboxRequestRule,
  'acceptance-pending': acceptancePendingRule,
  'provisional-approval-due': provisionalApprovalDueRule,
  'plan-follow-up': planFollowUpRule,
};
