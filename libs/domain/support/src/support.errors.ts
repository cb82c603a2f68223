import { DomainError } from '@familybank/domain-core';
import { MAX_CALL_MINUTES, MAX_COURSE_CAPACITY, MAX_COURSE_SESSIONS } from './vocabulary';

/** Every way a support command can be refused; the codes are part of the API contract. */
export const SupportErrors = {
  /** The family's own code, so that clients see one answer for a family that is not theirs. */
  familyNotFound: (familyId: string) => new DomainError('FAMILY.NOT_FOUND', 'not-found', `Family ${familyId} does not exist`, { familyId }),
  familyNotApproved: (familyId: string) =>
    new DomainError('SUPPORT.FAMILY_NOT_APPROVED', 'rule', `Family ${familyId} holds no approval: support after approval is for approved families`, { familyId }),
  dateInFuture: (field: string, date: string) => new DomainError('SUPPORT.DATE_IN_FUTURE', 'rule', `${field} ${date} is in the future`, { field, date }),

  planNotFound: (familyId: string) => new DomainError('SUPPORT.PLAN_NOT_FOUND', 'not-found', `Family ${familyId} has no development plan`, { familyId }),
  goalExists: (goalId: string) => new DomainError('SUPPORT.GOAL_EXISTS', 'conflict', `Goal ${goalId} is already in the plan`, { goalId }),
  goalNotFound: (goalId: string) => new DomainError('SUPPORT.GOAL_NOT_FOUND', 'not-found', `The plan has no goal ${goalId}`, { goalId }),
  goalClosed: (goalId: string, status: string) =>
    new DomainError('SUPPORT.GOAL_CLOSED', 'conflict', `Goal ${goalId} is ${status}; it can no longer change`, { goalId, status }),
  followUpNotAfter: (followUpOn: string, after: string) =>
    new DomainError('SUPPORT.FOLLOW_UP_NOT_AFTER', 'rule', `A follow-up on ${followUpOn} is not after ${after}`, { followUpOn, after }),
  beforeGoalSet: (on: string, setOn: string) => new DomainError('SUPPORT.BEFORE_GOAL_SET', 'rule', `${on} is before the goal was set (${setOn})`, { on, setOn }),
  emptyRevision: () => new DomainError('SUPPORT.EMPTY_REVISION', 'rule', 'A revision changes the title, the description or the follow-up date'),

  callTooLong: (minutes: number) =>
    new DomainError('SUPPORT.CALL_DURATION_INVALID', 'rule', `A call of ${minutes} minutes is outside 1–${MAX_CALL_MINUTES} minutes`, { minutes }),
  callExists: (callId: string) => new DomainError('SUPPORT.CALL_EXISTS', 'conflict', `Call ${callId} is already recorded`, { callId }),

  meetingNotFound: (meetingId: string) => new DomainError('SUPPORT.MEETING_NOT_FOUND', 'not-found', `No supervision meeting ${meetingId}`, { meetingId }),
  meetingExists: (meetingId: string) => new DomainError('SUPPORT.MEETING_EXISTS', 'conflict', `Supervision meeting ${meetingId} already exists`, { meetingId }),
  wrongParticipantCount: (format: string, count: number) =>
    new DomainError('SUPPORT.WRONG_PARTICIPANT_COUNT', 'rule', `A ${format} meeting cannot have ${count} families (individual: one; group: two or more)`, { format, count }),
  duplicateFamily: (familyId: string) => new DomainError('SUPPORT.DUPLICATE_FAMILY', 'rule', `Family ${familyId} is named twice`, { familyId }),
  notAParticipant: (familyId: string) =>
    new DomainError('SUPPORT.NOT_A_PARTICIPANT', 'rule', `Family ${familyId} was not invited to this meeting`, { familyId }),
  meetingNotHeldYet: (on: string) => new DomainError('SUPPORT.MEETING_NOT_HELD_YET', 'rule', `The meeting is on ${on}: attendance is recorded after it`, { on }),
  meetingCancelled: () => new DomainError('SUPPORT.MEETING_CANCELLED', 'conflict', 'The meeting was cancelled'),
  attendanceAlreadyRecorded: () => new DomainError('SUPPORT.ATTENDANCE_RECORDED', 'conflict', 'Attendance is recorded: the meeting took place and cannot be cancelled'),

  courseNotFound: (courseId: string) => new DomainError('SUPPORT.COURSE_NOT_FOUND', 'not-found', `No course ${courseId}`, { courseId }),
  courseExists: (courseId: string) => new DomainError('SUPPORT.COURSE_EXISTS', 'conflict', `Course ${courseId} already exists`, { courseId }),
  capacityOutOfRange: (capacity: number) =>
    new DomainError('SUPPORT.CAPACITY_OUT_OF_RANGE', 'rule', `A course takes 1–${MAX_COURSE_CAPACITY} families, not ${capacity}`, { capacity }),
  sessionCountOutOfRange: (count: number) =>
    new DomainError('SUPPORT.SESSION_COUNT_OUT_OF_RANGE', 'rule', `A course has 1–${MAX_COURSE_SESSIONS} sessions, not ${count}`, { count }),
  duplicateSession: (sessionId: string) => new DomainError('SUPPORT.DUPLICATE_SESSION', 'rule', `Session ${sessionId} is named twice`, { sessionId }),
  courseFull: (capacity: number) => new DomainError('SUPPORT.COURSE_FULL', 'conflict', `The course is full (capacity ${capacity})`, { capacity }),
  alreadyEnrolled: (familyId: string) => new DomainError('SUPPORT.ALREADY_ENROLLED', 'conflict', `Family ${familyId} is already enrolled`, { familyId }),
  notEnrolled: (familyId: string) => new DomainError('SUPPORT.NOT_ENROLLED', 'rule', `Family ${familyId} is not enrolled in the course`, { familyId }),
  unknownSession: (sessionId: string) => new DomainError('SUPPORT.UNKNOWN_SESSION', 'not-found', `The course has no session ${sessionId}`, { sessionId }),
  sessionNotHeldYet: (on: string) => new DomainError('SUPPORT.SESSION_NOT_HELD_YET', 'rule', `The session is on ${on}: attendance is recorded after it`, { on }),
};
