import { deciderSpecification } from '@familybank/domain-core/testing';
import { emergencyLineDecider, type EmergencyCall, type EmergencyLineEvent } from './emergency-line';
import { NOW } from './testing/support.fixtures';

const spec = deciderSpecification(emergencyLineDecider, { now: NOW });
const call: EmergencyCall = { callId: 'c1', familyId: 'fam-1', receivedAt: '2026-06-09T23:40:00.000Z', category: 'conflict-with-child', durationMinutes: 25 };
const recorded: EmergencyLineEvent = { type: 'EmergencyCallRecorded', data: call };

describe('calls to the emergency line', () => {
  it('record a call of an approved family records its category and duration', () => {
    spec.given([]).when({ type: 'RecordEmergencyCall', data: { ...call, family: 'approved' } }).then([recorded]);
  });

  it('record a call, of a family without approval, is refused', () => {
    spec.given([]).when({ type: 'RecordEmergencyCall', data: { ...call, family: 'not-approved' } }).thenThrows('SUPPORT.FAMILY_NOT_APPROVED');
  });

  it('record a call, of a family that is not ours, is refused as not found', () => {
    spec.given([]).when({ type: 'RecordEmergencyCall', data: { ...call, family: 'unknown' } }).thenThrows('FAMILY.NOT_FOUND');
  });

  it.each([0, 601, 2.5])('record a call lasting %s minutes is refused', (durationMinutes) => {
    spec.given([]).when({ type: 'RecordEmergencyCall', data: { ...call, durationMinutes, family: 'approved' } }).thenThrows('SUPPORT.CALL_DURATION_INVALID');
  });

  it('record a call received tomorrow is refused', () => {
    spec.given([]).when({ type: 'RecordEmergencyCall', data: { ...call, receivedAt: '2026-06-11T01:00:00.000Z', family: 'approved' } }).thenThrows('SUPPORT.DATE_IN_FUTURE');
  });

  it('record the same call again is refused', () => {
    spec.given([recorded]).when({ type: 'RecordEmergencyCall', data: { ...call, family: 'approved' } }).thenThrows('SUPPORT.CALL_EXISTS');
  });

  it('record a second call of the family records it too', () => {
    const second = { ...call, callId: 'c2', category: 'advice' as const };
    spec.given([recorded]).when({ type: 'RecordEmergencyCall', data: { ...second, family: 'approved' } }).then([{ type: 'EmergencyCallRecorded', data: second }]);
  });
});
