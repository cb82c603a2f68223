import type { CourseView } from '@familybank/contracts';
import { assertNever } from '@familybank/domain-core';
import type { CourseEvent } from '@familybank/domain-support';
import type { RecordedEvent } from '@familybank/event-store';
import type { Projection } from '../projection';

type RecordedCourseEvent = RecordedEvent & CourseEvent;
type Enrolment = CourseView['enrolments'][number];

const PREFIX = 'course-';

/** One document per course of the catalogue: sessions, enrolments and attendance are bounded by its capacity and sessions. */
export const coursesProjection: Projection<CourseView> = {
  name: 'courses',
  version: 1,
  collection: 'courses',
  streamPrefix: PREFIX,
  handles: new Set<CourseEvent['type']>(['CourseCreated', 'FamilyEnrolled', 'EnrolmentWithdrawn', 'CourseAttendanceRecorded']),
  documentId: (event) => event.streamId.slice(PREFIX.length),
  evolve: (document, event) => evolveCourse(document, event as RecordedCourseEvent),
};

export function evolveCourse(document: CourseView | null, event: RecordedCourseEvent): CourseView | null {
  if (event.type === 'CourseCreated') {
    const { courseId, title, description, capacity, sessions } = event.data;
    return withCounts({
      courseId,
      title,
      ...(description !== undefined && { description }),
      capacity,
      enrolled: 0,
      freePlaces: capacity,
      sessions: sessions.map((session) => ({ ...session, attended: 0 })),
      enrolments: [],
      familyIds: [],
      createdBy: event.metadata.actor,
      revision: event.revision,
    });
  }
  if (!document) return null;
  return withCounts({ ...document, enrolments: withEnrolmentEvent(document.enrolments, event), revision: event.revision });
}

function withEnrolmentEvent(enrolments: Enrolment[], event: Exclude<RecordedCourseEvent, { type: 'CourseCreated' }>): Enrolment[] {
  const { familyId } = event.data;
  // A family may enrol again after withdrawing: the latest enrolment is the one that changes.
  const latest = enrolments.map((enrolment) => enrolment.familyId).lastIndexOf(familyId);
  const update = (change: (enrolment: Enrolment) => Enrolment) => enrolments.map((enrolment, index) => (index === latest ? change(enrolment) : enrolment));
  switch (event.type) {
    case 'FamilyEnrolled':
      return [...enrolments, { familyId, status: 'enrolled', enrolledAt: event.metadata.occurredAt, enrolledBy: event.metadata.actor, attended: [], absent: [] }];
    case 'EnrolmentWithdrawn':
      return update((enrolment) => ({
        ...enrolment,
        status: 'withdrawn',
        withdrawnAt: event.metadata.occurredAt,
        ...(event.data.reason !== undefined && { withdrawalReason: event.data.reason }),
      }));
    case 'CourseAttendanceRecorded': {
      const { sessionId, attended } = event.data;
      return update((enrolment) => ({
        ...enrolment,
        attended: attended ? [...enrolment.attended.filter((id) => id !== sessionId), sessionId] : enrolment.attended.filter((id) => id !== sessionId),
        absent: attended ? enrolment.absent.filter((id) => id !== sessionId) : [...enrolment.absent.filter((id) => id !== sessionId), sessionId],
      }));
    }
    default:
      return assertNever(event);
  }
}

function withCounts(course: CourseView): CourseView {
  const enrolled = course.enrolments.filter((enrolment) => enrolment.status === 'enrolled').length;
  const sessions = course.sessions.map((session) => ({ ...session, attended: course.enrolments.filter((enrolment) => enrolment.attended.includes(session.sessionId)).length }));
  const familyIds = [...new Set(course.enrolments.map((enrolment) => enrolment.familyId))];
  return { ...course, enrolled, freePlaces: course.capacity - enrolled, sessions, familyIds };
}
