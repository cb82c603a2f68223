import { unwrap, type FamilybankClient } from '@familybank/api-client';
import { PARTNER_POOL } from '../../apps/api/src/federation/federation-consumer';
import { makePartners } from '../support/federation';
import { eventually, registerAvailableFamily } from '../support/journeys';
import { startTestServer, type TestServer } from '../support/api-server';

const VIEWER = '0630';
const OWNER = '0265';
const DAY_MS = 86_400_000;

/**
 * Every pool listing shows profiles, and every profile shown is a view its owner can list: coalesced
 * to one event per viewing municipality, family and day, so reading in a loop cannot grow the log.
 */
describe('profile views are coalesced per viewer, family and day', () => {
  let server: TestServer;
  let viewer: FamilybankClient;
  // The node's time runs with the wall clock from 10:00 UTC today, and can be moved on by whole days.
  let daysAhead = 0;
  const started = Date.now();
  const tenToday = new Date(new Date().toISOString().slice(0, 10) + 'T10:00:00.000Z').getTime();
  const clock = () => new Date(tenToday + (Date.now() - started) + daysAhead * DAY_MS);

  const viewEvents = async () => (await server.app.runtime.eventStore.readStream(`profile-views-${VIEWER}`)).length;
  const listPool = async () => expect((await unwrap(viewer.GET('/v1/pool', {}))).items).toHaveLength(1);

  beforeAll(async () => {
    server = await startTestServer({}, { clock });
    viewer = await server.client(VIEWER, ['caseworker', 'approver']);
    const owner = await server.client(OWNER, ['caseworker', 'approver']);
    for (const client of [viewer, owner]) await unwrap(client.GET('/v1/partnerships', {}));
    await makePartners(viewer, VIEWER, owner, OWNER);
    await registerAvailableFamily(owner);
    await eventually(async () => expect(server.app.runtime.documents.all(PARTNER_POOL, VIEWER)).toHaveLength(1));
  }, 60_000);
  afterAll(() => server?.stop());

  it('50 listings of the pool by one viewer in a day append one view event', async () => {
    expect(await viewEvents()).toBe(0);
    for (let read = 0; read < 50; read += 1) await listPool();
    expect(await viewEvents()).toBe(1);
  });

  it('the next day, the first listing is a view again, and only the first', async () => {
    daysAhead = 1;
    for (let read = 0; read < 5; read += 1) await listPool();
    const events = await server.app.runtime.eventStore.readStream(`profile-views-${VIEWER}`);
    expect(events.map((event) => (event.data as { viewedAt: string }).viewedAt.slice(0, 10))).toEqual([
      new Date(tenToday).toISOString().slice(0, 10),
      new Date(tenToday + DAY_MS).toISOString().slice(0, 10),
    ]);
  });
});
