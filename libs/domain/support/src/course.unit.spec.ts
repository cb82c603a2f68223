import { deciderSpecification } from '@familybank/domain-core/testing';
import { courseDecider, type CourseEvent, type CourseTerms } from './course';
import { NOW } from './testing/support.fixtures';

const spec = deciderSpecification(courseDecider, { now: NOW });
const terms: CourseTerms = {
  courseId: 'adhd-2026',
  title: 'Children with ADHD at home',
  capacity: 2,
  sessions: [
    { sessionId: 's2', on: '2026-06-17' },
    { sessionId: 's1', on: '2026-06-03', topic: 'What ADHD is' },
  ],
};
const created: CourseEvent = { type: 'CourseCreated', data: { ...terms, sessions: [terms.sessions[1]!, terms.sessions[0]!] } };
const enrolled = (familyId: string): CourseEvent => ({ type: 'FamilyEnrolled', data: { familyId } });
const enrol = (familyId: string, family: 'approved' | 'not-approved' | 'unknown' = 'approved') => ({ type: 'EnrolFamily' as const, data: { familyId, family } });

describe('the course catalogue', () => {
  it('create a course records it with its sessions in date order', () => {
    spec.given([]).when({ type: 'CreateCourse', data: terms }).then([created]);
  });

  it('create a course naming a session twice is refused', () => {
    spec.given([]).when({ type: 'CreateCourse', data: { ...terms, sessions: [terms.sessions[0]!, terms.sessions[0]!] } }).thenThrows('SUPPORT.DUPLICATE_SESSION');
  });

  it('create a course without sessions or with no places is refused', () => {
    spec.given([]).when({ type: 'CreateCourse', data: { ...terms, sessions: [] } }).thenThrows('SUPPORT.SESSION_COUNT_OUT_OF_RANGE');
    spec.given([]).when({ type: 'CreateCourse', data: { ...terms, capacity: 0 } }).thenThrows('SUPPORT.CAPACITY_OUT_OF_RANGE');
  });
});

describe('enrolment', () => {
  it('enrol an approved family, with a place free, records it', () => {
    spec.given([created]).when(enrol('f1')).then([enrolled('f1')]);
  });

  it('enrol a family beyond the course’s capacity is refused', () => {
    spec.given([created, enrolled('f1'), enrolled('f2')]).when(enrol('f3')).thenThrows('SUPPORT.COURSE_FULL', { capacity: 2 });
  });

  it('enrol, after an enrolled family withdrew, takes the freed place', () => {
    spec.given([created, enrolled('f1'), enrolled('f2'), { type: 'EnrolmentWithdrawn', data: { familyId: 'f1' } }]).when(enrol('f3')).then([enrolled('f3')]);
  });

  it('enrol a family twice is refused', () => {
    spec.given([created, enrolled('f1')]).when(enrol('f1')).thenThrows('SUPPORT.ALREADY_ENROLLED');
  });

  it('enrol a family without approval, or not ours, is refused', () => {
    spec.given([created]).when(enrol('f1', 'not-approved')).thenThrows('SUPPORT.FAMILY_NOT_APPROVED');
    spec.given([created]).when(enrol('f1', 'unknown')).thenThrows('FAMILY.NOT_FOUND');
  });

  it('withdraw a family that is not enrolled is refused', () => {
    spec.given([created]).when({ type: 'WithdrawEnrolment', data: { familyId: 'f1' } }).thenThrows('SUPPORT.NOT_ENROLLED');
  });
});

describe('attendance per session', () => {
  it('record attendance of an enrolled family at a past session records it', () => {
    const data = { sessionId: 's1', familyId: 'f1', attended: true };
    spec.given([created, enrolled('f1')]).when({ type: 'RecordCourseAttendance', data }).then([{ type: 'CourseAttendanceRecorded', data }]);
  });

  it('record attendance of a family that is not enrolled is refused', () => {
    spec.given([created, enrolled('f1')]).when({ type: 'RecordCourseAttendance', data: { sessionId: 's1', familyId: 'f2', attended: true } }).thenThrows('SUPPORT.NOT_ENROLLED');
  });

  it('record attendance at a session still to come is refused', () => {
    spec.given([created, enrolled('f1')]).when({ type: 'RecordCourseAttendance', data: { sessionId: 's2', familyId: 'f1', attended: true } }).thenThrows('SUPPORT.SESSION_NOT_HELD_YET');
  });

  it('record attendance at a session the course does not have is refused', () => {
    spec.given([created, enrolled('f1')]).when({ type: 'RecordCourseAttendance', data: { sessionId: 's9', familyId: 'f1', attended: true } }).thenThrows('SUPPORT.UNKNOWN_SESSION');
  });

  it('enrolment commands on a course never created are refused as not found', () => {
    spec.given([]).when(enrol('f1')).thenThrows('SUPPORT.COURSE_NOT_FOUND');
  });
});
