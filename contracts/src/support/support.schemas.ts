import { EMERGENCY_CALL_CATEGORIES, GOAL_STATUSES, SUPERVISION_FORMATS } from '@familybank/domain-support';
import { Id, ShortText } from '../common.schemas';
import { z } from '../zod';

export const SupervisionFormat = z.enum(SUPERVISION_FORMATS).openapi('SupervisionFormat');
export const EmergencyCallCategory = z.enum(EMERGENCY_CALL_CATEGORIES).openapi('EmergencyCallCategory');
export const GoalStatus = z.enum(GOAL_STATUSES).openapi('GoalStatus');

export const Month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Expected a month as YYYY-MM')
  .openapi('Month', { example: '2026-11' });

/** Who recorded a support step: the token subject of the acting user. */
export const RecordedBy = z.string().openapi({ description: 'Who recorded it: the token subject' });

export const SupportFamilyParams = z.object({ familyId: Id.openapi({ param: { name: 'familyId', in: 'path' } }) });

export const AssignContactPersonBody = z
  .strictObject({
    userId: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .openapi({ description: 'The staff member’s user id (the subject of their token), so that their families can be found' }),
    name: ShortText.openapi({ description: 'The name the family knows them by' }),
  })
  .openapi('AssignContactPerson');
