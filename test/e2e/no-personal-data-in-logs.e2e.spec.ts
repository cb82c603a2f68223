import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFamilybankClient } from '@familybank/api-client';
import { loadOrCreateDevKeys, signDevToken } from '../../apps/api/src/platform/auth/dev-keys';
import { buildApiForProcessTests, startApiProcess, waitForExit, type ApiProcess } from '../support/api-process';
import { registerAvailableFamily } from '../support/journeys';

jest.setTimeout(120_000);

/** Strings that exist nowhere but in this test's family: any of them in the node's output is a leak. */
const PERSONAL = {
  name: 'Zoltan Qvistgaard-Ærbø',
  partner: 'Ingeborg Qvistgaard',
  street: 'Xylofonvej 77',
  phone: '+45 71 72 73 74',
  email: 'zq.unique@example.dk',
  sourceDetail: 'Plakat hos bageren i Ølbyhavn',
  supportNote: 'Samtale om Qvistgaards søvn',
};

/**
 * A node run as `npm start` runs it, with every log level on, through a family's whole recruitment,
 * refusals and malformed requests full of personal data, and a shutdown: its output (stdout and
 * stderr) holds none of the family's strings, nor a key; the development banner's token is the
 * only secret it prints (production prints none: http-auth-production.e2e).
 */
describe('no personal data in the logs', () => {
  let dataDir: string;
  let api: ApiProcess | undefined;

  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'familybank-logs-'));
  });
  afterAll(async () => {
    if (api && api.child.exitCode === null) api.child.kill('SIGKILL');
    if (api) await waitForExit(api.child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('an end-to-end run at LOG_LEVEL=verbose prints none of the family’s strings and no key', async () => {
    api = await startApiProcess(buildApiForProcessTests(), { DATA_DIR: dataDir, LOG_LEVEL: 'verbose', MUNICIPALITIES: '0630,0265' });
    const keys = await loadOrCreateDevKeys(dataDir);
    const token = await signDevToken(keys, { municipality: '0630', roles: ['caseworker', 'approver'], issuer: 'familybank-dev', audience: 'familybank-api' });
    const client = createFamilybankClient({ baseUrl: api.baseUrl, token });
    const registration = {
      sourceDetail: PERSONAL.sourceDetail,
      adults: [
        { adultId: 'a1', fullName: PERSONAL.name, birthYear: 1980 },
        { adultId: 'a2', fullName: PERSONAL.partner, birthYear: 1982 },
      ],
      contact: { street: PERSONAL.street, postalCode: '7100', city: 'Vejle', phone: PERSONAL.phone, email: PERSONAL.email },
    };
    const familyId = await registerAvailableFamily(client, { registration, supportNote: PERSONAL.supportNote });

    const post = (path: string, body: string, headers: Record<string, string> = {}) =>
      fetch(`${api!.baseUrl}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers }, body });
    // A registration refused by validation (a bad e-mail), one refused by a rule (already approved),
    // a body that is not JSON, and a body too deep: each carries the family's strings.
    const refused = [
      await post('/v1/families', JSON.stringify({ ...registration, sourceChannel: 'campaign', region: 'DK-83', languages: ['da'], competences: [], interestedIn: ['respite'], contact: { ...registration.contact, email: `${PERSONAL.name} at home` } })),
      await post(`/v1/families/${familyId}/approval`, JSON.stringify({ careTypes: ['respite'], capacity: 1, ageRange: { min: 4, max: 12 }, validUntil: '2099-12-31', conditions: [PERSONAL.name], authority: 'socialtilsyn', decisionReference: 'X' })),
      await post('/v1/families', `{"adults":[{"fullName":"${PERSONAL.name}"}`),
      await post('/v1/families', `${'['.repeat(40)}"${PERSONAL.email}"${']'.repeat(40)}`),
    ];
    expect(refused.map((response) => response.status)).toEqual([400, 409, 400, 400]);
    expect((await fetch(`${api.baseUrl}/v1/families/${familyId}`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);

    api.child.kill('SIGTERM');
    await waitForExit(api.child);
    const output = api.output();
    expect(output).toContain('Dev token');
    for (const [field, value] of Object.entries(PERSONAL)) expect({ field, leaked: output.includes(value) }).toEqual({ field, leaked: false });
    const masterKey = join(dataDir, 'master.key');
    if (existsSync(masterKey)) expect(output).not.toContain(readFileSync(masterKey, 'utf8').trim());
    // The only token printed is the banner's (one line after "Dev token").
    expect(output.match(/eyJ[\w-]+\.[\w-]+\.[\w-]+/g) ?? []).toHaveLength(1);
  });
});
