import { unwrap, type FamilybankClient } from '@familybank/api-client';

/**
 * Support after approval for one approved family of a municipality: a contact person, a plan goal
 * with a follow-up, a call to the emergency line, an individual supervision with attendance and a
 * course with an enrolment and attendance. Dates lie in the past, as recorded support does.
 */
export async function recordSupport(client: FamilybankClient, familyId: string): Promise<void> {
  const path = { familyId };
  await unwrap(client.POST('/v1/families/{familyId}/contact-person', { params: { path }, body: { userId: 'cw-anna', name: 'Anna Berg' } }));
  const plan = await unwrap(client.POST('/v1/families/{familyId}/development-plan/goals', { params: { path }, body: { title: 'Reads with the child daily', setOn: '2026-10-01', followUpOn: '2026-11-01' } }));
  const goalId = plan.goals[0]!.goalId;
  await unwrap(
    client.POST('/v1/families/{familyId}/development-plan/goals/{goalId}/follow-ups', { params: { path: { familyId, goalId } }, body: { on: '2026-11-02', note: 'Most evenings', nextFollowUpOn: '2027-02-01' } }),
  );
  await unwrap(client.POST('/v1/families/{familyId}/emergency-calls', { params: { path }, body: { receivedAt: '2026-11-14T23:10:00Z', category: 'conflict-with-child', durationMinutes: 20 } }));
  const meeting = await unwrap(client.POST('/v1/support/supervision-meetings', { body: { format: 'individual', theme: 'Mentalisation', on: '2026-11-05', familyIds: [familyId] } }));
  await unwrap(client.POST('/v1/support/supervision-meetings/{meetingId}/attendance', { params: { path: { meetingId: meeting.meetingId } }, body: { familyId, attended: true } }));
  const course = await unwrap(client.POST('/v1/support/courses', { body: { title: 'Children with ADHD at home', capacity: 8, sessions: [{ sessionId: 's1', on: '2026-11-10' }] } }));
  await unwrap(client.POST('/v1/support/courses/{courseId}/enrolments', { params: { path: { courseId: course.courseId } }, body: { familyId } }));
  await unwrap(client.POST('/v1/support/courses/{courseId}/sessions/{sessionId}/attendance', { params: { path: { courseId: course.courseId, sessionId: 's1' } }, body: { familyId, attended: true } }));
}

/** The support GETs of a municipality whose answers the rebuild-equality test compares. */
export const SUPPORT_LISTS = ['/v1/support/follow-ups-due?dueBy=2099-12-31', '/v1/support/emergency-calls', '/v1/support/supervision-meetings', '/v1/support/courses'] as const;
export const FAMILY_SUPPORT_LISTS = ['emergency-calls'] as const;
