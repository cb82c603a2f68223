import { unwrap, type FamilybankClient } from '@familybank/api-client';
import { startTestServer, type TestServer } from '../support/api-server';
import { registration } from '../support/family-fixtures';
import { makePartners, needs } from '../support/federation';
import { eventually, registerAvailableFamily } from '../support/journeys';

jest.setTimeout(60_000);

const [A, B] = ['0630', '0265'];

/**
 * Around a request for one child: targeted recruitment when no family fits, candidates ranked from
 * the requester's own families and its partners' pool, introduction visits once the request is
 * filled, and the end of the assignment, which gives the family's place back to the pool.
 */
describe('request extras: recruitment, candidates, introduction visits, ending an assignment', () => {
  let server: TestServer;
  const client: Record<string, FamilybankClient> = {};
  let localOfA: string;
  let familyOfB: string;
  let networkFamilyOfB: string;
  let pseudonymOfB: string;
  let networkPseudonym: string;
  let recruiting: string;
  let filledRequest: string;
  let assignmentId: string;
  let offerId: string;

  beforeAll(async () => {
    server = await startTestServer();
    for (const code of [A, B]) {
      client[code] = await server.client(code, ['caseworker', 'approver']);
      await unwrap(client[code]!.GET('/v1/partnerships', {}));
    }
    await makePartners(client[A]!, A, client[B]!, B);
    localOfA = await registerAvailableFamily(client[A]!);
    familyOfB = await registerAvailableFamily(client[B]!, { registration: { sourceDetail: 'offered' } });
    networkFamilyOfB = await registerAvailableFamily(client[B]!, {
      registration: { sourceDetail: 'the child’s aunt', competences: [], languages: ['sv'], adults: [{ adultId: 'a1', fullName: 'Karin Berg' }] },
    });
    // The pool of A holds both of B's families once B's relay published them.
    const pool = await eventually(async () => {
      const { items } = await unwrap(client[A]!.GET('/v1/pool', {}));
      expect(items).toHaveLength(2);
      return items;
    });
    const detailOf = async (familyId: string) => unwrap(client[B]!.GET('/v1/families/{familyId}', { params: { path: { familyId } } }));
    expect((await detailOf(familyOfB)).stage).toBe('available');
    expect((await detailOf(networkFamilyOfB)).stage).toBe('available');
    // The pseudonyms are not derivable here; tell the two apart by what only the network family lacks.
    pseudonymOfB = pool.find((profile) => profile.competences.includes('adhd'))!.pseudonym;
    networkPseudonym = pool.find((profile) => profile.competences.length === 0)!.pseudonym;
  });
  afterAll(() => server.stop());

  const request = (requestId: string) => unwrap(client[A]!.GET('/v1/requests/{requestId}', { params: { path: { requestId } } }));
  const open = async (caseReference: string, overrides: Record<string, unknown> = {}) =>
    (await unwrap(client[A]!.POST('/v1/requests', { body: { caseReference, needs: needs(overrides), responseDeadline: '2026-12-15' } }))).requestId;

  describe('targeted recruitment', () => {
    beforeAll(async () => {
      recruiting = await open('SAG-RECRUIT-1');
    });

    it('a lead naming a request whose recruitment has not started is refused (422 REQUEST.RECRUITMENT_NOT_STARTED)', async () => {
      const refused = await client[A]!.POST('/v1/families', { body: registration({ sourceChannel: 'child-request', recruitedForRequestId: recruiting }) });
      expect(refused.response.status).toBe(422);
      expect(refused.error).toMatchObject({ code: 'REQUEST.RECRUITMENT_NOT_STARTED' });
    });

    it('the channel and the request go together (422 FAMILY.REQUEST_SOURCE_MISSING / _UNEXPECTED)', async () => {
      const missing = await client[A]!.POST('/v1/families', { body: registration({ sourceChannel: 'child-request' }) });
      expect(missing.response.status).toBe(422);
      expect(missing.error).toMatchObject({ code: 'FAMILY.REQUEST_SOURCE_MISSING' });
      const unexpected = await client[A]!.POST('/v1/families', { body: registration({ sourceChannel: 'campaign', recruitedForRequestId: recruiting }) });
      expect(unexpected.response.status).toBe(422);
      expect(unexpected.error).toMatchObject({ code: 'FAMILY.REQUEST_SOURCE_UNEXPECTED' });
    });

    it('the caseworker starts recruitment; a lead registered for the request shows in its recruited families', async () => {
      const started = await unwrap(client[A]!.POST('/v1/requests/{requestId}/targeted-recruitment', { params: { path: { requestId: recruiting } }, body: {} }));
      expect(started).toMatchObject({ recruitmentStarted: true, recruitedFamilies: [] });
      const lead = await unwrap(
        client[A]!.POST('/v1/families', {
          body: registration({ sourceChannel: 'child-request', recruitedForRequestId: recruiting, adults: [{ adultId: 'a1', fullName: 'Lene Dahl' }] }),
        }),
      );
      expect(lead).toMatchObject({ stage: 'lead', sourceChannel: 'child-request', recruitedForRequestId: recruiting });
      const seen = await request(recruiting);
      expect(seen.recruitedFamilies).toEqual([{ familyId: lead.familyId, householdName: 'Lene Dahl', stage: 'lead' }]);
      const pipeline = await unwrap(client[A]!.GET('/v1/pipeline', {}));
      expect(pipeline.channels.find((channel) => channel.channel === 'child-request')).toEqual({ channel: 'child-request', leads: 1, approved: 0 });
    });

    it('another municipality cannot name A’s request (404 REQUEST.NOT_FOUND), nor can A name one that does not exist', async () => {
      const foreign = await client[B]!.POST('/v1/families', { body: registration({ sourceChannel: 'child-request', recruitedForRequestId: recruiting }) });
      expect(foreign.response.status).toBe(404);
      expect(foreign.error).toMatchObject({ code: 'REQUEST.NOT_FOUND' });
      const unknown = await client[A]!.POST('/v1/families', { body: registration({ sourceChannel: 'child-request', recruitedForRequestId: 'no-such-request' }) });
      expect(unknown.response.status).toBe(404);
      expect((await request(recruiting)).recruitedFamilies).toHaveLength(1);
    });
  });

  it('candidates: A’s own family and B’s pool families, ranked and explained; the network family first', async () => {
    const requestId = await open('SAG-CANDIDATES-1', { networkCandidates: [networkPseudonym] });
    const { local, pool } = await unwrap(client[A]!.GET('/v1/requests/{requestId}/candidates', { params: { path: { requestId } } }));
    expect(local).toEqual([expect.objectContaining({ familyId: localOfA, householdName: 'Mette Hansen & Jens Hansen', network: false })]);
    expect(local[0]!.criteria.map((criterion) => criterion.criterion)).toEqual(expect.arrayContaining(['competences', 'region', 'language']));
    expect(pool.map((candidate) => candidate.pseudonym)).toEqual([networkPseudonym, pseudonymOfB]);
    expect(pool[0]).toMatchObject({ municipality: B, network: true, profile: { pseudonym: networkPseudonym, municipality: B } });
    expect(pool[1]).toMatchObject({ municipality: B, network: false, profile: { pseudonym: pseudonymOfB, freeCapacity: 1 } });
    expect(pool[1]!.score).toBeGreaterThan(pool[0]!.score);
    for (const candidate of pool) expect(candidate.criteria.every((criterion) => criterion.explanation.length > 0)).toBe(true);
    expect(JSON.stringify(pool)).not.toContain('Hansen');

    const missing = await client[B]!.GET('/v1/requests/{requestId}/candidates', { params: { path: { requestId } } });
    expect(missing.response.status).toBe(404);
  });

  describe('a filled request: introduction visits, then the end of the assignment', () => {
    it('introduction visits before the request is filled are refused (409 REQUEST.NOT_FILLED)', async () => {
      const refused = await client[A]!.POST('/v1/requests/{requestId}/introduction-visits', {
        params: { path: { requestId: recruiting } },
        body: { on: '2026-12-10', status: 'planned' },
      });
      expect(refused.response.status).toBe(409);
      expect(refused.error).toMatchObject({ code: 'REQUEST.NOT_FILLED' });
    });

    it('A’s request is filled with B’s family', async () => {
      filledRequest = await open('SAG-FILLED-1');
      await unwrap(client[A]!.POST('/v1/requests/{requestId}/sharing', { params: { path: { requestId: filledRequest } }, body: { partners: [B] } }));
      await eventually(async () => expect((await unwrap(client[B]!.GET('/v1/inbox', {}))).items.some((item) => item.requestId === filledRequest)).toBe(true));
      const offer = await unwrap(
        client[B]!.POST('/v1/inbox/{requester}/{requestId}/offers', { params: { path: { requester: A, requestId: filledRequest } }, body: { familyId: familyOfB } }),
      );
      offerId = offer.offerId;
      await eventually(async () => expect((await request(filledRequest)).offers).toHaveLength(1));
      await unwrap(client[A]!.POST('/v1/requests/{requestId}/offers/{offerId}/acceptance', { params: { path: { requestId: filledRequest, offerId } }, body: {} }));
      const filled = await eventually(async () => {
        const current = await request(filledRequest);
        expect(current.status).toBe('filled');
        return current;
      });
      assignmentId = filled.assignment!.assignmentId;
      const family = await unwrap(client[B]!.GET('/v1/families/{familyId}', { params: { path: { familyId: familyOfB } } }));
      expect(family.assignments).toEqual([expect.objectContaining({ assignmentId })]);
      const active = await unwrap(client[B]!.GET('/v1/families/{familyId}/assignments', { params: { path: { familyId: familyOfB }, query: { status: 'active' } } }));
      expect(active.items).toEqual([expect.objectContaining({ assignmentId, familyId: familyOfB, status: 'active', requester: { municipality: A, requestId: filledRequest } })]);
      await eventually(async () =>
        expect((await unwrap(client[A]!.GET('/v1/pool', {}))).items.find((profile) => profile.pseudonym === pseudonymOfB)).toMatchObject({ freeCapacity: 0 }),
      );
    });

    it('A plans an introduction visit, then records it as held; the request shows the visit once, with its status', async () => {
      const path = { path: { requestId: filledRequest } };
      const planned = await unwrap(client[A]!.POST('/v1/requests/{requestId}/introduction-visits', { params: path, body: { on: '2026-12-10', status: 'planned', note: 'At the child’s home, one hour' } }));
      expect(planned.introductionVisits).toEqual([{ visitId: expect.any(String), on: '2026-12-10', status: 'planned', note: 'At the child’s home, one hour' }]);
      const visitId = planned.introductionVisits[0]!.visitId;
      const held = await unwrap(client[A]!.POST('/v1/requests/{requestId}/introduction-visits', { params: path, body: { visitId, on: '2026-12-10', status: 'held' } }));
      expect(held.introductionVisits).toEqual([{ visitId, on: '2026-12-10', status: 'held' }]);
      expect(held.revision).toBe(planned.revision + 1);
      const second = await unwrap(client[A]!.POST('/v1/requests/{requestId}/introduction-visits', { params: path, body: { visitId: 'visit-2', on: '2026-12-20', status: 'cancelled' } }));
      expect(second.introductionVisits.map((visit) => [visit.visitId, visit.status])).toEqual([
        [visitId, 'held'],
        ['visit-2', 'cancelled'],
      ]);
      expect((await request(filledRequest)).introductionVisits).toEqual(second.introductionVisits);
    });

    it('a visit after the assignment ends is refused (422), and a stale If-Match is refused (412)', async () => {
      const path = { path: { requestId: filledRequest } };
      const late = await client[A]!.POST('/v1/requests/{requestId}/introduction-visits', { params: path, body: { on: '2027-04-01', status: 'planned' } });
      expect(late.response.status).toBe(422);
      expect(late.error).toMatchObject({ code: 'REQUEST.VISIT_AFTER_PERIOD' });
      const stale = await client[A]!.POST('/v1/requests/{requestId}/introduction-visits', { params: { ...path, header: { 'If-Match': '"1"' } }, body: { on: '2026-12-11', status: 'planned' } });
      expect(stale.response.status).toBe(412);
    });

    it('B ends the assignment: the family’s place is free again (B’s family back in A’s pool with freeCapacity 1), the offer records the end', async () => {
      const ended = await unwrap(
        client[B]!.POST('/v1/families/{familyId}/assignments/{assignmentId}/end', {
          params: { path: { familyId: familyOfB, assignmentId } },
          body: { reason: 'The child moved back home', wantsNewAssignment: true },
        }),
      );
      expect(ended).toMatchObject({ assignments: [], endedAssignmentCount: 1 });
      const listed = (status: 'active' | 'ended') => unwrap(client[B]!.GET('/v1/families/{familyId}/assignments', { params: { path: { familyId: familyOfB }, query: { status } } }));
      expect((await listed('active')).items).toEqual([]);
      expect((await listed('ended')).items).toEqual([
        expect.objectContaining({ assignmentId, status: 'ended', ending: expect.objectContaining({ reason: 'The child moved back home', wantsNewAssignment: true, endedOn: expect.any(String) }) }),
      ]);
      const events = await unwrap(client[B]!.GET('/v1/families/{familyId}/events', { params: { path: { familyId: familyOfB } } }));
      expect(events.items.at(-1)).toMatchObject({ type: 'AssignmentEnded', data: { assignmentId, reason: 'The child moved back home', wantsNewAssignment: true } });
      const offerEvents = await server.app.runtime.eventStore.readStream(`offer-${offerId}`);
      expect(offerEvents.at(-1)).toMatchObject({ type: 'AssignmentEnded', data: { assignmentId, wantsNewAssignment: true, familyId: familyOfB } });
      await eventually(async () =>
        expect((await unwrap(client[A]!.GET('/v1/pool', {}))).items.find((profile) => profile.pseudonym === pseudonymOfB)).toMatchObject({ freeCapacity: 1 }),
      );
      // The requester learns it too.
      await eventually(async () => expect((await request(filledRequest)).assignment).toMatchObject({ assignmentId, endReason: 'The child moved back home', endedOn: expect.any(String) }));

      const again = await client[B]!.POST('/v1/families/{familyId}/assignments/{assignmentId}/end', {
        params: { path: { familyId: familyOfB, assignmentId } },
        body: { reason: 'Again', wantsNewAssignment: false },
      });
      expect(again.response.status).toBe(404);
      expect(again.error).toMatchObject({ code: 'FAMILY.UNKNOWN_ASSIGNMENT' });
      expect(await server.app.runtime.eventStore.readStream(`offer-${offerId}`)).toHaveLength(offerEvents.length);
    });
  });
});
