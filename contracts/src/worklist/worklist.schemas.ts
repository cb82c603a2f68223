import { Id, IsoDate, MunicipalityCode, Timestamp } from '../common.schemas';
import { z } from '../zod';
import { WorklistReason } from './worklist-reason.schemas';

/**
 * What the worklist reminds of. Each kind is one rule over the read models
 * (libs/read-models/src/worklist/rules); the rule registry is keyed by this list, so a new kind
 * does not compile until its rule exists.
 */
export const WORKLIST_KINDS = ['first-contact', 'check-assessment', 'approval-expiring', 'availability-stale', 'inbox-request', 'acceptance-pending', 'provisional-approval-due', 'plan-follow-up'] as const;
export const WorklistKind = z.enum(WORKLIST_KINDS).openapi('WorklistKind', {
  description: [
    'first-contact: a lead waits for its first contact (due FIRST_CONTACT_DUE_WORKING_DAYS working days after registration);',
    'check-assessment: background checks with remarks wait for an approver’s assessment (due 7 days after the first such result arrived);',
    'approval-expiring: an approval runs out within 90 days (due on its valid-until day);',
    'availability-stale: availability goes stale and leaves partners’ pools (due the day it is stale; listed from AVAILABILITY_REMINDER_DAYS before);',
    'inbox-request: a partner’s open request you neither offered a family for nor answered “no match” (due on its response deadline);',
    'acceptance-pending: you accepted an offer and the owner has not confirmed it (due 2 days after the acceptance: chase the partner or cancel it);',
    'provisional-approval-due: a network family is provisionally approved for its one child (due on the deadline of its full assessment; it lapses the day after);',
    'plan-follow-up: an open goal of a family’s development plan is to be followed up (due on its follow-up day; listed from 14 days before).',
  ].join(' '),
});
export type WorklistKind = z.infer<typeof WorklistKind>;

export const WorklistSubject = z
  .object({
    type: z.enum(['family', 'request', 'partner-request']),
    id: Id.openapi({ description: 'familyId, requestId, or the partner’s requestId' }),
    municipality: MunicipalityCode.optional().openapi({ description: 'For a partner-request: the requesting municipality' }),
    name: z.string().openapi({ description: 'The household’s name, the request’s case reference, or a partner request’s care type and child’s age' }),
  })
  .openapi('WorklistSubject');

export const WorklistItem = z
  .object({
    kind: WorklistKind,
    dueOn: IsoDate,
    overdue: z.boolean().openapi({ description: 'dueOn is before today' }),
    subject: WorklistSubject,
    assignee: z
      .string()
      .nullable()
      .openapi({ description: 'Who holds the subject: the user who registered the family or opened the request; null for partners’ requests' }),
    note: z.string().openapi({ description: 'What is to be done, in a sentence (English)' }),
    reason: WorklistReason,
  })
  .openapi('WorklistItem');
export type WorklistItem = z.infer<typeof WorklistItem>;

export const WorklistQuery = z.object({
  assignee: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .optional()
    .openapi({ description: '`me`: items whose subject you hold; `none`: items nobody holds (partners’ requests); any other value: that user’s items. Default: the whole municipality’s' }),
  kind: WorklistKind.optional().openapi({ description: 'Only items of this kind' }),
});

export const Worklist = z
  .object({
    asOf: Timestamp,
    items: z.array(WorklistItem).openapi({ description: 'Sorted by dueOn, the most overdue first; then by kind and subject' }),
  })
  .openapi('Worklist');
export type Worklist = z.infer<typeof Worklist>;
