import type { FamilybankClient } from '@familybank/api-client';
import { startTestServer, type TestServer } from '../support/api-server';
import { deleteReadModels } from '../support/data-dir';
import { registration } from '../support/family-fixtures';
import { eventsRecorded, expectProblem, send, type RawResponse } from '../support/http-helpers';
import { registerAvailableFamily } from '../support/journeys';
import { seedDemoData } from '../../apps/api/src/infrastructure/demo/demo-seed';

/** Today for the API: attendance and calls are recorded after the fact, never for days to come. */
const NOW = new Date('2026-12-01T10:00:00.000Z');
const CALLS = 30;
/** Calls spread over two years, entered in an order that is not the order they came in. */
const callAt = (index: number) => `${2025 + (index % 2)}-${String(1 + (index % 11)).padStart(2, '0')}-${String(1 + (index % 27)).padStart(2, '0')}T22:15:00Z`;
const categories = ['advice', 'conflict-with-child', 'health'] as const;

/**
 * Support after approval through HTTP: a contact person, a development plan with follow-ups due,
 * emergency-line calls and their report per month, group supervision and a course with its
 * capacity. Every refusal is a documented problem and appends nothing; long lists page.
 */
describe('support after approval', () => {
  let server: TestServer;
  let vejle: FamilybankClient;
  let token: string;
  let approvedA: string;
  let approvedB: string;
  let lead: string;

  const post = (path: string, body: unknown, headers?: Record<string, string>) => send(server, 'POST', path, { token, body, headers });
  const get = (path: string) => send(server, 'GET', path, { token });
  const ok = (response: RawResponse, status = 200) => {
    expect({ status: response.status, body: response.json }).toEqual({ status, body: expect.anything() });
    return response.json;
  };
  /** A refused request: the documented problem, and not one event appended. */
  const refused = async (request: () => Promise<RawResponse>, status: number, code: string) => {
    const before = await eventsRecorded(server);
    expectProblem(await request(), status, code);
    expect(await eventsRecorded(server)).toBe(before);
  };

  beforeAll(async () => {
    server = await startTestServer({}, { clock: () => NOW });
    vejle = await server.client('0630');
    token = await server.token('0630');
    approvedA = await registerAvailableFamily(vejle);
    approvedB = await registerAvailableFamily(vejle, { registration: { adults: [{ adultId: 'a1', fullName: 'Fatima Ali' }] } });
    lead = ok(await post('/v1/families', registration()), 201).familyId;
  }, 60_000);
  afterAll(() => server.stop());

  describe('contact person', () => {
    it('is assigned and changed; the family detail and list show the current one and who assigned it', async () => {
      ok(await post(`/v1/families/${approvedA}/contact-person`, { userId: 'cw-anna', name: 'Anna Berg' }));
      const changed = ok(await post(`/v1/families/${approvedA}/contact-person`, { userId: 'cw-omar', name: 'Omar Haddad' }));
      expect(changed.contactPerson).toEqual({ userId: 'cw-omar', name: 'Omar Haddad', since: '2026-12-01', assignedBy: 'dev-caseworker+approver@0630' });
      const listed = ok(await get('/v1/families?limit=200')).items.find((family: { familyId: string }) => family.familyId === approvedA);
      expect(listed.contactPerson.userId).toBe('cw-omar');
      // The family search finds families by their current contact person (issue 8, item 6).
      expect(ok(await get('/v1/families?contactPerson=cw-omar')).items.map((family: { familyId: string }) => family.familyId)).toEqual([approvedA]);
      expect(ok(await get('/v1/families?contactPerson=cw-anna')).items).toEqual([]);
      const trail = ok(await get(`/v1/families/${approvedA}/events?limit=200`)).items.filter((event: { type: string }) => event.type === 'ContactPersonAssigned');
      expect(trail.map((event: { actor: string; data: { previous?: { userId: string } } }) => [event.actor, event.data.previous?.userId])).toEqual([
        ['dev-caseworker+approver@0630', undefined],
        ['dev-caseworker+approver@0630', 'cw-anna'],
      ]);
    });

    it('for a family in recruitment → 409; without a name → 400; for an auditor → 403; none appends anything', async () => {
      await refused(() => post(`/v1/families/${lead}/contact-person`, { userId: 'cw-anna', name: 'Anna Berg' }), 409, 'FAMILY.WRONG_STAGE');
      await refused(() => post(`/v1/families/${approvedA}/contact-person`, { userId: 'cw-anna' }), 400, 'REQUEST.VALIDATION');
      const auditor = await server.token('0630', ['auditor']);
      await refused(() => send(server, 'POST', `/v1/families/${approvedA}/contact-person`, { token: auditor, body: { userId: 'x', name: 'X' } }), 403, 'AUTH.ROLE_MISSING');
    });
  });

  describe('development plan', () => {
    let goalId: string;

    it('a goal starts the plan; its follow-up is listed as due; a follow-up moves the next one', async () => {
      const created = await post(`/v1/families/${approvedA}/development-plan/goals`, { title: 'Read a book together every day', setOn: '2026-09-01', followUpOn: '2026-11-15' });
      const plan = ok(created, 201);
      expect(created.headers.get('location')).toBe(`/v1/families/${approvedA}/development-plan`);
      expect(plan).toMatchObject({ familyId: approvedA, openGoals: 1, nextFollowUpDue: '2026-11-15', revision: 0 });
      goalId = plan.goals[0].goalId;
      ok(await post(`/v1/families/${approvedA}/development-plan/goals`, { title: 'Weekly call with the birth mother', setOn: '2026-10-01', followUpOn: '2027-01-10' }), 201);

      const due = ok(await get('/v1/support/follow-ups-due'));
      expect(due.items).toEqual([{ familyId: approvedA, nextFollowUpDue: '2026-11-15', goals: [{ goalId, title: 'Read a book together every day', followUpOn: '2026-11-15' }] }]);
      expect(ok(await get('/v1/support/follow-ups-due?dueBy=2027-01-31')).items[0].goals).toHaveLength(2);
      // The worklist lists the overdue follow-up (today is 2026-12-01), not the one in January.
      const worklist = ok(await get('/v1/worklist?kind=plan-follow-up')).items;
      expect(worklist).toEqual([expect.objectContaining({ kind: 'plan-follow-up', dueOn: '2026-11-15', overdue: true, subject: expect.objectContaining({ id: approvedA }) })]);

      const followed = ok(await post(`/v1/families/${approvedA}/development-plan/goals/${goalId}/follow-ups`, { on: '2026-11-20', note: 'Most evenings', nextFollowUpOn: '2027-02-20' }));
      expect(followed).toMatchObject({ nextFollowUpDue: '2027-01-10', revision: 2 });
      expect(ok(await get('/v1/support/follow-ups-due')).items).toEqual([]);
      expect(ok(await get('/v1/worklist?kind=plan-follow-up')).items).toEqual([]);
      const achieved = ok(await post(`/v1/families/${approvedA}/development-plan/goals/${goalId}/achievement`, { on: '2026-11-30' }));
      expect(achieved.goals[0]).toMatchObject({ status: 'achieved', followUps: 1, closed: { on: '2026-11-30', recordedBy: 'dev-caseworker+approver@0630' } });
      expect(ok(await get(`/v1/families/${approvedA}/development-plan`))).toEqual(achieved);
    });

    it('refusals: follow-up not after the goal was set, a closed goal, a family without approval, an unknown family, a stale If-Match, a malformed date', async () => {
      const goals = `/v1/families/${approvedA}/development-plan/goals`;
      await refused(() => post(goals, { title: 'x', setOn: '2026-10-01', followUpOn: '2026-09-30' }), 422, 'SUPPORT.FOLLOW_UP_NOT_AFTER');
      await refused(() => post(`${goals}/${goalId}/revision`, { title: 'Read more' }), 409, 'SUPPORT.GOAL_CLOSED');
      await refused(() => post(`/v1/families/${lead}/development-plan/goals`, { title: 'x', setOn: '2026-10-01', followUpOn: '2026-12-30' }), 422, 'SUPPORT.FAMILY_NOT_APPROVED');
      await refused(() => post('/v1/families/nobody/development-plan/goals', { title: 'x', setOn: '2026-10-01', followUpOn: '2026-12-30' }), 404, 'FAMILY.NOT_FOUND');
      await refused(() => post(`${goals}/${goalId}/drop`, { on: '2026-11-30', reason: 'x' }, { 'If-Match': '"0"' }), 412, 'SUPPORT.REVISION_MISMATCH');
      await refused(() => post(goals, { title: 'x', setOn: '2026-02-30', followUpOn: '2026-12-30' }), 400, 'REQUEST.VALIDATION');
      expectProblem(await get(`/v1/families/${approvedB}/development-plan`), 404, 'SUPPORT.PLAN_NOT_FOUND');
    });
  });

  describe('emergency line', () => {
    beforeAll(async () => {
      for (let index = 0; index < CALLS; index++) {
        const familyId = index % 3 === 0 ? approvedB : approvedA;
        ok(await post(`/v1/families/${familyId}/emergency-calls`, { receivedAt: callAt(index), category: categories[index % 3], durationMinutes: 10 + index }), 201);
      }
    }, 60_000);

    it('a family’s calls page, the latest recorded first, each exactly once', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Array<{ callId: string; familyId: string }>; nextCursor: string | null } = ok(
          await get(`/v1/families/${approvedA}/emergency-calls?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`),
        );
        expect(page.items.every((call) => call.familyId === approvedA)).toBe(true);
        seen.push(...page.items.map((call) => call.callId));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(20);
      expect(new Set(seen).size).toBe(20);
    });

    it('calls per month over two years match a count by hand, with empty months as zero', async () => {
      const report = ok(await get('/v1/support/emergency-calls/per-month?from=2025-01&to=2026-12'));
      expect(report.months).toHaveLength(24);
      const expected = new Map<string, { calls: number; minutes: number }>();
      for (let index = 0; index < CALLS; index++) {
        const month = callAt(index).slice(0, 7);
        const sum = expected.get(month) ?? { calls: 0, minutes: 0 };
        expected.set(month, { calls: sum.calls + 1, minutes: sum.minutes + 10 + index });
      }
      for (const month of report.months) expect({ month: month.month, ...(expected.get(month.month) ?? { calls: 0, minutes: 0 }) }).toEqual({ month: month.month, calls: month.calls, minutes: month.minutes });
      // 30 calls: index % 3 picks the category, so ten of each.
      expect(report.total).toEqual({ calls: CALLS, minutes: CALLS * 10 + (CALLS * (CALLS - 1)) / 2, byCategory: { advice: 10, 'conflict-with-child': 10, health: 10 } });
      // The figure over time counts the same calls, and how many families called.
      const figure = ok(await get('/v1/figures/emergency-calls?from=2025-01-01&to=2026-12-31&grouping=year'));
      expect(figure.rows.map((row: { calls: number; families: number }) => [row.calls, row.families])).toEqual([
        [15, 2],
        [15, 2],
      ]);
      const january = ok(await get('/v1/support/emergency-calls?from=2025-01-01&to=2025-01-31&limit=200'));
      // Index 0 and 22 (even: 2025; a multiple of 11: January), on days 1 and 23.
      expect(january.items.map((call: { receivedOn: string }) => call.receivedOn).sort()).toEqual(['2025-01-01', '2025-01-23']);
    });

    it('refusals: a call of no length, one still to come, an unknown category, a family without approval, a reversed period', async () => {
      const calls = `/v1/families/${approvedA}/emergency-calls`;
      const call = { receivedAt: '2026-11-30T23:00:00Z', category: 'advice', durationMinutes: 5 };
      await refused(() => post(calls, { ...call, durationMinutes: 0 }), 400, 'REQUEST.VALIDATION');
      await refused(() => post(calls, { ...call, category: 'boredom' }), 400, 'REQUEST.VALIDATION');
      await refused(() => post(calls, { ...call, receivedAt: '2026-12-03T01:00:00Z' }), 422, 'SUPPORT.DATE_IN_FUTURE');
      await refused(() => post(`/v1/families/${lead}/emergency-calls`, call), 422, 'SUPPORT.FAMILY_NOT_APPROVED');
      expectProblem(await get('/v1/support/emergency-calls/per-month?from=2026-05&to=2026-01'), 422, 'REQUEST.RULE_VIOLATED');
      expectProblem(await get('/v1/support/emergency-calls/per-month?from=2026-13&to=2027-01'), 400, 'REQUEST.VALIDATION');
      expectProblem(await get('/v1/families/nobody/emergency-calls'), 404, 'FAMILY.NOT_FOUND');
    });
  });

  describe('supervision', () => {
    it('a group meeting of two families records attendance per family; each family finds it', async () => {
      const created = await post('/v1/support/supervision-meetings', { format: 'group', theme: 'Mentalisation', on: '2026-11-26', leaders: ['Tina Bang'], familyIds: [approvedA, approvedB] });
      const meeting = ok(created, 201);
      expect(created.headers.get('location')).toBe(`/v1/support/supervision-meetings/${meeting.meetingId}`);
      ok(await post(`/v1/support/supervision-meetings/${meeting.meetingId}/attendance`, { familyId: approvedA, attended: true }));
      const after = ok(await post(`/v1/support/supervision-meetings/${meeting.meetingId}/attendance`, { familyId: approvedB, attended: false, note: 'Child ill' }));
      expect(after.participants).toEqual([
        { familyId: approvedA, attended: true, recordedBy: 'dev-caseworker+approver@0630' },
        { familyId: approvedB, attended: false, note: 'Child ill', recordedBy: 'dev-caseworker+approver@0630' },
      ]);
      ok(await post('/v1/support/supervision-meetings', { format: 'individual', theme: 'Mentalisation', on: '2026-11-27', familyIds: [approvedA] }), 201);
      expect(ok(await get(`/v1/support/supervision-meetings?familyId=${approvedB}`)).items.map((m: { meetingId: string }) => m.meetingId)).toEqual([meeting.meetingId]);
      expect(ok(await get(`/v1/support/supervision-meetings?familyId=${approvedA}`)).items).toHaveLength(2);
    });

    it('refusals: attendance of a family not invited, a group of one, a family in recruitment, a meeting still to come', async () => {
      const meeting = ok(await post('/v1/support/supervision-meetings', { format: 'individual', theme: 'Contact with parents', on: '2026-12-10', familyIds: [approvedB] }), 201);
      const attendance = `/v1/support/supervision-meetings/${meeting.meetingId}/attendance`;
      await refused(() => post(attendance, { familyId: approvedA, attended: true }), 422, 'SUPPORT.NOT_A_PARTICIPANT');
      await refused(() => post(attendance, { familyId: approvedB, attended: true }), 422, 'SUPPORT.MEETING_NOT_HELD_YET');
      await refused(() => post('/v1/support/supervision-meetings', { format: 'group', theme: 'x', on: '2026-11-01', familyIds: [approvedA] }), 422, 'SUPPORT.WRONG_PARTICIPANT_COUNT');
      await refused(() => post('/v1/support/supervision-meetings', { format: 'group', theme: 'x', on: '2026-11-01', familyIds: [approvedA, lead] }), 422, 'SUPPORT.FAMILY_NOT_APPROVED');
      await refused(() => post('/v1/support/supervision-meetings/nothing/attendance', { familyId: approvedA, attended: true }), 404, 'SUPPORT.MEETING_NOT_FOUND');
    });
  });

  describe('courses', () => {
    it('a course takes families up to its capacity; attendance is per session and only of enrolled families', async () => {
      const sessions = [
        { sessionId: 's1', on: '2026-11-10', topic: 'What ADHD is' },
        { sessionId: 's2', on: '2026-12-08' },
      ];
      const course = ok(await post('/v1/support/courses', { title: 'Children with ADHD at home', capacity: 1, sessions }), 201);
      const path = `/v1/support/courses/${course.courseId}`;
      ok(await post(`${path}/enrolments`, { familyId: approvedA }));
      await refused(() => post(`${path}/enrolments`, { familyId: approvedB }), 409, 'SUPPORT.COURSE_FULL');
      await refused(() => post(`${path}/sessions/s1/attendance`, { familyId: approvedB, attended: true }), 422, 'SUPPORT.NOT_ENROLLED');
      await refused(() => post(`${path}/sessions/s2/attendance`, { familyId: approvedA, attended: true }), 422, 'SUPPORT.SESSION_NOT_HELD_YET');
      await refused(() => post(`${path}/enrolments`, { familyId: lead }), 422, 'SUPPORT.FAMILY_NOT_APPROVED');
      await refused(() => post('/v1/support/courses', { title: 'x', capacity: 0, sessions }), 400, 'REQUEST.VALIDATION');
      const attended = ok(await post(`${path}/sessions/s1/attendance`, { familyId: approvedA, attended: true }));
      expect(attended).toMatchObject({ enrolled: 1, freePlaces: 0, sessions: [{ sessionId: 's1', attended: 1 }, { sessionId: 's2', attended: 0 }] });
      const withdrawn = ok(await post(`${path}/enrolments/${approvedA}/withdrawal`, { reason: 'Moved' }));
      expect(withdrawn).toMatchObject({ enrolled: 0, freePlaces: 1 });
      ok(await post(`${path}/enrolments`, { familyId: approvedB }));
      expect(ok(await get(`/v1/support/courses?familyId=${approvedA}`)).items.map((c: { courseId: string }) => c.courseId)).toEqual([course.courseId]);
    });
  });

  it('the support read models are disposable: deleted and rebuilt from the log, every support GET answers the same', async () => {
    const paths = [
      `/v1/families/${approvedA}`,
      `/v1/families/${approvedA}/development-plan`,
      '/v1/support/follow-ups-due?dueBy=2027-12-31',
      `/v1/families/${approvedA}/emergency-calls?limit=200`,
      '/v1/support/emergency-calls?limit=200',
      '/v1/support/emergency-calls/per-month?from=2025-01&to=2026-12',
      '/v1/support/supervision-meetings?limit=200',
      '/v1/support/courses?limit=200',
    ];
    // A connection kept alive from before the restart is closed by the new server: once, ask again.
    const read = async () => {
      const answers = [];
      for (const path of paths) answers.push(ok(await get(path).catch(() => get(path))));
      return answers;
    };
    const before = await read();
    await server.restart(() => deleteReadModels(server.dataDir));
    expect(await read()).toEqual(before);
  }, 60_000);
});

