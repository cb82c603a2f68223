import { randomUUID } from 'node:crypto';
import { unwrap } from '@familybank/api-client';
import { DIRECTORY_TOPIC } from '@familybank/exchange';
import { MunicipalityIdentities } from '../../apps/api/src/federation/municipality-identities';
import { startTestServer, type TestServer } from '../support/api-server';
import { eventually } from '../support/journeys';

/** A node configured for some municipalities refuses the others: their data lives on their own node. */
describe('a node serving chosen municipalities', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ MUNICIPALITIES: '0630,0265' });
  });
  afterAll(() => server.stop());

  it('serves the configured municipalities and announces them at start-up', async () => {
    const vejle = await server.client('0630');
    await eventually(async () => expect((await unwrap(vejle.GET('/v1/directory', {}))).items.map((entry) => entry.code)).toEqual(['0265', '0630']));
  });

  it('refuses a token of another municipality with 403 AUTH.MUNICIPALITY_NOT_SERVED', async () => {
    const copenhagen = await server.client('0101');
    const { error, response } = await copenhagen.GET('/v1/families', {});
    expect(response.status).toBe(403);
    expect(error).toMatchObject({ code: 'AUTH.MUNICIPALITY_NOT_SERVED' });
  });

  it('never announces a municipality it does not serve, though it holds an identity for it (served once, say)', async () => {
    await server.restart(() => void new MunicipalityIdentities(server.dataDir).identity('0101'));
    server.app.runtime.identities.identity('0851');
    // Announcements are queued one after another: once this one is published, so is any before it.
    await server.app.runtime.relay.announce('0630');
    expect(await announcedOnDirectory(server)).toEqual(['0265', '0630']);
  });
});

/** Every municipality announced on the node's directory topic so far. */
async function announcedOnDirectory(server: TestServer): Promise<string[]> {
  const sources = new Set<string>();
  let last = Date.now();
  const subscription = await server.app.runtime.exchange.subscribe({ groupId: `test-${randomUUID()}`, topics: [DIRECTORY_TOPIC], from: 'beginning' }, (message) => {
    const envelope = JSON.parse(message.value ?? 'null') as { source: string; type: string } | null;
    if (envelope?.type === 'MunicipalityAnnounced') sources.add(envelope.source);
    last = Date.now();
  });
  await eventually(async () => expect(sources.size > 0 && Date.now() - last > 300).toBe(true), 5_000);
  await subscription.close();
  return [...sources].sort();
}
