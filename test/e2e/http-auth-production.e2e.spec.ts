import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SignJWT, decodeJwt, exportSPKI, generateKeyPair, type KeyLike } from 'jose';
import { loadOrCreateDevKeys, signDevToken } from '../../apps/api/src/platform/auth/dev-keys';
import { eventually } from '../support/journeys';
import { buildApiForProcessTests, startApiProcess, waitForExit, type ApiProcess } from '../support/api-process';

jest.setTimeout(120_000);
const run = promisify(execFile);
const root = join(__dirname, '../..');
const ISSUER = 'https://login.vejle.test/realms/familybank';

/**
 * A node with NODE_ENV=production: it will not start with the development issuer, takes its tokens
 * from the identity provider's keys only, prints no token, and serves only its municipalities.
 */
describe('identity in production', () => {
  let mainJs: string;
  let dataDir: string;
  let api: ApiProcess | undefined;
  let providerKey: KeyLike;

  beforeAll(async () => {
    mainJs = buildApiForProcessTests();
    dataDir = mkdtempSync(join(tmpdir(), 'familybank-production-'));
    const pair = await generateKeyPair('ES256', { extractable: true });
    providerKey = pair.privateKey;
    api = await startApiProcess(mainJs, {
      NODE_ENV: 'production',
      DATA_DIR: dataDir,
      MUNICIPALITIES: '0630',
      ENCRYPTION_MASTER_KEY: randomBytes(32).toString('base64'),
      JWT_ISSUER: ISSUER,
      JWT_KEYS: `kid=vejle-2026\n${await exportSPKI(pair.publicKey)}`,
    });
  });
  afterAll(async () => {
    if (api && api.child.exitCode === null) api.child.kill('SIGTERM');
    if (api) await waitForExit(api.child);
    rmSync(dataDir, { recursive: true, force: true });
  });

  const providerToken = (municipality: string) =>
    new SignJWT({ municipality, roles: ['caseworker'] })
      .setProtectedHeader({ alg: 'ES256', kid: 'vejle-2026' })
      .setSubject('anna@vejle.test')
      .setIssuer(ISSUER)
      .setAudience('familybank-api')
      .setIssuedAt()
      .setExpirationTime('15m')
      .sign(providerKey);
  const get = (token: string) => fetch(`${api!.baseUrl}/v1/families`, { headers: { authorization: `Bearer ${token}` } });

  it('refuses to start with the development issuer, naming what to set', async () => {
    const other = mkdtempSync(join(tmpdir(), 'familybank-production-dev-'));
    try {
      await expect(startApiProcess(mainJs, { NODE_ENV: 'production', DATA_DIR: other, MUNICIPALITIES: '0630' })).rejects.toThrow(/JWT_JWKS_URL: required when NODE_ENV=production .*development issuer is refused/);
      expect(existsSync(join(other, 'dev-jwt-key.json'))).toBe(false);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });

  it("serves the identity provider's token, prints no token and keeps no development key", async () => {
    expect((await get(await providerToken('0630'))).status).toBe(200);
    expect(api!.output()).not.toMatch(/Dev token|eyJ/);
    expect(api!.output()).toContain(`Tokens from:           ${ISSUER}`);
    expect(existsSync(join(dataDir, 'dev-jwt-key.json'))).toBe(false);
  });

  it("refuses a development issuer's token, even one naming the provider as issuer", async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'familybank-elsewhere-'));
    const devKeys = await loadOrCreateDevKeys(elsewhere);
    rmSync(elsewhere, { recursive: true, force: true });
    const token = await signDevToken(devKeys, { municipality: '0630', roles: ['caseworker'], issuer: ISSUER, audience: 'familybank-api' });
    const response = await get(token);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: 'AUTH.TOKEN_INVALID', details: { reason: 'unknown-key' } });
    expect(response.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
  });

  it('refuses a municipality it does not serve, and announces only its own', async () => {
    const response = await get(await providerToken('0101'));
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: 'AUTH.MUNICIPALITY_NOT_SERVED' });
    const directory = async () => (await (await fetch(`${api!.baseUrl}/v1/directory`, { headers: { authorization: `Bearer ${await providerToken('0630')}` } })).json()) as { items: { code: string }[] };
    await eventually(async () => expect((await directory()).items.map((entry) => entry.code)).toEqual(['0630']));
  });
});

describe('npm run token (the development issuer)', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'familybank-token-cli-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  const token = (args: string[], env: Record<string, string> = {}) =>
    run(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'apps/api/src/platform/auth/token.cli.ts', ...args], { cwd: root, env: { ...process.env, DATA_DIR: dataDir, ...env } });

  it('issues no token longer than the API accepts (12 h by default), with a clear error', async () => {
    await expect(token(['--expires', '100y'])).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/at most 43200 s \(12 h, JWT_MAX_LIFETIME_SECONDS\); "100y" is 3155760000 s/) });
    await expect(token(['--expires', '2h'], { JWT_MAX_LIFETIME_SECONDS: '3600' })).rejects.toMatchObject({ stderr: expect.stringMatching(/at most 3600 s/) });
    const { stdout } = await token(['--expires', '12h']);
    const { exp, iat } = decodeJwt(stdout.trim()) as { exp: number; iat: number };
    expect(exp - iat).toBe(12 * 3600);
  });

  it('defaults to 8 h, or the maximum lifetime when that is shorter', async () => {
    const { exp, iat } = decodeJwt((await token([])).stdout.trim()) as { exp: number; iat: number };
    expect(exp - iat).toBe(8 * 3600);
    const short = decodeJwt((await token([], { JWT_MAX_LIFETIME_SECONDS: '900' })).stdout.trim()) as { exp: number; iat: number };
    expect(short.exp - short.iat).toBe(900);
  });

  it('issues nothing for a node that takes its tokens from an identity provider', async () => {
    await expect(token([], { JWT_JWKS_URL: 'https://idp.test/certs', JWT_ISSUER: 'https://idp.test' })).rejects.toMatchObject({ stderr: expect.stringMatching(/the development issuer is off/) });
    await expect(token([], { NODE_ENV: 'production', MUNICIPALITIES: '0630' })).rejects.toMatchObject({ stderr: expect.stringMatching(/development issuer is refused/) });
  });
});
