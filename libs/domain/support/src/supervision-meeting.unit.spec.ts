import { deciderSpecification } from '@familybank/domain-core/testing';
import { supervisionMeetingDecider, type PlanSupervisionMeeting, type SupervisionMeetingEvent } from './supervision-meeting';
import type { FamilyLookup } from './support.lookups';
import { NOW } from './testing/support.fixtures';

const spec = deciderSpecification(supervisionMeetingDecider, { now: NOW });
const approved = (...familyIds: string[]): FamilyLookup[] => familyIds.map((familyId) => ({ familyId, standing: 'approved' }));
const terms = { meetingId: 'm1', format: 'group' as const, theme: 'Mentalisation', on: '2026-06-03', leaders: ['Tina Bang'] };
const plan = (change: Partial<PlanSupervisionMeeting['data']> = {}): PlanSupervisionMeeting => ({ type: 'PlanSupervisionMeeting', data: { ...terms, families: approved('f1', 'f2', 'f3'), ...change } });
const planned: SupervisionMeetingEvent = { type: 'SupervisionMeetingPlanned', data: { ...terms, familyIds: ['f1', 'f2', 'f3'] } };
const upcoming: SupervisionMeetingEvent = { type: 'SupervisionMeetingPlanned', data: { ...terms, on: '2026-06-24', familyIds: ['f1', 'f2'] } };

describe('planning supervision', () => {
  it('plan a group meeting of approved families records its theme, date and families', () => {
    spec.given([]).when(plan()).then([planned]);
  });

  it('plan an individual meeting with one family records it', () => {
    spec
      .given([])
      .when(plan({ format: 'individual', families: approved('f1') }))
      .then([{ type: 'SupervisionMeetingPlanned', data: { ...terms, format: 'individual', familyIds: ['f1'] } }]);
  });

  it.each([
    ['an individual meeting with two families', 'individual', approved('f1', 'f2')],
    ['a group meeting with one family', 'group', approved('f1')],
  ] as const)('plan %s is refused', (_case, format, families) => {
    spec.given([]).when(plan({ format, families: [...families] })).thenThrows('SUPPORT.WRONG_PARTICIPANT_COUNT');
  });

  it('plan a group meeting naming a family twice is refused', () => {
    spec.given([]).when(plan({ families: approved('f1', 'f1') })).thenThrows('SUPPORT.DUPLICATE_FAMILY', { familyId: 'f1' });
  });

  it('plan a group meeting with a family in recruitment is refused: supervision is for approved families', () => {
    spec.given([]).when(plan({ families: [...approved('f1'), { familyId: 'f2', standing: 'not-approved' }] })).thenThrows('SUPPORT.FAMILY_NOT_APPROVED', { familyId: 'f2' });
  });

  it('plan a meeting whose id is taken is refused', () => {
    spec.given([planned]).when(plan()).thenThrows('SUPPORT.MEETING_EXISTS');
  });
});

describe('attendance at supervision', () => {
  it('record that an invited family attended records it for that family', () => {
    spec.given([planned]).when({ type: 'RecordSupervisionAttendance', data: { familyId: 'f2', attended: true } }).then([{ type: 'SupervisionAttendanceRecorded', data: { familyId: 'f2', attended: true } }]);
  });

  it('record attendance of a family that was not invited is refused', () => {
    spec.given([planned]).when({ type: 'RecordSupervisionAttendance', data: { familyId: 'f9', attended: true } }).thenThrows('SUPPORT.NOT_A_PARTICIPANT');
  });

  it('record attendance before the meeting is held is refused', () => {
    spec.given([upcoming]).when({ type: 'RecordSupervisionAttendance', data: { familyId: 'f1', attended: true } }).thenThrows('SUPPORT.MEETING_NOT_HELD_YET');
  });

  it('record the same attendance again records nothing; a correction is recorded', () => {
    const attended: SupervisionMeetingEvent = { type: 'SupervisionAttendanceRecorded', data: { familyId: 'f1', attended: true } };
    spec.given([planned, attended]).when({ type: 'RecordSupervisionAttendance', data: { familyId: 'f1', attended: true } }).then([]);
    spec.given([planned, attended]).when({ type: 'RecordSupervisionAttendance', data: { familyId: 'f1', attended: false } }).then([{ type: 'SupervisionAttendanceRecorded', data: { familyId: 'f1', attended: false } }]);
  });

  it('cancel a meeting with attendance recorded is refused; without, it is cancelled and takes no attendance', () => {
    const attended: SupervisionMeetingEvent = { type: 'SupervisionAttendanceRecorded', data: { familyId: 'f1', attended: true } };
    spec.given([planned, attended]).when({ type: 'CancelSupervisionMeeting', data: { reason: 'Illness' } }).thenThrows('SUPPORT.ATTENDANCE_RECORDED');
    spec.given([upcoming]).when({ type: 'CancelSupervisionMeeting', data: { reason: 'Illness' } }).then([{ type: 'SupervisionMeetingCancelled', data: { reason: 'Illness' } }]);
    spec
      .given([planned, { type: 'SupervisionMeetingCancelled', data: { reason: 'Illness' } }])
      .when({ type: 'RecordSupervisionAttendance', data: { familyId: 'f1', attended: true } })
      .thenThrows('SUPPORT.MEETING_CANCELLED');
  });
});