describe('the demo data shows support after approval', () => {
  let server: TestServer;
  afterAll(() => server.stop());

  it('contact persons, a group supervision with attendance, a course with enrolments, a plan with a follow-up due, and two years of calls', async () => {
    server = await startTestServer({}, { clock: () => NOW });
    expect(await seedDemoData(server.app.runtime.gateway, server.app.runtime.eventStore, NOW)).toBe(true);
    const token = await server.token('0630');
    const get = async (path: string) => {
      const response = await send(server, 'GET', path, { token });
      expect(response.status).toBe(200);
      return response.json;
    };
    const families = (await get('/v1/families?limit=200')).items as Array<{ stage: string; contactPerson?: { name: string } }>;
    const approved = families.filter((family) => ['approved', 'available', 'suspended'].includes(family.stage));
    expect(approved.length).toBeGreaterThanOrEqual(4);
    expect(approved.every((family) => family.contactPerson?.name)).toBe(true);
    const [meeting] = (await get('/v1/support/supervision-meetings?format=group')).items;
    expect(meeting.participants.filter((participant: { attended?: boolean }) => participant.attended !== undefined).length).toBeGreaterThanOrEqual(2);
    const [course] = (await get('/v1/support/courses')).items;
    expect(course.enrolled).toBeGreaterThanOrEqual(2);
    expect(course.sessions[0].attended).toBeGreaterThanOrEqual(1);
    expect((await get('/v1/support/follow-ups-due')).items).toHaveLength(1);
    const report = await get('/v1/support/emergency-calls/per-month?from=2024-12&to=2026-12');
    expect(report.total.calls).toBe(40);
    expect(new Set(report.months.filter((month: { calls: number }) => month.calls > 0).map((month: { month: string }) => month.month.slice(0, 4))).size).toBeGreaterThanOrEqual(2);
  }, 60_000);
});
