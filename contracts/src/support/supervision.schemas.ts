import { MAX_GROUP_FAMILIES } from '@familybank/domain-support';
import { Id, IsoDate, LongText, PageQuery, ShortText, pageOf } from '../common.schemas';
import { z } from '../zod';
import { RecordedBy, SupervisionFormat } from './support.schemas';

export const MeetingParams = z.object({ meetingId: Id.openapi({ param: { name: 'meetingId', in: 'path' } }) });

export const PlanSupervisionMeetingBody = z
  .strictObject({
    format: SupervisionFormat,
    theme: ShortText.openapi({ description: 'e.g. mentalisation, the child’s development, contact with the birth family' }),
    on: IsoDate,
    leaders: z.array(ShortText).max(5).default([]).openapi({ description: 'The supervisors' }),
    familyIds: z
      .array(Id)
      .min(1)
      .max(MAX_GROUP_FAMILIES)
      .openapi({ uniqueItems: true, description: `Approved families of yours, each once: one for an individual meeting, 2–${MAX_GROUP_FAMILIES} for a group` }),
  })
  // The decider's rules on the families (422 SUPPORT.WRONG_PARTICIPANT_COUNT, SUPPORT.DUPLICATE_FAMILY), in the
  // document too; one object rather than a zod union, because the console's form reads its shape.
  .openapi('PlanSupervisionMeeting', {
    allOf: [
      {
        anyOf: [
          { properties: { format: { const: 'individual' }, familyIds: { maxItems: 1 } } },
          { properties: { format: { const: 'group' }, familyIds: { minItems: 2 } } },
        ],
      },
    ],
  });
export const RecordSupervisionAttendanceBody = z
  .strictObject({ familyId: Id, attended: z.boolean(), note: LongText.optional() })
  .openapi('RecordSupervisionAttendance');
export const CancelSupervisionMeetingBody = z.strictObject({ reason: ShortText }).openapi('CancelSupervisionMeeting');

export const SupervisionParticipant = z
  .object({
    familyId: Id,
    attended: z.boolean().optional().openapi({ description: 'Absent until attendance is recorded' }),
    note: z.string().optional(),
    recordedBy: RecordedBy.optional(),
  })
  .openapi('SupervisionParticipant');

export const SupervisionMeetingView = z
  .object({
    meetingId: Id,
    format: SupervisionFormat,
    theme: z.string(),
    on: IsoDate,
    leaders: z.array(z.string()),
    status: z.enum(['planned', 'cancelled']),
    cancelReason: z.string().optional(),
    participants: z.array(SupervisionParticipant),
    familyIds: z.array(Id).openapi({ description: 'The invited families (for filtering by family)' }),
    plannedBy: RecordedBy,
    revision: z.number().int().openapi({ description: 'Revision of the meeting’s stream; also sent as the ETag' }),
  })
  .openapi('SupervisionMeeting');
export type SupervisionMeetingView = z.infer<typeof SupervisionMeetingView>;

export const SupervisionMeetingsQuery = PageQuery.extend({
  familyId: Id.optional().openapi({ description: 'Only meetings this family was invited to' }),
  format: SupervisionFormat.optional(),
});
export const SupervisionMeetingPage = pageOf(SupervisionMeetingView, 'SupervisionMeetingPage');
