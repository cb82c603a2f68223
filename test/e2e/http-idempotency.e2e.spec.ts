import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startTestServer, type TestServer } from '../support/api-server';
import { registration } from '../support/family-fixtures';
import { expectProblem, eventsRecorded, send, type RawRequest } from '../support/http-helpers';

/**
 * Idempotency-Key on POST: a retry with the same key and body appends nothing and answers the
 * resource as it is now (marked Idempotent-Replayed); the key is scoped to the municipality; refusals
 * are not remembered, so a retry after a 4xx is evaluated afresh. Only a hash of the request is kept.
 */
describe('HTTP Idempotency-Key', () => {
  let server: TestServer;
  let vejle: string;
  let roskilde: string;

  beforeAll(async () => {
    server = await startTestServer();
    vejle = await server.token('0630');
    roskilde = await server.token('0265');
  });
  afterAll(() => server.stop());

  const post = (path: string, key: string | undefined, body: unknown, token = vejle, extra: RawRequest['headers'] = {}) =>
    send(server, 'POST', path, { token, body, headers: key === undefined ? extra : { 'idempotency-key': key, ...extra } });
  const listIds = async (token: string) => (await send(server, 'GET', '/v1/families?limit=200', { token })).json.items.map((f: { familyId: string }) => f.familyId);
  const eventTypes = async (familyId: string) =>
    (await send(server, 'GET', `/v1/families/${familyId}/events`, { token: vejle })).json.items.map((e: { type: string }) => e.type);
  const register = async () => {
    const created = await post('/v1/families', undefined, registration());
    expect(created.status).toBe(201);
    return created.json.familyId as string;
  };

  it('registering twice with the same key and body answers the first result again; one family exists', async () => {
    const familiesBefore = await listIds(vejle);
    const before = await eventsRecorded(server);
    const first = await post('/v1/families', 'register-hansen-1', registration());
    const second = await post('/v1/families', 'register-hansen-1', registration());
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.json).toEqual(first.json);
    expect(second.json.familyId).toBe(first.json.familyId);
    expect(first.headers.get('location')).toBe(`/v1/families/${first.json.familyId}`);
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(first.headers.get('etag')).toBe('"0"');
    expect(second.headers.get('etag')).toBe('"0"');
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(await eventsRecorded(server)).toBe(before + 1);
    expect(await listIds(vejle)).toEqual([first.json.familyId, ...familiesBefore]);
    expect(await eventTypes(first.json.familyId)).toEqual(['FamilyRegistered']);
  });

  it('without a key, the same POST twice registers two families (the control case)', async () => {
    const before = await eventsRecorded(server);
    const a = await post('/v1/families', undefined, registration());
    const b = await post('/v1/families', undefined, registration());
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.json.familyId).not.toBe(b.json.familyId);
    expect(await eventsRecorded(server)).toBe(before + 2);
  });

  it('the same key with a different body, or on another path → 422 idempotency-key-reused, nothing appended', async () => {
    const first = await post('/v1/families', 'register-jensen', registration());
    expect(first.status).toBe(201);
    const before = await eventsRecorded(server);
    const otherBody = await post('/v1/families', 'register-jensen', registration({ region: 'DK-84' }));
    expectProblem(otherBody, 422, 'REQUEST.IDEMPOTENCY_KEY_REUSED', 'idempotency-key-reused');
    const otherPath = await post(`/v1/families/${first.json.familyId}/first-contact`, 'register-jensen', { on: '2026-11-20', channel: 'phone' });
    expectProblem(otherPath, 422, 'REQUEST.IDEMPOTENCY_KEY_REUSED', 'idempotency-key-reused');
    expect(await eventsRecorded(server)).toBe(before);
    expect(await eventTypes(first.json.familyId)).toEqual(['FamilyRegistered']);
  });

  it('the same key in another municipality is independent of this one', async () => {
    const inVejle = await post('/v1/families', 'shared-key', registration());
    const inRoskilde = await post('/v1/families', 'shared-key', registration({ region: 'DK-85' }), roskilde);
    expect(inVejle.status).toBe(201);
    expect(inRoskilde.status).toBe(201);
    expect(inRoskilde.headers.get('idempotent-replayed')).toBeNull();
    expect(inRoskilde.json).toMatchObject({ municipality: '0265', region: 'DK-85' });
    expect(inRoskilde.json.familyId).not.toBe(inVejle.json.familyId);
    expect(await listIds(roskilde)).toEqual([inRoskilde.json.familyId]);
    const replayInRoskilde = await post('/v1/families', 'shared-key', registration({ region: 'DK-85' }), roskilde);
    expect(replayInRoskilde.headers.get('idempotent-replayed')).toBe('true');
    expect(replayInRoskilde.json.familyId).toBe(inRoskilde.json.familyId);
    const replayInVejle = await post('/v1/families', 'shared-key', registration());
    expect(replayInVejle.json.familyId).toBe(inVejle.json.familyId);
  });

  it('a step retried with the same key answers the first result and the stream holds one event for it', async () => {
    const familyId = await register();
    const path = `/v1/families/${familyId}/first-contact`;
    const body = { on: '2026-11-20', channel: 'phone', summary: 'Called back' };
    const first = await post(path, 'contact-1', body, vejle, { 'if-match': '"0"' });
    expect(first.status).toBe(200);
    expect(first.headers.get('etag')).toBe('"1"');
    const retry = await post(path, 'contact-1', body, vejle, { 'if-match': '"0"' });
    expect(retry.status).toBe(200);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(retry.headers.get('etag')).toBe('"1"');
    expect(retry.json).toEqual(first.json);
    expect(await eventTypes(familyId)).toEqual(['FamilyRegistered', 'FirstContactMade']);
    // After the family moved on, the retry still records nothing, and answers the family as it is now
    // (no copy of an old answer is kept: it would hold personal data, and be stale).
    expect((await post(`/v1/families/${familyId}/screening`, undefined, { on: '2026-11-21' })).status).toBe(200);
    const lateRetry = await post(path, 'contact-1', body, vejle, { 'if-match': '"0"' });
    expect({ status: lateRetry.status, stage: lateRetry.json.stage, etag: lateRetry.headers.get('etag'), replayed: lateRetry.headers.get('idempotent-replayed') }).toEqual({
      status: 200,
      stage: 'screened',
      etag: '"2"',
      replayed: 'true',
    });
    expect(await eventTypes(familyId)).toEqual(['FamilyRegistered', 'FirstContactMade', 'FamilyScreened']);
  });

  it('a retry after a refused first attempt is evaluated afresh: refusals are not remembered', async () => {
    const before = await eventsRecorded(server);
    const invalid = await post('/v1/families', 'register-retry', { ...registration(), region: 'nowhere' });
    expectProblem(invalid, 400, 'REQUEST.VALIDATION', 'validation');
    const ruled = await post('/v1/families', 'register-retry', registration({ sourceChannel: 'family-referral' }));
    expectProblem(ruled, 422, 'FAMILY.REFERRAL_NEEDS_REFERRER', 'rule-violated');
    const ruledAgain = await post('/v1/families', 'register-retry', registration({ sourceChannel: 'family-referral' }));
    expectProblem(ruledAgain, 422, 'FAMILY.REFERRAL_NEEDS_REFERRER', 'rule-violated');
    expect(ruledAgain.headers.get('idempotent-replayed')).toBeNull();
    expect(await eventsRecorded(server)).toBe(before);
    const fixed = await post('/v1/families', 'register-retry', registration());
    expect(fixed.status).toBe(201);
    expect(fixed.headers.get('idempotent-replayed')).toBeNull();

    const familyId = fixed.json.familyId as string;
    const screening = `/v1/families/${familyId}/screening`;
    expectProblem(await post(screening, 'screen-1', { on: '2026-11-21' }), 409, 'FAMILY.WRONG_STAGE', 'conflict');
    expectProblem(await post(screening, 'screen-1', { on: '2026-11-21' }, vejle, { 'if-match': '"7"' }), 412, 'FAMILY.REVISION_MISMATCH', 'precondition-failed');
    expect((await post(`/v1/families/${familyId}/first-contact`, undefined, { on: '2026-11-20', channel: 'email' })).status).toBe(200);
    const screened = await post(screening, 'screen-1', { on: '2026-11-21' });
    expect(screened.status).toBe(200);
    expect(screened.headers.get('idempotent-replayed')).toBeNull();
    expect(screened.json.stage).toBe('screened');
    expect(await eventTypes(familyId)).toEqual(['FamilyRegistered', 'FirstContactMade', 'FamilyScreened']);
  });

  it('a retry after the response was lost (appended, but not stored) appends nothing twice', async () => {
    const familyId = await register();
    const path = `/v1/families/${familyId}/first-contact`;
    const body = { on: '2026-11-20', channel: 'meeting' };
    expect((await post(path, 'lost-response', body)).status).toBe(200);
    const db = new Database(join(server.dataDir, 'idempotency.sqlite'));
    try {
      expect(db.prepare("DELETE FROM idempotency_keys WHERE municipality = '0630' AND key = 'lost-response'").run().changes).toBe(1);
    } finally {
      db.close();
    }
    const before = await eventsRecorded(server);
    const retry = await post(path, 'lost-response', body);
    expect(retry.status).toBe(200);
    expect(retry.json).toMatchObject({ familyId, stage: 'contacted', revision: 1 });
    expect(await eventsRecorded(server)).toBe(before);
    expect(await eventTypes(familyId)).toEqual(['FamilyRegistered', 'FirstContactMade']);
  });

  it('the idempotency store keeps no personal data: none of the registration’s strings is in its files', async () => {
    const body = registration({
      sourceDetail: 'Tip from Kirsten Ravnholt-Idem',
      contact: { street: 'Idemvej 77', postalCode: '7100', city: 'Vejle', phone: '+45 99 88 77 66', email: 'ravnholt-idem@example.dk' },
    });
    const first = await post('/v1/families', 'register-ravnholt', body);
    expect((await post('/v1/families', 'register-ravnholt', body)).headers.get('idempotent-replayed')).toBe('true');
    const raw = ['', '-wal'].map((suffix) => {
      try {
        return readFileSync(join(server.dataDir, `idempotency.sqlite${suffix}`)).toString('utf8');
      } catch {
        return '';
      }
    });
    expect(raw.join('')).toContain('register-ravnholt');
    for (const personal of ['Kirsten Ravnholt-Idem', 'Idemvej 77', '+45 99 88 77 66', 'ravnholt-idem@example.dk', 'Mette Hansen', first.json.familyId]) {
      expect(raw.join('')).not.toContain(personal);
    }
  });

  it('an Idempotency-Key longer than 200 characters → 400, nothing appended', async () => {
    const before = await eventsRecorded(server);
    expectProblem(await post('/v1/families', 'k'.repeat(201), registration()), 400, 'REQUEST.IDEMPOTENCY_KEY_TOO_LONG', 'validation');
    expect(await eventsRecorded(server)).toBe(before);
  });
});

