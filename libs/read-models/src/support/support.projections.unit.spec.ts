import type { Message } from '@familybank/domain-core';
import type { CourseEvent, DevelopmentPlanEvent, EmergencyCall, SupervisionMeetingEvent } from '@familybank/domain-support';
import type { RecordedEvent } from '@familybank/event-store';
import type { Projection } from '../projection';
import { coursesProjection } from './courses.projection';
import { developmentPlansProjection } from './development-plans.projection';
import { emergencyCallsPerMonthProjection, emergencyCallsProjection } from './emergency-calls.projection';
import { supervisionMeetingsProjection } from './supervision-meetings.projection';
import { monthsFrom } from './support-queries';

/** Events as the store records them on one stream, revision by revision, a day apart. */
function onStream<E extends Message>(streamId: string, events: E[], municipality = '0630'): Array<RecordedEvent & E> {
  return events.map((event, revision) => {
    const occurredAt = new Date(Date.UTC(2026, 5, 1 + revision, 9)).toISOString();
    return {
      ...event,
      eventId: `${streamId}-${revision}`,
      streamId,
      revision,
      position: revision + 1,
      recordedAt: occurredAt,
      metadata: { actor: 'anna@0630', municipality, correlationId: 'c', causationId: `cmd-${revision}`, occurredAt, schemaVersion: 1 },
    } as RecordedEvent & E;
  });
}

/** Folds events into documents by id, as the runner does. */
function fold<Doc>(projection: Projection<Doc>, events: RecordedEvent[]): Map<string, Doc> {
  const documents = new Map<string, Doc>();
  for (const event of events.filter((candidate) => projection.handles.has(candidate.type) && candidate.streamId.startsWith(projection.streamPrefix))) {
    const id = projection.documentId(event);
    const next = projection.evolve(documents.get(id) ?? null, event, id);
    if (next === null) documents.delete(id);
    else documents.set(id, next);
  }
  return documents;
}

describe('development plans projection', () => {
  const goal = (goalId: string, setOn: string, followUpOn: string): DevelopmentPlanEvent => ({ type: 'GoalAdded', data: { familyId: 'f1', goalId, title: `Goal ${goalId}`, setOn, followUpOn } });
  const events = onStream<DevelopmentPlanEvent>('development-plan-f1', [
    goal('g1', '2026-01-10', '2026-04-10'),
    goal('g2', '2026-02-01', '2026-03-01'),
    goal('g3', '2026-02-01', '2026-02-20'),
    { type: 'GoalFollowedUp', data: { goalId: 'g2', on: '2026-03-02', note: 'Going well', nextFollowUpOn: '2026-06-01' } },
    { type: 'GoalDropped', data: { goalId: 'g3', on: '2026-02-21', reason: 'Child moved' } },
    { type: 'GoalRevised', data: { goalId: 'g1', title: 'Goal one, sharper' } },
  ]);

  it('the next follow-up due is the earliest of the open goals’ follow-ups; a dropped goal’s no longer counts', () => {
    const plan = fold(developmentPlansProjection, events).get('f1')!;
    expect(plan).toMatchObject({ familyId: 'f1', openGoals: 2, nextFollowUpDue: '2026-04-10', revision: 5 });
    expect(plan.goals.map(({ goalId, status, followUpOn, followUps }) => ({ goalId, status, followUpOn, followUps }))).toEqual([
      { goalId: 'g1', status: 'open', followUpOn: '2026-04-10', followUps: 0 },
      { goalId: 'g2', status: 'open', followUpOn: '2026-06-01', followUps: 1 },
      { goalId: 'g3', status: 'dropped', followUpOn: undefined, followUps: 0 },
    ]);
    expect(plan.goals[0]!.title).toBe('Goal one, sharper');
    expect(plan.goals[1]!.lastFollowUp).toEqual({ on: '2026-03-02', note: 'Going well', recordedBy: 'anna@0630' });
    expect(plan.goals[2]!.closed).toEqual({ on: '2026-02-21', note: 'Child moved', recordedBy: 'anna@0630' });
  });

  it('with every goal closed, no follow-up is due', () => {
    const closed = onStream<DevelopmentPlanEvent>('development-plan-f1', [goal('g1', '2026-01-10', '2026-04-10'), { type: 'GoalAchieved', data: { goalId: 'g1', on: '2026-03-01' } }]);
    const plan = fold(developmentPlansProjection, closed).get('f1')!;
    expect(plan.openGoals).toBe(0);
    expect(plan).not.toHaveProperty('nextFollowUpDue');
  });
});

