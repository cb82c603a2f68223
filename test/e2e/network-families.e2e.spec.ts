import Database from 'better-sqlite3';
import { join } from 'node:path';
import { assertNoPersonalData } from '@familybank/anonymize/testing';
import { unwrap, type FamilybankClient } from '@familybank/api-client';
import { startTestServer, type TestServer } from '../support/api-server';
import { makePartners, needs } from '../support/federation';
import { eventually, registerAvailableFamily } from '../support/journeys';

jest.setTimeout(90_000);

const [VEJLE, HORSENS] = ['0630', '0265'];
const GRANDMOTHER = { adultId: 'g1', fullName: 'Birgit Netværk-Sørensen', birthYear: 1957 };
const CONTACT = { street: 'Mormorvej 9', postalCode: '7120', city: 'Vejle Øst', phone: '+45 7575 1212', email: 'birgit@netvaerk.example' };
/** Everything personal of the network: the grandmother, and the persons of the map with their reasons. */
const SECRETS = [GRANDMOTHER.fullName, 'Netværk-Sørensen', CONTACT.street, CONTACT.phone, CONTACT.email, 'Morfars søster', 'Onkel Kasper Kortlagt', 'Arbejder om natten', 'Faster Flemming', 'Mormor til Liva'];

/**
 * Issue 8's second acceptance bullet: a person of the child's network is registered for the child's
 * request, provisionally approved for that child after the records checks, and placed through the
 * own-placement route; they appear in no pool and no partner response, and the network-share figure
 * counts the assignment. The map of the child's network never leaves the municipality either.
 */
