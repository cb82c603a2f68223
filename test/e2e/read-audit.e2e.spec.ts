import { createFamilybankClient, unwrap, type FamilybankClient } from '@familybank/api-client';
import type { Role } from '@familybank/contracts';
import { startTestServer, type TestServer } from '../support/api-server';
import { makePartners, needs } from '../support/federation';
import { expectProblem, send } from '../support/http-helpers';
import { eventually, registerAvailableFamily } from '../support/journeys';

jest.setTimeout(90_000);

const [A, B] = ['0630', '0265'];
const CONTACT = { street: 'Algade 7', postalCode: '4000', city: 'Roskilde', phone: '+45 46 31 31 31', email: 'jensen@roskilde.example' };

/**
 * "Who saw the contact details of family X, and when": B's caseworker reads the family, A accepts
 * B's offer of it, B releases the contact details sealed to A, A's caseworker reads them on the
 * request. Each municipality's auditor gets exactly those entries, with ids only.
 */
describe('the audit of reads', () => {
  let server: TestServer;
  const as = async (municipality: string, roles: Role[], subject: string): Promise<{ client: FamilybankClient; token: string }> => {
    const token = await server.token(municipality, roles, subject);
    return { client: createFamilybankClient({ baseUrl: server.baseUrl, token }), token };
  };
  let familyX: string;
  let requestId: string;
  let assignmentId: string;
  let auditorOfB: string;
  let auditorOfA: string;
  const audit = (token: string, query: string) => send(server, 'GET', `/v1/audit/reads?${query}`, { token });

  beforeAll(async () => {
    server = await startTestServer();
    const registrarOfB = await as(B, ['caseworker', 'approver'], 'registrar@0265');
    const anders = await as(A, ['caseworker'], 'anders@0630');
    const adminA = await as(A, ['approver'], 'approver@0630');
    // First use announces a municipality in the directory.
    for (const { client } of [adminA, registrarOfB]) await unwrap(client.GET('/v1/partnerships', {}));
    await makePartners(adminA.client, A, registrarOfB.client, B);
    familyX = await registerAvailableFamily(registrarOfB.client, { registration: { contact: CONTACT } });
    auditorOfB = (await as(B, ['auditor'], 'auditor@0265')).token;
    auditorOfA = (await as(A, ['auditor'], 'auditor@0630')).token;

    // B's caseworker reads the family twice in a minute: one entry.
    const karen = await as(B, ['caseworker'], 'karen@0265');
    for (let read = 0; read < 2; read += 1) await unwrap(karen.client.GET('/v1/families/{familyId}', { params: { path: { familyId: familyX } } }));

    const opened = await unwrap(anders.client.POST('/v1/requests', { body: { caseReference: 'SAG-2026-7', needs: needs(), responseDeadline: '2026-12-15' } }));
    requestId = opened.requestId;
    await unwrap(anders.client.POST('/v1/requests/{requestId}/sharing', { params: { path: { requestId } }, body: {} }));
    await eventually(async () => expect((await unwrap(registrarOfB.client.GET('/v1/inbox', {}))).items).toHaveLength(1));
    const offer = await unwrap(registrarOfB.client.POST('/v1/inbox/{requester}/{requestId}/offers', { params: { path: { requester: A, requestId } }, body: { familyId: familyX } }));
    await eventually(async () => expect((await unwrap(anders.client.GET('/v1/requests/{requestId}', { params: { path: { requestId } } }))).offers).toHaveLength(1));
    await unwrap(anders.client.POST('/v1/requests/{requestId}/offers/{offerId}/acceptance', { params: { path: { requestId, offerId: offer.offerId } }, body: {} }));
    const filled = await eventually(async () => {
      const current = await unwrap(anders.client.GET('/v1/requests/{requestId}', { params: { path: { requestId } } }));
      expect(current.assignment?.contact).toMatchObject({ phone: CONTACT.phone });
      return current;
    }, 20_000);
    assignmentId = filled.assignment!.assignmentId;
  });
  afterAll(() => server.stop());

  it('B’s auditor: family X’s contact details were seen by karen (once, coalesced) and released to A, newest first; no personal data in the entries', async () => {
    const response = await eventually(async () => {
      const found = await audit(auditorOfB, `familyId=${familyX}&contactDetails=true`);
      expect(found.json.rows).toHaveLength(2);
      return found;
    });
    expect(response.json.rows).toEqual([
      expect.objectContaining({ action: 'released', what: 'contact-release', user: 'system:owner-acceptance', familyId: familyX, partner: A, assignmentId, contactDetails: true }),
      expect.objectContaining({ action: 'read', what: 'family-detail', operation: 'getFamily', purpose: 'case-work', user: 'karen@0265', familyId: familyX, contactDetails: true }),
    ]);
    expect(Date.parse(response.json.rows[1].at)).toBeLessThanOrEqual(Date.parse(response.json.rows[0].at));
    for (const text of [CONTACT.street, CONTACT.phone, CONTACT.email, 'Hansen']) expect(response.text).not.toContain(text);
  });

  it('A’s auditor: the contact details shown on A’s request were seen by anders, for the partner’s family of that assignment', async () => {
    const response = await eventually(async () => {
      const found = await audit(auditorOfA, `requestId=${requestId}&contactDetails=true`);
      expect(found.json.rows.length).toBeGreaterThan(0);
      return found;
    });
    expect(new Set(response.json.rows.map((row: { user: string }) => row.user))).toEqual(new Set(['anders@0630']));
    expect(response.json.rows[0]).toMatchObject({ action: 'read', what: 'request-contact', operation: 'getRequest', partner: B, requestId, assignmentId, contactDetails: true });
    // Each municipality audits its own users: B's entries are not A's.
    expect((await audit(auditorOfA, `familyId=${familyX}`)).json.rows).toEqual([]);
  });

  it('by user and period; a purpose given with X-Purpose is recorded, a free-text one refused', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const karens = (await audit(auditorOfB, `user=karen@0265&from=${today}&to=${today}`)).json.rows;
    expect(karens.map((row: { operation: string }) => row.operation)).toEqual(['getFamily']);
    expect((await audit(auditorOfB, `user=karen@0265&from=2099-01-01`)).json.rows).toEqual([]);
    const karen = await as(B, ['caseworker'], 'karen@0265');
    const withPurpose = await send(server, 'GET', `/v1/families/${familyX}`, { token: karen.token, headers: { 'X-Purpose': 'complaint' } });
    expect(withPurpose.status).toBe(200);
    await eventually(async () => expect((await audit(auditorOfB, 'user=karen@0265')).json.rows[0]).toMatchObject({ purpose: 'complaint', familyId: familyX }));
    expectProblem(await send(server, 'GET', `/v1/families/${familyX}`, { token: karen.token, headers: { 'X-Purpose': 'Mette Hansen asked' } }), 400, 'REQUEST.VALIDATION');
  });

  it('a list page, the audit trail and the auditor’s own look into a family are reads of it too', async () => {
    const bo = await as(B, ['recruiter'], 'bo@0265');
    await unwrap(bo.client.GET('/v1/families', { params: { query: {} } }));
    await unwrap(bo.client.GET('/v1/families/{familyId}/events', { params: { path: { familyId: familyX }, query: {} } }));
    const rows = await eventually(async () => {
      const found = (await audit(auditorOfB, `familyId=${familyX}&user=bo@0265`)).json.rows;
      expect(found).toHaveLength(2);
      return found;
    });
    expect(rows.map((row: { what: string }) => row.what).sort()).toEqual(['family-history', 'family-list']);
    await eventually(async () => expect((await audit(auditorOfB, `user=auditor@0265`)).json.rows[0]).toMatchObject({ what: 'read-audit', familyId: familyX, purpose: 'audit' }));
  });

  it('exports as CSV with a header row, one line per entry', async () => {
    const csv = await send(server, 'GET', `/v1/audit/reads?familyId=${familyX}&contactDetails=true&format=csv`, { token: auditorOfB });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('at,user,action,what,operation,purpose,contactDetails,familyId,requestId,assignmentId,partner,correlationId,entryId');
    const json = (await audit(auditorOfB, `familyId=${familyX}&contactDetails=true`)).json.rows as Array<{ entryId: string }>;
    expect(lines.slice(1).map((line) => line.split(',').at(-1))).toEqual(json.map((row) => row.entryId));
    // The read for a complaint (X-Purpose, above) is karen's second entry.
    expect(lines.slice(1).filter((line) => line.includes('karen@0265'))).toHaveLength(2);
    expect(lines.slice(1).filter((line) => line.includes('system:owner-acceptance'))).toHaveLength(1);
  });

  it('is for auditors only: every other role gets 403', async () => {
    for (const role of ['recruiter', 'caseworker', 'approver', 'partner-liaison', 'administrator'] as const) {
      const other = await as(B, [role], `${role}@0265`);
      expectProblem(await audit(other.token, `familyId=${familyX}`), 403, 'AUTH.ROLE_MISSING', 'forbidden');
    }
  });
});
