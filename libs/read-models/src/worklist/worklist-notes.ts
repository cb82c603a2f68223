/**
 * The English note of every worklist reason: a rule says what is due as a code with its params
 * (WorklistReason), and the note is written from it, so the two never say different things.
 * The console writes the same reasons in Danish and Swedish (apps/web: i18n reasons.worklist).
 */
import type { WorklistReason } from '@familybank/contracts';

type Notes = { [Code in WorklistReason['code']]: (params: Extract<WorklistReason, { code: Code }>['params']) => string };

const NOTES: Notes = {
  'first-contact.make': ({ registeredOn }) => `Make the first contact with the lead registered on ${registeredOn}`,
  'check-assessment.assess': ({ checks }) =>
    `Assess the remarks of ${checks.length} background check(s) (${checks.map((check) => `${check.kind} of ${check.adultId}`).join(', ')}); approval waits for it`,
  'approval-expiring.renew': ({ validUntil }) => `Renew the approval (valid until ${validUntil}) or let it run out`,
  'availability-stale.stale': ({ confirmedOn }) => `Availability confirmed on ${confirmedOn} is stale: the family is out of partners’ pools until it is confirmed`,
  'availability-stale.confirm': ({ confirmedOn }) => `Ask the family to confirm its availability (confirmed on ${confirmedOn}) before it goes stale`,
  'inbox-request.answer': ({ requester, responseDeadline }) => `Offer a family to ${requester} or answer “no match” by ${responseDeadline}`,
  'acceptance-pending.chase': ({ offerId, partner, acceptedOn }) =>
    `Offer ${offerId}${partner ? ` of ${partner}` : ''}, accepted on ${acceptedOn}, waits for the owner’s confirmation: chase it or cancel the acceptance`,
  'provisional-approval-due.assess': ({ deadline }) => `Complete the full assessment and approve the network family by ${deadline}, or its provisional approval lapses`,
  'plan-follow-up.follow-up': ({ goal }) => `Follow up the development-plan goal “${goal}”`,
};

/** The English note of a reason. */
export const worklistNote = (reason: WorklistReason): string => (NOTES[reason.code] as (params: WorklistReason['params']) => string)(reason.params);

/** An item's `note` and `reason`, from the reason. */
export const noted = (reason: WorklistReason): { note: string; reason: WorklistReason } => ({ note: worklistNote(reason), reason });
