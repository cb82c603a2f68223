import { unwrap, type FamilybankClient } from '@familybank/api-client';
import { startTestServer, type TestServer } from '../support/api-server';
import { makePartners, needs } from '../support/federation';
import { eventually, registerAvailableFamily } from '../support/journeys';

/** A request that ends without a family (withdrawn, or expired after its start date) declines the offers made for it. */
describe('requests that end without a family', () => {
  let now = new Date('2026-11-27T09:00:00.000Z');
  let server: TestServer;
  let vejle: FamilybankClient;
  let roskilde: FamilybankClient;
  let familyId: string;

  beforeAll(async () => {
    server = await startTestServer({}, { clock: () => now });
    vejle = await server.client('0630');
    roskilde = await server.client('0265');
    await unwrap(vejle.GET('/v1/partnerships', {}));
    await unwrap(roskilde.GET('/v1/partnerships', {}));
    await makePartners(vejle, '0630', roskilde, '0265');
    familyId = await registerAvailableFamily(roskilde);
  });
  afterAll(() => server.stop());

  async function requestWithOffer(caseReference: string) {
    const opened = await unwrap(vejle.POST('/v1/requests', { body: { caseReference, needs: needs(), responseDeadline: '2026-12-20' } }));
    await unwrap(vejle.POST('/v1/requests/{requestId}/sharing', { params: { path: { requestId: opened.requestId } }, body: {} }));
    await eventually(async () => expect((await unwrap(roskilde.GET('/v1/inbox', {}))).items.some((item) => item.requestId === opened.requestId)).toBe(true));
    const offer = await unwrap(roskilde.POST('/v1/inbox/{requester}/{requestId}/offers', { params: { path: { requester: '0630', requestId: opened.requestId } }, body: { familyId } }));
    await eventually(async () => expect((await unwrap(vejle.GET('/v1/requests/{requestId}', { params: { path: { requestId: opened.requestId } } }))).offers).toHaveLength(1));
    return { requestId: opened.requestId, offerId: offer.offerId };
  }

  const offerStatus = async (offerId: string) => (await unwrap(roskilde.GET('/v1/offers', {}))).items.find((offer) => offer.offerId === offerId)?.status;
  const inboxItem = async (requestId: string) => (await unwrap(roskilde.GET('/v1/inbox', {}))).items.find((item) => item.requestId === requestId);

  it('withdrawing a request closes it in the partner’s inbox and declines the partner’s offer', async () => {
    const { requestId, offerId } = await requestWithOffer('WITHDRAWN-1');
    await unwrap(vejle.POST('/v1/requests/{requestId}/withdrawal', { params: { path: { requestId } }, body: { reason: 'The child moved to relatives' } }));
    await eventually(async () => {
      expect(await inboxItem(requestId)).toMatchObject({ status: 'closed', closedReason: 'withdrawn', candidates: [] });
      expect(await offerStatus(offerId)).toBe('declined');
    });
  });

  it('a request past its start date without a family expires, as an event by the system, and the offer is declined', async () => {
    const { requestId, offerId } = await requestWithOffer('EXPIRES-1');
    const sweeper = { sweep: async () => (await server.app.runtime.sweep())['request-expiry'] };
    expect(await sweeper.sweep()).toBe(0);
    now = new Date('2027-01-02T06:00:00.000Z');
    expect(await sweeper.sweep()).toBe(1);
    const expired = await unwrap(vejle.GET('/v1/requests/{requestId}', { params: { path: { requestId } } }));
    expect(expired.status).toBe('expired');
    await eventually(async () => {
      expect(await inboxItem(requestId)).toMatchObject({ status: 'closed', closedReason: 'expired' });
      expect(await offerStatus(offerId)).toBe('declined');
    });
  });
});
