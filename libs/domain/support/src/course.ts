import { assertNever, ensure, isoDate, type DecisionContext, type IsoDate, type Message } from '@familybank/domain-core';
import { SupportErrors } from './support.errors';
import { ensureApprovedFamily, type FamilyStanding } from './support.lookups';
import { MAX_COURSE_CAPACITY, MAX_COURSE_SESSIONS } from './vocabulary';

/**
 * A course of the municipality's catalogue (seed 004: courses on e.g. ADHD or self-harm, given by
 * residential institutions' staff), stream `course-<courseId>`: its own aggregate because the
 * capacity rule spans every family enrolled, and attendance is per session of the course.
 */
export const courseStreamId = (courseId: string) => `course-${courseId}`;

export interface CourseSession {
  sessionId: string;
  on: IsoDate;
  topic?: string;
}

export interface CourseTerms {
  courseId: string;
  title: string;
  description?: string;
  capacity: number;
  sessions: CourseSession[];
}

export type CreateCourse = Message<'CreateCourse', CourseTerms>;
export type EnrolFamily = Message<'EnrolFamily', { familyId: string; family: FamilyStanding }>;
export type WithdrawEnrolment = Message<'WithdrawEnrolment', { familyId: string; reason?: string }>;
export type RecordCourseAttendance = Message<'RecordCourseAttendance', { sessionId: string; familyId: string; attended: boolean }>;
export type CourseCommand = CreateCourse | EnrolFamily | WithdrawEnrolment | RecordCourseAttendance;

export type CourseCreated = Message<'CourseCreated', CourseTerms>;
export type FamilyEnrolled = Message<'FamilyEnrolled', { familyId: string }>;
export type EnrolmentWithdrawn = Message<'EnrolmentWithdrawn', { familyId: string; reason?: string }>;
export type CourseAttendanceRecorded = Message<'CourseAttendanceRecorded', { sessionId: string; familyId: string; attended: boolean }>;
export type CourseEvent = CourseCreated | FamilyEnrolled | EnrolmentWithdrawn | CourseAttendanceRecorded;

export type CourseState =
  | { status: 'none' }
  | { status: 'offered'; capacity: number; sessions: CourseSession[]; enrolled: string[]; attendance: Record<string, boolean> };

export const initialCourseState = (): CourseState => ({ status: 'none' });

const attendanceKey = (sessionId: string, familyId: string) => `${sessionId}/${familyId}`;

export function decideCourse(command: CourseCommand, state: CourseState, { now }: DecisionContext): CourseEvent[] {
  if (command.type === 'CreateCourse') {
    ensure(state.status === 'none', () => SupportErrors.courseExists(command.data.courseId));
    return [{ type: 'CourseCreated', data: validCourse(command.data) }];
  }
  ensure(state.status === 'offered', () => SupportErrors.courseNotFound('(none)'));
  switch (command.type) {
    case 'EnrolFamily': {
      const { familyId, family } = command.data;
      ensureApprovedFamily({ familyId, standing: family });
      ensure(!state.enrolled.includes(familyId), () => SupportErrors.alreadyEnrolled(familyId));
      ensure(state.enrolled.length < state.capacity, () => SupportErrors.courseFull(state.capacity));
      return [{ type: 'FamilyEnrolled', data: { familyId } }];
    }
    case 'WithdrawEnrolment':
      ensure(state.enrolled.includes(command.data.familyId), () => SupportErrors.notEnrolled(command.data.familyId));
      return [{ type: 'EnrolmentWithdrawn', data: command.data }];
    case 'RecordCourseAttendance': {
      const { sessionId, familyId, attended } = command.data;
      const session = state.sessions.find((candidate) => candidate.sessionId === sessionId);
      ensure(session !== undefined, () => SupportErrors.unknownSession(sessionId));
      ensure(state.enrolled.includes(familyId), () => SupportErrors.notEnrolled(familyId));
      ensure(session.on <= isoDate(now), () => SupportErrors.sessionNotHeldYet(session.on));
      if (state.attendance[attendanceKey(sessionId, familyId)] === attended) return [];
      return [{ type: 'CourseAttendanceRecorded', data: command.data }];
    }
    default:
      return assertNever(command);
  }
}

function validCourse(terms: CourseTerms): CourseTerms {
  ensure(Number.isInteger(terms.capacity) && terms.capacity >= 1 && terms.capacity <= MAX_COURSE_CAPACITY, () => SupportErrors.capacityOutOfRange(terms.capacity));
  ensure(terms.sessions.length >= 1 && terms.sessions.length <= MAX_COURSE_SESSIONS, () => SupportErrors.sessionCountOutOfRange(terms.sessions.length));
  const seen = new Set<string>();
  for (const { sessionId } of terms.sessions) {
    ensure(!seen.has(sessionId), () => SupportErrors.duplicateSession(sessionId));
    seen.add(sessionId);
  }
  // Sessions in the order they are held, whatever order they were given in.
  return { ...terms, sessions: [...terms.sessions].sort((a, b) => a.on.localeCompare(b.on)) };
}

export function evolveCourse(state: CourseState, event: CourseEvent): CourseState {
  if (event.type === 'CourseCreated') return { status: 'offered', capacity: event.data.capacity, sessions: event.data.sessions, enrolled: [], attendance: {} };
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'FamilyEnrolled':
      return { ...state, enrolled: [...state.enrolled, event.data.familyId] };
    case 'EnrolmentWithdrawn':
      return { ...state, enrolled: state.enrolled.filter((familyId) => familyId !== event.data.familyId) };
    case 'CourseAttendanceRecorded':
      return { ...state, attendance: { ...state.attendance, [attendanceKey(event.data.sessionId, event.data.familyId)]: event.data.attended } };
    default:
      return assertNever(event);
  }
}

export const courseDecider = { decide: decideCourse, evolve: evolveCourse, initialState: initialCourseState };
