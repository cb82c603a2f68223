import { randomUUID } from 'node:crypto';
import { isoDate } from '@familybank/domain-core';
import { EMERGENCY_CALL_CATEGORIES } from '@familybank/domain-support';
import { APPROVED_STAGES, familyDecider, type FamilyEvent, type FamilyStage, type FamilyState } from '@familybank/domain-family';
import type { EventStore, RecordedEvent } from '@familybank/event-store';
import type { AggregateCommand } from '../../platform/commands/aggregate-command';
import type { CommandGateway } from '../../platform/commands/command-gateway';

const DAY = 86_400_000;
const CONTACT_PERSONS = [
  { userId: 'demo-caseworker-1', name: 'Anna Berg' },
  { userId: 'demo-caseworker-2', name: 'Omar Haddad' },
];

/** The families of each municipality in an approved stage now (the demo's history also holds expired and retired ones). */
async function approvedFamilies(store: EventStore): Promise<Map<string, string[]>> {
  const families = new Map<string, { municipality: string; state: FamilyState }>();
  for (let after = 0; ; ) {
    const batch = await store.readAll({ after, limit: 1_000 });
    if (batch.length === 0) break;
    for (const event of batch.filter((candidate) => candidate.streamId.startsWith('family-'))) {
      const folded = families.get(event.streamId) ?? { municipality: event.metadata.municipality, state: familyDecider.initialState() };
      families.set(event.streamId, { ...folded, state: familyDecider.evolve(folded.state, event as RecordedEvent & FamilyEvent) });
    }
    after = batch[batch.length - 1]!.position;
  }
  const byMunicipality = new Map<string, string[]>();
  for (const [streamId, { municipality, state }] of families) {
    if (APPROVED_STAGES.includes(state.status as FamilyStage)) byMunicipality.set(municipality, [...(byMunicipality.get(municipality) ?? []), streamId.slice('family-'.length)]);
  }
  return byMunicipality;
}

/**
 * Support after approval in the demo (seeds 001, 004), through the command path: a contact person
 * for every approved family, a group supervision with attendance, a course with enrolments and
 * attendance, a development plan with one follow-up overdue, and emergency-line calls over two years.
 */
export async function seedSupportDemo(gateway: CommandGateway, store: EventStore, now: Date): Promise<void> {
  const day = (offset: number) => isoDate(new Date(now.getTime() + offset * DAY));
  for (const [municipality, families] of await approvedFamilies(store)) {
    const run = (target: AggregateCommand) =>
      gateway.execute(target, { actor: 'system:demo-seed', municipality, commandId: randomUUID(), correlationId: `demo-seed-support-${municipality}` });
    // Families of the municipality's own, just approved by the seed: the look-up the HTTP handler would load.
    const approved = (familyId: string) => ({ familyId, standing: 'approved' as const });
    const [first, second, third] = families;
    if (!first || !second) continue;

    for (const [index, familyId] of families.entries()) {
      await run({ aggregate: 'family', id: familyId, command: { type: 'AssignContactPerson', data: CONTACT_PERSONS[index % CONTACT_PERSONS.length]! } });
    }

    const meetingId = randomUUID();
    const group = [first, second, ...(third ? [third] : [])];
    await run({
      aggregate: 'supervision-meeting',
      id: meetingId,
      command: { type: 'PlanSupervisionMeeting', data: { meetingId, format: 'group', theme: 'Mentalisation', on: day(-14), leaders: ['Family-care consultant'], families: group.map(approved) } },
    });
    for (const [index, familyId] of group.entries()) {
      await run({ aggregate: 'supervision-meeting', id: meetingId, command: { type: 'RecordSupervisionAttendance', data: { familyId, attended: index !== 1 } } });
    }
    const individualId = randomUUID();
    await run({
      aggregate: 'supervision-meeting',
      id: individualId,
      command: { type: 'PlanSupervisionMeeting', data: { meetingId: individualId, format: 'individual', theme: 'Mentalisation', on: day(21), leaders: [], families: [approved(second)] } },
    });

    const courseId = randomUUID();
    const sessions = [
      { sessionId: 's1', on: day(-21), topic: 'What ADHD is' },
      { sessionId: 's2', on: day(-7), topic: 'Everyday structure' },
      { sessionId: 's3', on: day(14), topic: 'Self-harm: signs and help' },
    ];
    await run({ aggregate: 'course', id: courseId, command: { type: 'CreateCourse', data: { courseId, title: 'Children with ADHD at home', capacity: 12, sessions } } });
    for (const familyId of group) await run({ aggregate: 'course', id: courseId, command: { type: 'EnrolFamily', data: { familyId, family: 'approved' } } });
    for (const [index, familyId] of group.entries()) {
      for (const sessionId of ['s1', 's2']) {
        await run({ aggregate: 'course', id: courseId, command: { type: 'RecordCourseAttendance', data: { sessionId, familyId, attended: !(index === 1 && sessionId === 's2') } } });
      }
    }

    const goals = [
      { title: 'Reads a book with the child every day', setOn: day(-90), followUpOn: day(-3) },
      { title: 'A weekly call with the child’s mother', setOn: day(-60), followUpOn: day(25) },
    ];
    for (const goal of goals) {
      await run({ aggregate: 'development-plan', id: first, command: { type: 'AddGoal', data: { ...goal, familyId: first, goalId: randomUUID(), family: 'approved' } } });
    }

    // Calls over two years, one every two to three weeks: the line is quiet for weeks at a time (seed 004).
    for (let index = 0; index < 40; index++) {
      const familyId = families[index % families.length]!;
      const receivedAt = new Date(now.getTime() - (3 + index * 18) * DAY - (index % 7) * 3_600_000).toISOString();
      const data = { callId: randomUUID(), familyId, receivedAt, category: EMERGENCY_CALL_CATEGORIES[index % EMERGENCY_CALL_CATEGORIES.length]!, durationMinutes: 5 + ((index * 7) % 40), family: 'approved' as const };
      await run({ aggregate: 'emergency-line', id: familyId, command: { type: 'RecordEmergencyCall', data } });
    }
  }
}
