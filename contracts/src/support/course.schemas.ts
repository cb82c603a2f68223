import { MAX_COURSE_CAPACITY, MAX_COURSE_SESSIONS } from '@familybank/domain-support';
import { Id, IsoDate, LongText, PageQuery, ShortText, Timestamp, pageOf } from '../common.schemas';
import { z } from '../zod';
import { RecordedBy } from './support.schemas';

export const CourseParams = z.object({ courseId: Id.openapi({ param: { name: 'courseId', in: 'path' } }) });
export const EnrolmentParams = CourseParams.extend({ familyId: Id.openapi({ param: { name: 'familyId', in: 'path' } }) });
export const SessionParams = CourseParams.extend({ sessionId: Id.openapi({ param: { name: 'sessionId', in: 'path' } }) });

export const CourseSession = z.strictObject({ sessionId: Id, on: IsoDate, topic: ShortText.optional() }).openapi('CourseSession');

export const CreateCourseBody = z
  .strictObject({
    title: ShortText,
    description: LongText.optional(),
    capacity: z.number().int().min(1).max(MAX_COURSE_CAPACITY).openapi({ description: 'How many families can be enrolled at once' }),
    sessions: z.array(CourseSession).min(1).max(MAX_COURSE_SESSIONS),
  })
  .openapi('CreateCourse');
export const EnrolFamilyBody = z.strictObject({ familyId: Id }).openapi('EnrolFamily');
export const WithdrawEnrolmentBody = z.strictObject({ reason: ShortText.optional() }).openapi('WithdrawEnrolment');
export const CourseAttendanceBody = z.strictObject({ familyId: Id, attended: z.boolean() }).openapi('CourseAttendance');

export const CourseEnrolment = z
  .object({
    familyId: Id,
    status: z.enum(['enrolled', 'withdrawn']),
    enrolledAt: Timestamp,
    enrolledBy: RecordedBy,
    withdrawnAt: Timestamp.optional(),
    withdrawalReason: z.string().optional(),
    attended: z.array(Id).openapi({ description: 'Sessions the family attended' }),
    absent: z.array(Id).openapi({ description: 'Sessions the family was recorded absent from' }),
  })
  .openapi('CourseEnrolment');

export const CourseView = z
  .object({
    courseId: Id,
    title: z.string(),
    description: z.string().optional(),
    capacity: z.number().int(),
    enrolled: z.number().int().openapi({ description: 'Families enrolled now' }),
    freePlaces: z.number().int(),
    // Its own object, not CourseSession.extend: the document would say allOf of two closed objects, which nothing satisfies.
    sessions: z.array(
      z
        .strictObject({ sessionId: Id, on: IsoDate, topic: ShortText.optional(), attended: z.number().int().openapi({ description: 'Families recorded present' }) })
        .openapi('CourseSessionView'),
    ),
    enrolments: z.array(CourseEnrolment).openapi({ description: 'Every enrolment, withdrawn ones included, in the order made' }),
    familyIds: z.array(Id).openapi({ description: 'Every family ever enrolled (for filtering by family)' }),
    createdBy: RecordedBy,
    revision: z.number().int().openapi({ description: 'Revision of the course’s stream; also sent as the ETag' }),
  })
  .openapi('Course');
export type CourseView = z.infer<typeof CourseView>;

export const CoursesQuery = PageQuery.extend({ familyId: Id.optional().openapi({ description: 'Only courses this family was enrolled in' }) });
export const CoursePage = pageOf(CourseView, 'CoursePage');
