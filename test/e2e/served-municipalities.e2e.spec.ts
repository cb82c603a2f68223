import { unwrap } from '@familybank/api-client';
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
});
