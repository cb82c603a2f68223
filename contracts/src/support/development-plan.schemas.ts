import { Id, IsoDate, LongText, PageQuery, ShortText, Timestamp, isoDateExample, pageOf } from '../common.schemas';
import { z } from '../zod';
import { GoalStatus, RecordedBy, SupportFamilyParams } from './support.schemas';

export const GoalParams = SupportFamilyParams.extend({ goalId: Id.openapi({ param: { name: 'goalId', in: 'path' } }) });

export const AddGoalBody = z
  .strictObject({
    title: ShortText.openapi({ description: 'A concrete goal, e.g. "reads a book with the child every day"' }),
    description: LongText.optional(),
    setOn: IsoDate.openapi({ description: 'The day the goal was agreed with the family (today or earlier)' }),
    // An example of its own: IsoDate's one example for both days would be a follow-up not after setOn (422).
    followUpOn: isoDateExample('2027-02-15', 'The first follow-up (YYYY-MM-DD): after setOn'),
  })
  .openapi('AddGoal');
export const ReviseGoalBody = z
  .strictObject({ title: ShortText.optional(), description: LongText.optional(), followUpOn: IsoDate.optional() })
  .openapi('ReviseGoal', { description: 'What changes; at least one field must differ from the goal' });
export const GoalFollowUpBody = z
  .strictObject({
    on: IsoDate,
    note: LongText,
    nextFollowUpOn: IsoDate.optional().openapi({ description: 'The next follow-up, after `on`; without it the goal has none scheduled' }),
  })
  .openapi('GoalFollowUp');
export const AchieveGoalBody = z.strictObject({ on: IsoDate, note: LongText.optional() }).openapi('AchieveGoal');
export const DropGoalBody = z.strictObject({ on: IsoDate, reason: ShortText }).openapi('DropGoal');

export const GoalView = z
  .object({
    goalId: Id,
    title: z.string(),
    description: z.string().optional(),
    setOn: IsoDate,
    status: GoalStatus,
    followUpOn: IsoDate.optional().openapi({ description: 'The next follow-up of an open goal' }),
    followUps: z.number().int().min(0).openapi({ description: 'How many follow-ups were recorded' }),
    lastFollowUp: z.object({ on: IsoDate, note: z.string(), recordedBy: RecordedBy }).optional(),
    closed: z.object({ on: IsoDate, note: z.string().optional(), recordedBy: RecordedBy }).optional().openapi({ description: 'When and why an achieved or dropped goal was closed' }),
    addedBy: RecordedBy,
    updatedAt: Timestamp,
  })
  .openapi('DevelopmentGoal');
export type GoalView = z.infer<typeof GoalView>;

export const DevelopmentPlan = z
  .object({
    familyId: Id,
    goals: z.array(GoalView).openapi({ description: 'Every goal, in the order they were added' }),
    openGoals: z.number().int().min(0),
    nextFollowUpDue: IsoDate.optional().openapi({ description: 'The earliest follow-up of an open goal; absent when none is scheduled' }),
    revision: z.number().int().openapi({ description: 'Revision of the plan’s stream; also sent as the ETag' }),
  })
  .openapi('DevelopmentPlan');
export type DevelopmentPlan = z.infer<typeof DevelopmentPlan>;

export const FollowUpsDueQuery = PageQuery.extend({
  dueBy: IsoDate.optional().openapi({ description: 'Follow-ups on or before this day; default today' }),
});
export const FollowUpDue = z
  .object({
    familyId: Id,
    nextFollowUpDue: IsoDate,
    goals: z.array(z.object({ goalId: Id, title: z.string(), followUpOn: IsoDate })).openapi({ description: 'The family’s open goals with a follow-up due by dueBy, earliest first' }),
  })
  .openapi('FollowUpDue');
export type FollowUpDue = z.infer<typeof FollowUpDue>;
export const FollowUpDuePage = pageOf(FollowUpDue, 'FollowUpDuePage');