describe('emergency calls projections', () => {
  const call = (callId: string, receivedAt: string, category: EmergencyCall['category'], durationMinutes: number) => ({
    type: 'EmergencyCallRecorded' as const,
    data: { callId, familyId: callId.startsWith('a') ? 'fa' : 'fb', receivedAt, category, durationMinutes },
  });
  // Two families, two years; one call sent with an offset that puts it in the previous month in UTC.
  const events = [
    ...onStream('emergency-line-fa', [call('a1', '2025-01-15T22:00:00Z', 'advice', 10), call('a2', '2025-01-31T23:30:00Z', 'conflict-with-child', 30), call('a3', '2026-12-01T00:30:00+01:00', 'advice', 5)]),
    ...onStream('emergency-line-fb', [call('b1', '2025-01-02T03:00:00Z', 'child-missing', 45), call('b2', '2026-03-10T12:00:00Z', 'advice', 20)]),
    ...onStream('emergency-line-fc', [call('c1', '2025-01-20T10:00:00Z', 'advice', 7)], '0265'),
  ];

  it('one document per call, with the day it was received in UTC', () => {
    const calls = fold(emergencyCallsProjection, events);
    expect(calls.size).toBe(6);
    expect(calls.get('fa/a3')).toMatchObject({ familyId: 'fa', receivedAt: '2026-11-30T23:30:00.000Z', receivedOn: '2026-11-30', recordedBy: 'anna@0630' });
  });

  it('counts calls, minutes and categories per municipality and month (hand-computed)', () => {
    const months = fold(emergencyCallsPerMonthProjection, events);
    expect([...months.keys()].sort()).toEqual(['0265/2025-01', '0630/2025-01', '0630/2026-03', '0630/2026-11']);
    expect(months.get('0630/2025-01')).toEqual({ month: '2025-01', calls: 3, minutes: 85, byCategory: { advice: 1, 'conflict-with-child': 1, 'child-missing': 1 } });
    expect(months.get('0630/2026-11')).toEqual({ month: '2026-11', calls: 1, minutes: 5, byCategory: { advice: 1 } });
    expect(months.get('0265/2025-01')).toEqual({ month: '2025-01', calls: 1, minutes: 7, byCategory: { advice: 1 } });
  });

  it('months of a period run across the turn of the year', () => {
    expect(monthsFrom('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsFrom('2026-02', '2026-02')).toEqual(['2026-02']);
  });
});

describe('supervision meetings projection', () => {
  it('shows each invited family’s attendance, and who recorded it', () => {
    const events = onStream<SupervisionMeetingEvent>('supervision-meeting-m1', [
      { type: 'SupervisionMeetingPlanned', data: { meetingId: 'm1', format: 'group', theme: 'Mentalisation', on: '2026-05-01', leaders: [], familyIds: ['f1', 'f2', 'f3'] } },
      { type: 'SupervisionAttendanceRecorded', data: { familyId: 'f1', attended: true } },
      { type: 'SupervisionAttendanceRecorded', data: { familyId: 'f3', attended: false, note: 'Ill' } },
    ]);
    const meeting = fold(supervisionMeetingsProjection, events).get('m1')!;
    expect(meeting.participants).toEqual([
      { familyId: 'f1', attended: true, recordedBy: 'anna@0630' },
      { familyId: 'f2' },
      { familyId: 'f3', attended: false, note: 'Ill', recordedBy: 'anna@0630' },
    ]);
    expect(meeting).toMatchObject({ status: 'planned', familyIds: ['f1', 'f2', 'f3'], revision: 2 });
  });
});

describe('courses projection', () => {
  it('counts enrolled families, free places and attendance per session; a withdrawal frees a place', () => {
    const events = onStream<CourseEvent>('course-c1', [
      { type: 'CourseCreated', data: { courseId: 'c1', title: 'ADHD', capacity: 3, sessions: [{ sessionId: 's1', on: '2026-05-01' }, { sessionId: 's2', on: '2026-05-08' }] } },
      { type: 'FamilyEnrolled', data: { familyId: 'f1' } },
      { type: 'FamilyEnrolled', data: { familyId: 'f2' } },
      { type: 'FamilyEnrolled', data: { familyId: 'f3' } },
      { type: 'CourseAttendanceRecorded', data: { sessionId: 's1', familyId: 'f1', attended: true } },
      { type: 'CourseAttendanceRecorded', data: { sessionId: 's1', familyId: 'f2', attended: true } },
      { type: 'CourseAttendanceRecorded', data: { sessionId: 's1', familyId: 'f3', attended: false } },
      { type: 'CourseAttendanceRecorded', data: { sessionId: 's1', familyId: 'f2', attended: false } },
      { type: 'EnrolmentWithdrawn', data: { familyId: 'f3', reason: 'Moved' } },
    ]);
    const course = fold(coursesProjection, events).get('c1')!;
    expect(course).toMatchObject({ capacity: 3, enrolled: 2, freePlaces: 1, familyIds: ['f1', 'f2', 'f3'], revision: 8 });
    expect(course.sessions.map(({ sessionId, attended }) => ({ sessionId, attended }))).toEqual([
      { sessionId: 's1', attended: 1 },
      { sessionId: 's2', attended: 0 },
    ]);
    expect(course.enrolments.map(({ familyId, status, attended, absent }) => ({ familyId, status, attended, absent }))).toEqual([
      { familyId: 'f1', status: 'enrolled', attended: ['s1'], absent: [] },
      { familyId: 'f2', status: 'enrolled', attended: [], absent: ['s1'] },
      { familyId: 'f3', status: 'withdrawn', attended: [], absent: ['s1'] },
    ]);
  });
});
