import { unwrap, type FamilybankClient } from '@familybank/api-client';
import { startTestServer, type TestServer } from '../support/api-server';
import { approvalTerms, registration } from '../support/family-fixtures';

/** An approval that runs out takes the family out of the available list, as an event by the system. */
describe('approval expiry', () => {
  let now = new Date('2026-11-27T09:00:00.000Z');
  let server: TestServer;
  let vejle: FamilybankClient;

  beforeAll(async () => {
    server = await startTestServer({}, { clock: () => now });
    vejle = await server.client('0630');
  });
  afterAll(() => server.stop());

  async function availableFamily(validUntil: string): Promise<string> {
    const { familyId } = await unwrap(vejle.POST('/v1/families', { body: registration() }));
    const path = { path: { familyId } };
    await unwrap(vejle.POST('/v1/families/{familyId}/first-contact', { params: path, body: { on: '2026-11-20', channel: 'phone' } }));
    await unwrap(vejle.POST('/v1/families/{familyId}/screening', { params: path, body: { on: '2026-11-21' } }));
    await unwrap(vejle.POST('/v1/families/{familyId}/interview', { params: path, body: { on: '2026-11-22', interviewers: ['Anna'] } }));
    await unwrap(vejle.POST('/v1/families/{familyId}/background-checks/requests', { params: path, body: { on: '2026-11-23' } }));
    for (const adultId of ['a1', 'a2']) {
      for (const kind of ['child-protection', 'criminal-record'] as const) {
        await unwrap(vejle.POST('/v1/families/{familyId}/background-checks/results', { params: path, body: { adultId, kind, outcome: 'clear', receivedOn: '2026-11-24' } }));
      }
    }
    await unwrap(vejle.POST('/v1/families/{familyId}/approval', { params: path, body: approvalTerms(validUntil) }));
    await unwrap(vejle.POST('/v1/families/{familyId}/availability', { params: path, body: { capacity: 1, patterns: ['weekends'] } }));
    return familyId;
  }

  it('expires approvals that ran out, and only those; expiring early by hand is refused', async () => {
    const shortLived = await availableFamily('2026-11-30');
    const longLived = await availableFamily('2027-11-30');
    const early = await vejle.POST('/v1/families/{familyId}/approval/expiry', { params: { path: { familyId: shortLived } }, body: {} });
    expect(early.response.status).toBe(422);
    expect(early.error).toMatchObject({ code: 'FAMILY.APPROVAL_STILL_VALID' });

    now = new Date('2026-12-01T06:00:00.000Z');
    const sweep = async () => (await server.app.runtime.sweep())['approval-expiry'];
    expect(await sweep()).toBe(1);
    expect(await sweep()).toBe(0);

    const expired = await unwrap(vejle.GET('/v1/families/{familyId}', { params: { path: { familyId: shortLived } } }));
    expect(expired.stage).toBe('approval-expired');
    const { items: events } = await unwrap(vejle.GET('/v1/families/{familyId}/events', { params: { path: { familyId: shortLived } } }));
    expect(events.at(-1)).toMatchObject({ type: 'ApprovalExpired', actor: 'system:approval-expiry', data: { validUntil: '2026-11-30', expiredOn: '2026-12-01' } });
    const available = await unwrap(vejle.GET('/v1/available-families', {}));
    expect(available.items.map((family) => family.familyId)).toEqual([longLived]);

    const renewed = await unwrap(vejle.POST('/v1/families/{familyId}/approval/renewal', { params: { path: { familyId: shortLived } }, body: approvalTerms('2027-12-01') }));
    expect(renewed.stage).toBe('approved');
  });
});
