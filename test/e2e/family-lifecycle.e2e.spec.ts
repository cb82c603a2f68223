import { isRecorded, unwrap, type FamilybankClient } from '@familybank/api-client';
import { approvalTerms, registration } from '../support/family-fixtures';
import { startTestServer, type TestServer } from '../support/api-server';

type ProblemJson = { type?: string; code?: string; status?: number; invalidParams?: Array<{ name: string }> };

/**
 * A caseworker in Vejle (0630) takes a family from first interest to approved and available. At each
 * step, bad input is tried first: it gets the documented problem, and the family's stream is unchanged.
 */
describe('family lifecycle over HTTP, from lead to available', () => {
  let server: TestServer;
  let vejle: FamilybankClient;
  let caseworkerOnly: FamilybankClient;
  let roskilde: FamilybankClient;
  let familyId: string;

  beforeAll(async () => {
    server = await startTestServer();
    vejle = await server.client('0630', ['caseworker', 'approver']);
    caseworkerOnly = await server.client('0630', ['caseworker']);
    roskilde = await server.client('0265', ['caseworker', 'approver']);
  });
  afterAll(() => server.stop());

  const revision = async () => (await unwrap(vejle.GET('/v1/families/{familyId}/events', { params: { path: { familyId } } }))).revision;
  const path = () => ({ path: { familyId } });

  /** Sends a raw request, so that bodies the typed client would refuse to build can be tried. */
  async function raw(method: string, url: string, body: unknown, headers: Record<string, string> = {}) {
    const response = await fetch(`${server.baseUrl}${url}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await server.token('0630')}`, ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, contentType: response.headers.get('content-type'), problem: (await response.json()) as ProblemJson };
  }

  async function expectRefusedWithoutChange(attempt: () => Promise<{ status: number; problem: ProblemJson; contentType?: string | null }>, status: number, code: string) {
    const before = await revision();
    const { status: actual, problem, contentType } = await attempt();
    expect({ status: actual, code: problem.code }).toEqual({ status, code });
    expect(problem.type).toMatch(/^urn:familybank:problem:/);
    if (contentType !== undefined) expect(contentType).toContain('application/problem+json');
    expect(JSON.stringify(problem)).not.toMatch(/\bat .+\.(js|ts):\d+/);
    expect(await revision()).toBe(before);
    return problem;
  }

  it('register: bad input is refused with every invalid field listed, and nothing is stored', async () => {
    const missing = await raw('POST', '/v1/families', { ...registration(), adults: undefined, region: 42 });
    expect(missing.status).toBe(400);
    expect(missing.problem.invalidParams!.map((p) => p.name).sort()).toEqual(['body.adults', 'body.region']);
    const unknownEnum = await raw('POST', '/v1/families', { ...registration(), sourceChannel: 'carrier-pigeon' });
    expect(unknownEnum.problem).toMatchObject({ status: 400, code: 'REQUEST.VALIDATION', invalidParams: [{ name: 'body.sourceChannel' }] });
    const personalNumber = await raw('POST', '/v1/families', { ...registration(), nationalId: '010181-1234' });
    expect(personalNumber.status).toBe(400);
    const referral = await raw('POST', '/v1/families', registration({ sourceChannel: 'family-referral' }));
    expect(referral.problem).toMatchObject({ status: 422, code: 'FAMILY.REFERRAL_NEEDS_REFERRER' });
    const malformed = await raw('POST', '/v1/families', '{"sourceChannel": ');
    expect(malformed.problem).toMatchObject({ status: 400, code: 'REQUEST.MALFORMED_JSON' });
    const page = await unwrap(vejle.GET('/v1/families', {}));
    expect(page.items).toHaveLength(0);
  });

  it('register: a lead is recorded with its channel; 201 with Location and ETag', async () => {
    const { data, response } = await vejle.POST('/v1/families', { body: registration() });
    expect(response.status).toBe(201);
    if (!data || isRecorded(data)) throw new Error('expected the family, not a receipt');
    familyId = data.familyId;
    expect(response.headers.get('location')).toBe(`/v1/families/${familyId}`);
    expect(response.headers.get('etag')).toBe('"0"');
    expect(data).toMatchObject({ stage: 'lead', municipality: '0630', sourceChannel: 'campaign', revision: 0 });
  });

  it('first contact: mistyped fields, a stale If-Match and another municipality are refused', async () => {
    await expectRefusedWithoutChange(() => raw('POST', `/v1/families/${familyId}/first-contact`, { on: 'yesterday', channel: 'phone' }), 400, 'REQUEST.VALIDATION');
    await expectRefusedWithoutChange(() => raw('POST', `/v1/families/${familyId}/first-contact`, { on: '2026-11-20', channel: 'phone' }, { 'if-match': '"7"' }), 412, 'FAMILY.REVISION_MISMATCH');
    await expectRefusedWithoutChange(async () => {
      const { error, response } = await roskilde.POST('/v1/families/{familyId}/first-contact', { params: path(), body: { on: '2026-11-20', channel: 'phone' } });
      return { status: response.status, problem: error as ProblemJson };
    }, 404, 'FAMILY.NOT_FOUND');
    const { data, response } = await vejle.POST('/v1/families/{familyId}/first-contact', {
      params: { ...path(), header: { 'If-Match': '"0"' } },
      body: { on: '2026-11-20', channel: 'phone', summary: 'Called back within a day' },
    });
    expect(response.headers.get('etag')).toBe('"1"');
    expect(data).toMatchObject({ stage: 'contacted', firstContactOn: '2026-11-20' });
  });

  it('screening and interview: approval before background checks is refused as the wrong stage', async () => {
    await expectRefusedWithoutChange(() => raw('POST', `/v1/families/${familyId}/approval`, approvalTerms()), 409, 'FAMILY.WRONG_STAGE');
    await unwrap(vejle.POST('/v1/families/{familyId}/screening', { params: path(), body: { on: '2026-11-21' } }));
    await expectRefusedWithoutChange(() => raw('POST', `/v1/families/${familyId}/interview`, { on: '2026-11-22', interviewers: [] }), 400, 'REQUEST.VALIDATION');
    const family = await unwrap(vejle.POST('/v1/families/{familyId}/interview', { params: path(), body: { on: '2026-11-22', interviewers: ['Anna Lund'] } }));
    expect(family.stage).toBe('interviewed');
  });

  it('background checks: approval is refused while a check is missing, and while remarks are not assessed', async () => {
    await expectRefusedWithoutChange(() => raw('POST', `/v1/families/${familyId}/background-checks/requests`, { on: '2026-11-23', adultIds: ['a9'] }), 422, 'FAMILY.UNKNOWN_ADULT');
    await unwrap(vejle.POST('/v1/families/{familyId}/background-checks/requests', { params: path(), body: { on: '2026-11-23' } }));
    await expectRefusedWithoutChange(() => raw('POST', `/v1/families/${familyId}/approval`, approvalTerms()), 422, 'FAMILY.CHECKS_MISSING');
    for (const [adultId, kind] of [['a1', 'child-protection'], ['a1', 'criminal-record'], ['a2', 'child-protection']] as const) {
      await unwrap(vejle.POST('/v1/families/{familyId}/background-checks/results', { params: path(), body: { adultId, kind, outcome: 'clear', receivedOn: '2026-11-24' } }));
    }
    await expectRefusedWithoutChange(
      () => raw('POST', `/v1/families/${familyId}/background-checks/results`, { adultId: 'a2', kind: 'criminal-record', outcome: 'remarks', receivedOn: '2026-11-24' }),
      422,
      'FAMILY.REMARKS_NEED_CATEGORY',
    );
    await unwrap(
      vejle.POST('/v1/families/{familyId}/background-checks/results', {
        params: path(),
        body: { adultId: 'a2', kind: 'criminal-record', outcome: 'remarks', remarkCategory: 'traffic', receivedOn: '2026-11-24' },
      }),
    );
    await expectRefusedWithoutChange(() => raw('POST', `/v1/families/${familyId}/approval`, approvalTerms()), 422, 'FAMILY.CHECKS_NOT_CLEAR');
  });

  it('availability before approval is refused', async () => {
    await expectRefusedWithoutChange(() => raw('POST', `/v1/families/${familyId}/availability`, { capacity: 1, patterns: ['weekends'] }), 422, 'FAMILY.NOT_APPROVED');
  });

  it('approval: only an approver may assess remarks and approve', async () => {
    const assessment = { adultId: 'a2', kind: 'criminal-record' as const, acceptable: true, assessment: 'Speeding fine in 2015; no relevance to caring for children' };
    await expectRefusedWithoutChange(async () => {
      const { error, response } = await caseworkerOnly.POST('/v1/families/{familyId}/background-checks/assessments', { params: path(), body: assessment });
      return { status: response.status, problem: error as ProblemJson };
    }, 403, 'AUTH.ROLE_MISSING');
    await unwrap(vejle.POST('/v1/families/{familyId}/background-checks/assessments', { params: path(), body: assessment }));
    await expectRefusedWithoutChange(() => raw('POST', `/v1/families/${familyId}/approval`, approvalTerms('2001-01-01')), 422, 'FAMILY.APPROVAL_VALIDITY_IN_PAST');
    await expectRefusedWithoutChange(() => raw('POST', `/v1/families/${familyId}/approval`, { ...approvalTerms(), capacity: 'two' }), 400, 'REQUEST.VALIDATION');
    const family = await unwrap(vejle.POST('/v1/families/{familyId}/approval', { params: path(), body: approvalTerms() }));
    expect(family).toMatchObject({ stage: 'approved', approval: { capacity: 2, careTypes: ['respite', 'contact'] } });
  });

  it('availability: an oversized body and a capacity above the approval are refused; then the family is available', async () => {
    const huge = { capacity: 1, patterns: ['weekends'], padding: 'x'.repeat(1_100_000) };
    await expectRefusedWithoutChange(() => raw('POST', `/v1/families/${familyId}/availability`, huge), 413, 'REQUEST.TOO_LARGE');
    await expectRefusedWithoutChange(() => raw('POST', `/v1/families/${familyId}/availability`, { capacity: 5, patterns: ['weekends'] }), 422, 'FAMILY.CAPACITY_EXCEEDS_APPROVAL');
    await expectRefusedWithoutChange(() => raw('POST', `/v1/families/${familyId}/availability`, { capacity: 1, patterns: ['fortnightly'] }), 400, 'REQUEST.VALIDATION');
    await unwrap(vejle.POST('/v1/families/{familyId}/consent', { params: path(), body: { on: '2026-11-25' } }));
    const family = await unwrap(
      vejle.POST('/v1/families/{familyId}/availability', { params: path(), body: { capacity: 1, periods: [{ from: '2026-12-01', to: '2027-06-30' }], patterns: ['weekends', 'holidays'] } }),
    );
    expect(family).toMatchObject({ stage: 'available', availability: { capacity: 1, careTypes: ['respite', 'contact'] }, consentToShare: true });
  });

  it('the stream holds every step as an event, with the acting user and the municipality', async () => {
    const { items: events } = await unwrap(vejle.GET('/v1/families/{familyId}/events', { params: path() }));
    expect(events.map((event) => event.type)).toEqual([
      'FamilyRegistered',
      'FirstContactMade',
      'FamilyScreened',
      'FamilyInterviewed',
      'BackgroundChecksRequested',
      'BackgroundCheckReceived',
      'BackgroundCheckReceived',
      'BackgroundCheckReceived',
      'BackgroundCheckReceived',
      'BackgroundCheckRemarksAssessed',
      'FamilyApproved',
      'ConsentToShareGiven',
      'AvailabilityDeclared',
    ]);
    expect(events.map((event) => event.revision)).toEqual(events.map((_, index) => index));
    expect(new Set(events.map((event) => event.actor))).toEqual(new Set(['dev-caseworker+approver@0630']));
    expect(events.every((event) => event.schemaVersion === 1 && event.correlationId && event.causationId)).toBe(true);
    const roskildeView = await roskilde.GET('/v1/families/{familyId}/events', { params: path() });
    expect(roskildeView.response.status).toBe(404);
  });

  it('every projection shows the family: detail, available families, list by stage and pipeline', async () => {
    const detail = await unwrap(vejle.GET('/v1/families/{familyId}', { params: path() }));
    expect(detail).toMatchObject({ stage: 'available', revision: 12, daysInStage: 0 });
    expect(detail.checks.find((check) => check.adultId === 'a2' && check.kind === 'criminal-record')).toMatchObject({
      outcome: 'remarks',
      remarkCategory: 'traffic',
      assessment: { acceptable: true, assessedBy: 'dev-caseworker+approver@0630' },
    });
    const available = await unwrap(vejle.GET('/v1/available-families', { params: { query: { careType: 'respite' } } }));
    expect(available.items).toEqual([expect.objectContaining({ familyId, householdName: 'Mette Hansen & Jens Hansen', capacity: 1, ageRange: { min: 4, max: 12 } })]);
    const none = await unwrap(vejle.GET('/v1/available-families', { params: { query: { careType: 'foster' } } }));
    expect(none.items).toEqual([]);
    const byStage = await unwrap(vejle.GET('/v1/families', { params: { query: { stage: 'available' } } }));
    expect(byStage.items.map((family) => family.familyId)).toEqual([familyId]);
    const pipeline = await unwrap(vejle.GET('/v1/pipeline', {}));
    expect(pipeline.stages.find((stage) => stage.stage === 'available')?.count).toBe(1);
    expect(pipeline.channels.find((channel) => channel.channel === 'campaign')).toEqual({ channel: 'campaign', leads: 1, approved: 1 });
    const roskildeAvailable = await unwrap(roskilde.GET('/v1/available-families', {}));
    expect(roskildeAvailable.items).toEqual([]);
  });
});