describe('network families', () => {
  let now = new Date('2026-12-01T09:00:00.000Z');
  let server: TestServer;
  const client: Record<string, FamilybankClient> = {};
  let requestId: string;
  let otherRequestId: string;
  let familyId: string;
  let assessedPerson: string;

  beforeAll(async () => {
    server = await startTestServer({}, { clock: () => now });
    for (const code of [VEJLE, HORSENS]) {
      client[code] = await server.client(code, ['caseworker', 'approver']);
      await unwrap(client[code]!.GET('/v1/partnerships', {}));
    }
    await makePartners(client[VEJLE]!, VEJLE, client[HORSENS]!, HORSENS);
    // An ordinary family of Vejle, shared in the pool: the network family must rank above it.
    await registerAvailableFamily(client[VEJLE]!, { registration: { region: 'DK-83' } });
    const { networkExplored: _flag, ...withoutFlag } = needs();
    requestId = (await unwrap(client[VEJLE]!.POST('/v1/requests', { body: { caseReference: 'VEJ-NET-1', needs: withoutFlag, responseDeadline: '2026-12-20' } }))).requestId;
    otherRequestId = (await unwrap(client[VEJLE]!.POST('/v1/requests', { body: { caseReference: 'VEJ-NET-2', needs: needs(), responseDeadline: '2026-12-20' } }))).requestId;
    await unwrap(client[VEJLE]!.POST('/v1/requests/{requestId}/sharing', { params: { path: { requestId } }, body: {} }));
  });
  afterAll(() => server.stop());

  const vejle = () => client[VEJLE]!;
  const path = (id = requestId) => ({ path: { requestId: id } });
  const family = () => unwrap(vejle().GET('/v1/families/{familyId}', { params: { path: { familyId } } }));
  const map = (id = requestId) => unwrap(vejle().GET('/v1/requests/{requestId}/network-map', { params: path(id) }));

  it('the child’s network is mapped on the request: who, relation, outcome, reason and date; bad input appends nothing', async () => {
    expect((await unwrap(vejle().GET('/v1/requests/{requestId}', { params: path() }))).network).toEqual({ explored: false, persons: 0 });
    await unwrap(vejle().POST('/v1/requests/{requestId}/network-map', { params: path(), body: { name: 'Onkel Kasper Kortlagt', relation: 'aunt-or-uncle', outcome: 'declined', reason: 'Arbejder om natten', on: '2026-11-28' } }));
    const assessed = await unwrap(vejle().POST('/v1/requests/{requestId}/network-map', { params: path(), body: { name: 'Mormor til Liva', relation: 'grandparent', outcome: 'assessed', on: '2026-11-30' } }));
    expect(assessed.explored).toBe(true);
    expect(assessed.persons.map((person) => [person.name, person.relation, person.outcome, person.reason])).toEqual([
      ['Onkel Kasper Kortlagt', 'aunt-or-uncle', 'declined', 'Arbejder om natten'],
      ['Mormor til Liva', 'grandparent', 'assessed', undefined],
    ]);
    assessedPerson = assessed.persons[1]!.personId;

    const before = (await map()).revision;
    const noReason = await vejle().POST('/v1/requests/{requestId}/network-map', { params: path(), body: { name: 'Faster Flemming', relation: 'aunt-or-uncle', outcome: 'not-suitable', on: '2026-11-30' } });
    expect(noReason.response.status).toBe(422);
    expect(noReason.error).toMatchObject({ code: 'REQUEST.NETWORK_REASON_REQUIRED' });
    const future = await vejle().POST('/v1/requests/{requestId}/network-map', { params: path(), body: { name: 'Faster Flemming', relation: 'aunt-or-uncle', outcome: 'assessed', on: '2026-12-02' } });
    expect(future.error).toMatchObject({ code: 'REQUEST.NETWORK_DATE_IN_FUTURE' });
    const byHand = await vejle().POST('/v1/requests/{requestId}/network-map', {
      params: path(),
      body: { name: 'Faster Flemming', relation: 'aunt-or-uncle', outcome: 'registered-as-network-family' as 'assessed', on: '2026-11-30' },
    });
    expect(byHand.response.status).toBe(400);
    const notOurs = await client[HORSENS]!.POST('/v1/requests/{requestId}/network-map', { params: path(), body: { name: 'Faster Flemming', relation: 'aunt-or-uncle', outcome: 'assessed', on: '2026-11-30' } });
    expect(notOurs.response.status).toBe(404);
    expect((await map()).revision).toBe(before);
  });

  it('a person of the network is registered for the request, checked, and provisionally approved for that child until the deadline', async () => {
    const refusedForPartner = await client[HORSENS]!.POST('/v1/requests/{requestId}/network-families', {
      params: path(),
      body: { relation: 'grandparent', adults: [GRANDMOTHER], contact: CONTACT, region: 'DK-83' },
    });
    expect(refusedForPartner.response.status).toBe(404);
    expect(refusedForPartner.error).toMatchObject({ code: 'REQUEST.NOT_FOUND' });
    const badRelation = await vejle().POST('/v1/requests/{requestId}/network-families', {
      params: path(),
      body: { relation: 'godmother' as 'grandparent', adults: [GRANDMOTHER], contact: CONTACT, region: 'DK-83' },
    });
    expect(badRelation.response.status).toBe(400);

    const registered = await unwrap(
      vejle().POST('/v1/requests/{requestId}/network-families', {
        params: path(),
        body: { relation: 'grandparent', relationNote: 'Morfars søster', personId: assessedPerson, adults: [GRANDMOTHER], contact: CONTACT, region: 'DK-83', languages: ['da'] },
      }),
    );
    familyId = registered.familyId;
    expect(registered).toMatchObject({ stage: 'contacted', sourceChannel: 'child-network', firstContactOn: '2026-12-01', network: { requestId, relation: 'grandparent', status: 'registered', child: { careType: 'respite', age: 8, places: 1 } } });

    const tooEarly = await vejle().POST('/v1/families/{familyId}/provisional-approval', { params: { path: { familyId } }, body: {} });
    expect(tooEarly.response.status).toBe(409);
    expect(tooEarly.error).toMatchObject({ code: 'FAMILY.WRONG_STAGE' });
    const params = { path: { familyId } };
    await unwrap(vejle().POST('/v1/families/{familyId}/background-checks/requests', { params, body: { on: '2026-12-01' } }));
    await unwrap(vejle().POST('/v1/families/{familyId}/background-checks/results', { params, body: { adultId: 'g1', kind: 'child-protection', outcome: 'clear', receivedOn: '2026-12-01' } }));
    const missing = await vejle().POST('/v1/families/{familyId}/provisional-approval', { params, body: {} });
    expect(missing.error).toMatchObject({ code: 'FAMILY.CHECKS_MISSING' });
    await unwrap(vejle().POST('/v1/families/{familyId}/background-checks/results', { params, body: { adultId: 'g1', kind: 'criminal-record', outcome: 'clear', receivedOn: '2026-12-01' } }));
    const tooLate = await vejle().POST('/v1/families/{familyId}/provisional-approval', { params, body: { deadline: '2028-01-01' } });
    expect(tooLate.error).toMatchObject({ code: 'FAMILY.PROVISIONAL_DEADLINE_TOO_LATE' });

    // Default deadline: 90 days (NETWORK_ASSESSMENT_DAYS) after today.
    const approved = await unwrap(vejle().POST('/v1/families/{familyId}/provisional-approval', { params, body: { decisionReference: 'VEJ-NET-PROV-1' } }));
    expect(approved).toMatchObject({
      stage: 'approved',
      approval: { careTypes: ['respite'], capacity: 1, ageRange: { min: 8, max: 8 }, validUntil: '2027-03-01', authority: 'municipality' },
      network: { status: 'provisionally-approved', provisionalApproval: { approvedOn: '2026-12-01', deadline: '2027-03-01' } },
    });
    // The full assessment is work to do by the deadline: the worklist says so.
    const worklist = await unwrap(vejle().GET('/v1/worklist', { params: { query: { kind: 'provisional-approval-due' } } }));
    expect(worklist.items).toEqual([expect.objectContaining({ kind: 'provisional-approval-due', dueOn: '2027-03-01', overdue: false, subject: expect.objectContaining({ id: familyId }) })]);
    const consent = await vejle().POST('/v1/families/{familyId}/consent', { params, body: { on: '2026-12-01' } });
    expect(consent.response.status).toBe(422);
    expect(consent.error).toMatchObject({ code: 'FAMILY.NETWORK_FAMILY_NOT_SHARED' });
    await unwrap(vejle().POST('/v1/families/{familyId}/availability', { params, body: { capacity: 1, patterns: ['weekends'] } }));

    // The network-family workflow puts the registration on the map entry the caseworker named.
    const mapped = await eventually(async () => {
      const current = await map();
      expect(current.persons.find((person) => person.personId === assessedPerson)).toMatchObject({ outcome: 'registered-as-network-family', familyId, name: GRANDMOTHER.fullName });
      return current;
    });
    expect(mapped.networkFamilies).toEqual([{ familyId, householdName: GRANDMOTHER.fullName, relation: 'grandparent', stage: 'available', status: 'provisionally-approved', deadline: '2027-03-01' }]);
  });

  it('the network family ranks first among its request’s candidates, explained, and is no candidate for any other request', async () => {
    const { local } = await unwrap(vejle().GET('/v1/requests/{requestId}/candidates', { params: path() }));
    expect(local.length).toBe(2);
    expect(local[0]).toMatchObject({ familyId, network: true });
    expect(local[0]!.criteria.at(-1)).toEqual({
      criterion: 'network',
      points: 0,
      max: 0,
      explanation: "Registered from the child's network (grandparent) for this request: ranked first",
      reason: { code: 'network.registered', params: { relation: 'grandparent' } },
    });
    const other = await unwrap(vejle().GET('/v1/requests/{requestId}/candidates', { params: path(otherRequestId) }));
    expect(other.local.map((candidate) => candidate.familyId)).not.toContain(familyId);
    const elsewhere = await vejle().POST('/v1/requests/{requestId}/placements', { params: path(otherRequestId), body: { familyId } });
    expect(elsewhere.response.status).toBe(422);
    expect(elsewhere.error).toMatchObject({ code: 'REQUEST.NOT_A_CANDIDATE' });
  });

  it('it is placed with the own-placement route: the request is filled, the placement marked as from the network', async () => {
    await unwrap(vejle().POST('/v1/requests/{requestId}/placements', { params: path(), body: { familyId } }));
    const filled = await eventually(async () => {
      const current = await unwrap(vejle().GET('/v1/requests/{requestId}', { params: path() }));
      expect(current.status).toBe('filled');
      return current;
    });
    expect(filled.offers[0]!.own).toMatchObject({ familyId, network: true, householdName: GRANDMOTHER.fullName });
    expect(filled.assignment).toMatchObject({ familyId, contact: CONTACT });
    expect(filled.network).toEqual({ explored: true, persons: 2 });
    expect((await family()).assignments).toEqual([expect.objectContaining({ requester: { municipality: VEJLE, requestId } })]);
  });

  it('the network-share figure counts the assignment', async () => {
    const share = await unwrap(vejle().GET('/v1/figures/network-share', { params: { query: { grouping: 'year', from: '2026-01-01', to: '2026-12-31' } } }));
    expect(share.rows).toEqual([expect.objectContaining({ period: '2026', assignments: 1, fromNetwork: 1, sharePercent: 100 })]);
  });

  it('nothing of the network family or the map reaches the partner: pool, inbox, offers or the exchange', async () => {
    // Horsens sees Vejle's ordinary family only, and the request without anything of the network.
    const pool = await eventually(async () => {
      const page = await unwrap(client[HORSENS]!.GET('/v1/pool', {}));
      expect(page.items).toHaveLength(1);
      return page;
    });
    const inbox = await unwrap(client[HORSENS]!.GET('/v1/inbox', {}));
    expect(inbox.items.map((item) => item.requestId)).toEqual([requestId]);
    // Vejle answering a partner's request cannot offer it either.
    const horsensRequest = await unwrap(
      client[HORSENS]!.POST('/v1/requests', { body: { caseReference: 'HOR-1', needs: needs({ schedule: { patterns: ['weekends'], period: { from: '2027-04-01', to: '2027-05-31' } }, startDate: '2027-04-01' }), responseDeadline: '2026-12-20' } }),
    );
    await unwrap(client[HORSENS]!.POST('/v1/requests/{requestId}/sharing', { params: path(horsensRequest.requestId), body: {} }));
    const item = await eventually(async () => {
      const found = (await unwrap(vejle().GET('/v1/inbox', {}))).items.find((candidate) => candidate.requestId === horsensRequest.requestId);
      expect(found).toBeDefined();
      return found!;
    });
    expect(item.candidates.map((candidate) => candidate.familyId)).not.toContain(familyId);
    const offered = await vejle().POST('/v1/inbox/{requester}/{requestId}/offers', { params: { path: { requester: HORSENS, requestId: horsensRequest.requestId } }, body: { familyId } });
    expect(offered.response.status).toBe(422);
    expect(offered.error).toMatchObject({ code: 'OFFER.FAMILY_NOT_SHAREABLE' });

    const db = new Database(join(server.dataDir, 'exchange.sqlite'), { readonly: true });
    const exchange = JSON.stringify(db.prepare('SELECT * FROM messages').all());
    db.close();
    const partnerVisible = [exchange, JSON.stringify(pool), JSON.stringify(inbox), JSON.stringify(await unwrap(client[HORSENS]!.GET('/v1/directory', {})))];
    for (const text of partnerVisible) {
      assertNoPersonalData(text, SECRETS);
      for (const id of [familyId, assessedPerson, 'VEJ-NET-1']) expect(text).not.toContain(id);
    }
  });

  it('without a full approval by its deadline, the provisional approval lapses; a full approval later makes the family approved again', async () => {
    now = new Date('2027-03-02T06:00:00.000Z');
    expect((await server.app.runtime.sweep())['approval-expiry']).toBeGreaterThanOrEqual(1);
    const lapsed = await eventually(async () => {
      const current = await family();
      expect(current.stage).toBe('approval-expired');
      return current;
    });
    expect(lapsed.network).toMatchObject({ status: 'provisional-lapsed' });
    const renewed = await vejle().POST('/v1/families/{familyId}/approval/renewal', {
      params: { path: { familyId } },
      body: { careTypes: ['respite'], capacity: 1, ageRange: { min: 8, max: 9 }, validUntil: '2029-03-01', conditions: [], authority: 'municipality' },
    });
    expect(renewed.error).toMatchObject({ code: 'FAMILY.APPROVAL_PROVISIONAL' });
    const full = await unwrap(
      vejle().POST('/v1/families/{familyId}/approval', {
        params: { path: { familyId } },
        body: { careTypes: ['respite'], capacity: 1, ageRange: { min: 8, max: 9 }, validUntil: '2029-03-01', conditions: [], authority: 'municipality' },
      }),
    );
    expect(full).toMatchObject({ stage: 'approved', network: { status: 'approved', fullyApprovedOn: '2027-03-02' } });
  });
});
