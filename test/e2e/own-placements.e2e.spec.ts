import { unwrap, type FamilybankClient } from '@familybank/api-client';
import { startTestServer, type TestServer } from '../support/api-server';
import { makePartners, needs } from '../support/federation';
import { eventually, registerAvailableFamily } from '../support/journeys';

jest.setTimeout(60_000);

const [VEJLE, HORSENS] = ['0630', '0265'];
/** Time stands still on 1 December 2026: the months the profile shares start here. */
const NOW = new Date('2026-12-01T09:00:00.000Z');
const period = (from: string, to: string) => needs({ schedule: { patterns: ['weekends'], period: { from, to } }, startDate: from });

/**
 * Issue 8's acceptance: Vejle places its own family for its own request; Horsens, a partner, then
 * sees only the family's remaining months; an overlapping own or partner placement is refused;
 * ending the assignment frees the period again.
 */
describe('own placements and capacity per period', () => {
  let server: TestServer;
  const client: Record<string, FamilybankClient> = {};
  let family: string;
  let januaryToJune: string;
  let marchToApril: string;
  let assignmentId: string;

  beforeAll(async () => {
    server = await startTestServer({}, { clock: () => NOW });
    for (const code of [VEJLE, HORSENS]) {
      client[code] = await server.client(code, ['caseworker', 'approver']);
      await unwrap(client[code]!.GET('/v1/partnerships', {}));
    }
    await makePartners(client[VEJLE]!, VEJLE, client[HORSENS]!, HORSENS);
    family = await registerAvailableFamily(client[VEJLE]!, { registration: { contact: { street: 'Nørregade 3', postalCode: '7100', city: 'Vejle', phone: '+45 75 82 00 00', email: 'hansen@vejle.example' } } });
    // Available all of 2027, for one child at a time.
    await unwrap(client[VEJLE]!.POST('/v1/families/{familyId}/availability', { params: { path: { familyId: family } }, body: { capacity: 1, periods: [{ from: '2026-12-01', to: '2027-12-31' }], patterns: ['weekends'] } }));
  });
  afterAll(() => server.stop());

  const request = (requestId: string, who = VEJLE) => unwrap(client[who]!.GET('/v1/requests/{requestId}', { params: { path: { requestId } } }));
  const open = async (who: string, needsOfChild: ReturnType<typeof needs>, caseReference: string) =>
    (await unwrap(client[who]!.POST('/v1/requests', { body: { caseReference, needs: needsOfChild, responseDeadline: '2026-12-15' } }))).requestId;
  const place = (requestId: string) => client[VEJLE]!.POST('/v1/requests/{requestId}/placements', { params: { path: { requestId } }, body: { familyId: family } });
  const profileInHorsensPool = async () => (await unwrap(client[HORSENS]!.GET('/v1/pool', {}))).items.find((profile) => profile.municipality === VEJLE);

  it('Vejle’s own family ranks among its own request’s candidates, and Vejle places it: the request is filled like an accepted offer', async () => {
    januaryToJune = await open(VEJLE, period('2027-01-01', '2027-06-30'), 'VEJ-OWN-1');
    const { local } = await unwrap(client[VEJLE]!.GET('/v1/requests/{requestId}/candidates', { params: { path: { requestId: januaryToJune } } }));
    expect(local[0]).toMatchObject({ familyId: family });

    const pending = await unwrap(place(januaryToJune));
    expect(pending.pendingAcceptance).toMatchObject({ offerId: pending.offers[0]!.offerId });
    expect(pending.offers).toEqual([
      expect.objectContaining({
        partner: VEJLE,
        status: 'acceptance-requested',
        own: expect.objectContaining({ familyId: family, children: 1, householdName: 'Mette Hansen & Jens Hansen', match: expect.objectContaining({ score: local[0]!.score }) }),
      }),
    ]);
    expect(pending.offers[0]!.own!.match.criteria.find((criterion) => criterion.criterion === 'period')).toMatchObject({
      explanation: '1 place(s) needed and free in every month of 2027-01–2027-06',
      // The reason recorded with the placement, as the candidates list gave it.
      reason: { code: 'period.free-throughout', params: { places: 1, from: '2027-01', to: '2027-06' } },
    });

    const filled = await eventually(async () => {
      const current = await request(januaryToJune);
      expect(current.status).toBe('filled');
      return current;
    });
    assignmentId = filled.assignment!.assignmentId;
    expect(filled.offers[0]!.status).toBe('confirmed');
    // Our own family: its contact details are our own record, nothing was sealed or sent.
    expect(filled.assignment).toMatchObject({ familyId: family, partner: VEJLE, period: { from: '2027-01-01', to: '2027-06-30' }, householdName: 'Mette Hansen & Jens Hansen', contact: { city: 'Vejle' } });
    const reserved = await unwrap(client[VEJLE]!.GET('/v1/families/{familyId}', { params: { path: { familyId: family } } }));
    expect(reserved.assignments).toEqual([expect.objectContaining({ assignmentId, requester: { municipality: VEJLE, requestId: januaryToJune } })]);
    expect((await unwrap(client[VEJLE]!.GET('/v1/offers', {}))).items).toEqual([]);
    // The lifecycle of any assignment: the families meet before it starts.
    const visited = await unwrap(
      client[VEJLE]!.POST('/v1/requests/{requestId}/introduction-visits', { params: { path: { requestId: januaryToJune } }, body: { on: '2026-12-12', status: 'planned' } }),
    );
    expect(visited.introductionVisits).toEqual([expect.objectContaining({ on: '2026-12-12', status: 'planned' })]);
    expect((await unwrap(client[HORSENS]!.GET('/v1/inbox', {}))).items).toEqual([]);
  });

  it('Horsens then sees only the family’s remaining months, never the placement’s dates', async () => {
    const profile = await eventually(async () => {
      const current = await profileInHorsensPool();
      expect(current?.availability.freePlaces).toEqual([
        { from: '2026-12', to: '2026-12', places: 1 },
        { from: '2027-07', places: 1 },
      ]);
      return current!;
    });
    expect(profile.freeCapacity).toBe(0);
    expect(JSON.stringify(profile)).not.toMatch(/2027-01-01|2027-06-30/);

    const overlapping = await open(HORSENS, period('2027-03-01', '2027-04-30'), 'HOR-1');
    const afterwards = await open(HORSENS, period('2027-07-01', '2027-09-30'), 'HOR-2');
    const candidates = (requestId: string) => unwrap(client[HORSENS]!.GET('/v1/requests/{requestId}/candidates', { params: { path: { requestId } } }));
    expect((await candidates(overlapping)).pool).toEqual([]);
    const [fromJuly] = (await candidates(afterwards)).pool;
    expect(fromJuly).toMatchObject({ municipality: VEJLE, pseudonym: profile.pseudonym });
    expect(fromJuly!.criteria.find((criterion) => criterion.criterion === 'period')!.explanation).toMatch(/free in every month of 2027-07–2027-09/);
  });

  it('an overlapping own placement is refused (409 FAMILY.NO_PLACE_IN_PERIOD) and records nothing', async () => {
    marchToApril = await open(VEJLE, period('2027-03-01', '2027-04-30'), 'VEJ-OWN-2');
    const before = await request(marchToApril);
    const refused = await place(marchToApril);
    expect(refused.response.status).toBe(409);
    expect(refused.error).toMatchObject({ code: 'FAMILY.NO_PLACE_IN_PERIOD' });
    expect((await request(marchToApril)).revision).toBe(before.revision);

    const unknownField = await client[VEJLE]!.POST('/v1/requests/{requestId}/placements', {
      params: { path: { requestId: marchToApril } },
      body: { familyId: family, children: 2 } as unknown as { familyId: string },
    });
    expect(unknownField.response.status).toBe(400);
    expect((await request(marchToApril)).revision).toBe(before.revision);

    const stranger = await client[VEJLE]!.POST('/v1/requests/{requestId}/placements', { params: { path: { requestId: marchToApril } }, body: { familyId: 'no-such-family' } });
    expect(stranger.response.status).toBe(404);
    expect(stranger.error).toMatchObject({ code: 'FAMILY.NOT_FOUND' });
  });

  it('an overlapping partner placement is refused: the family’s reservation fails and the offer is withdrawn with the reason', async () => {
    const partnerRequest = await open(HORSENS, period('2027-04-01', '2027-05-31'), 'HOR-3');
    await unwrap(client[HORSENS]!.POST('/v1/requests/{requestId}/sharing', { params: { path: { requestId: partnerRequest } }, body: { partners: [VEJLE] } }));
    const item = await eventually(async () => {
      const found = (await unwrap(client[VEJLE]!.GET('/v1/inbox', {}))).items.find((entry) => entry.requestId === partnerRequest);
      expect(found).toBeDefined();
      return found!;
    });
    // Matching already leaves the family out: its only place is taken in those months.
    expect(item.candidates).toEqual([]);
    // Offered anyway, the reservation decides.
    const offer = await unwrap(client[VEJLE]!.POST('/v1/inbox/{requester}/{requestId}/offers', { params: { path: { requester: HORSENS, requestId: partnerRequest } }, body: { familyId: family } }));
    await eventually(async () => expect((await request(partnerRequest, HORSENS)).offers).toHaveLength(1));
    await unwrap(client[HORSENS]!.POST('/v1/requests/{requestId}/offers/{offerId}/acceptance', { params: { path: { requestId: partnerRequest, offerId: offer.offerId } }, body: {} }));
    const withdrawn = await eventually(async () => {
      const current = await request(partnerRequest, HORSENS);
      expect(current.offers[0]!.status).toBe('withdrawn');
      return current;
    });
    expect(withdrawn.offers[0]!.withdrawnReason).toMatch(/0 free place\(s\) in that period/);
    expect(withdrawn.status).toBe('open');
    const stillOne = await unwrap(client[VEJLE]!.GET('/v1/families/{familyId}', { params: { path: { familyId: family } } }));
    expect(stillOne.assignments.map((assignment) => assignment.assignmentId)).toEqual([assignmentId]);
  });

  it('ending the assignment frees the period: the request records the end, the partner sees the months free, and the overlapping request can be placed', async () => {
    const ended = await unwrap(
      client[VEJLE]!.POST('/v1/families/{familyId}/assignments/{assignmentId}/end', {
        params: { path: { familyId: family, assignmentId } },
        body: { reason: 'The child moved back home', wantsNewAssignment: true },
      }),
    );
    expect(ended.assignments).toEqual([]);
    await eventually(async () => expect((await request(januaryToJune)).assignment).toMatchObject({ assignmentId, endReason: 'The child moved back home', endedOn: '2026-12-01' }));
    await eventually(async () => expect((await profileInHorsensPool())?.availability.freePlaces).toEqual([{ from: '2026-12', places: 1 }]));

    await unwrap(place(marchToApril));
    const filled = await eventually(async () => {
      const current = await request(marchToApril);
      expect(current.status).toBe('filled');
      return current;
    });
    expect(filled.assignment).toMatchObject({ familyId: family, period: { from: '2027-03-01', to: '2027-04-30' } });
  });
});