describe('HTTP Idempotency-Key expiry', () => {
  let server: TestServer;
  let token: string;
  let hoursLater = 0;
  const clock = () => new Date(Date.now() + hoursLater * 3_600_000);

  beforeAll(async () => {
    server = await startTestServer({}, { clock });
    token = await server.token('0630');
  });
  afterAll(() => server.stop());

  const register = (body: unknown) => send(server, 'POST', '/v1/families', { token, body, headers: { 'idempotency-key': 'expiring-key' } });
  const keysKept = () => {
    const db = new Database(join(server.dataDir, 'idempotency.sqlite'), { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM idempotency_keys').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  it('a key is remembered for 24 hours, then forgotten; a late retry still appends nothing', async () => {
    const first = await register(registration());
    expect(first.status).toBe(201);
    hoursLater = 23;
    expectProblem(await register(registration({ region: 'DK-84' })), 422, 'REQUEST.IDEMPOTENCY_KEY_REUSED', 'idempotency-key-reused');
    expect((await register(registration())).headers.get('idempotent-replayed')).toBe('true');
    expect(keysKept()).toBe(1);

    hoursLater = 25;
    server.app.runtime.idempotency.expire(clock());
    expect(keysKept()).toBe(0);
    const before = await eventsRecorded(server);
    const late = await register(registration());
    expect({ status: late.status, replayed: late.headers.get('idempotent-replayed'), familyId: late.json.familyId }).toEqual({ status: 201, replayed: null, familyId: first.json.familyId });
    expect(await eventsRecorded(server)).toBe(before);
  });
});
