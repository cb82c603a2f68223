import { startTestServer, type TestServer } from '../support/api-server';
import { registration } from '../support/family-fixtures';
import { eventsRecorded, expectProblem, send } from '../support/http-helpers';

/** A referral names a family the caller's municipality has registered: another's, or a made-up id, is refused. */
describe('family referrals', () => {
  let server: TestServer;
  let vejle: string;
  let aarhus: string;
  let vejleFamily: string;
  let aarhusFamily: string;

  beforeAll(async () => {
    server = await startTestServer();
    vejle = await server.token('0630');
    aarhus = await server.token('0751');
    vejleFamily = (await send(server, 'POST', '/v1/families', { token: vejle, body: registration() })).json.familyId;
    aarhusFamily = (await send(server, 'POST', '/v1/families', { token: aarhus, body: registration() })).json.familyId;
  });
  afterAll(() => server.stop());

  const referredBy = (referredByFamilyId: string) => registration({ sourceChannel: 'family-referral', referredByFamilyId });

  it('naming a family of our own records the lead with its referrer', async () => {
    const created = await send(server, 'POST', '/v1/families', { token: vejle, body: referredBy(vejleFamily) });
    expect(created.status).toBe(201);
    const events = await send(server, 'GET', `/v1/families/${created.json.familyId}/events`, { token: vejle });
    expect(events.json.items[0]).toMatchObject({ type: 'FamilyRegistered', data: expect.objectContaining({ referredByFamilyId: vejleFamily }) });
  });

  it("naming another municipality's family, or a made-up one → 422 FAMILY.REFERRER_NOT_FOUND, nothing appended", async () => {
    const before = await eventsRecorded(server);
    for (const referrer of [aarhusFamily, '0b7f0d86-0000-4a55-bb0c-000000000000']) {
      const refused = await send(server, 'POST', '/v1/families', { token: vejle, body: referredBy(referrer) });
      expectProblem(refused, 422, 'FAMILY.REFERRER_NOT_FOUND', 'rule-violated');
      expect(refused.json.details).toEqual({ referredByFamilyId: referrer });
    }
    // The same answer for another's family as for a made-up id: nothing is learned about Aarhus.
    const otherChannel = await send(server, 'POST', '/v1/families', { token: vejle, body: { ...registration(), referredByFamilyId: aarhusFamily } });
    expectProblem(otherChannel, 422, 'FAMILY.REFERRER_NOT_FOUND', 'rule-violated');
    expect(await eventsRecorded(server)).toBe(before);
  });
});
