import { randomUUID } from 'node:crypto';
import { unwrap, type FamilybankClient } from '@familybank/api-client';
import { createFamilybankClient } from '@familybank/api-client';
import { startTestServer, type TestServer } from '../support/api-server';
import { registration } from '../support/family-fixtures';
import { makePartners, needs } from '../support/federation';
import { expectProblem, send } from '../support/http-helpers';
import { eventually, registerAvailableFamily } from '../support/journeys';

jest.setTimeout(60_000);

const [A, B] = ['0630', '0265'];
const [ANNA, BO] = ['anna@0630', 'bo@0630'];

/**
 * Vejle's caseworkers Anna and Bo search their families and requests, and read what is due. The
 * clock is set while the data is made (availability confirmed in September goes stale in November),
 * then stands at Wednesday 2026-11-25 for every read.
 */
describe('search, filters and the worklist over HTTP', () => {
  let server: TestServer;
  let now = new Date('2026-09-20T09:00:00.000Z');
  let anna: FamilybankClient;
  let bo: FamilybankClient;
  let annaToken: string;
  let boToken: string;
  const families: Record<string, string> = {};
  const requests: Record<string, string> = {};
  let partnerRequest: string;

  const adults = (...names: string[]) => names.map((fullName, index) => ({ adultId: `a${index + 1}`, fullName }));
  const contact = (postalCode: string) => ({ ...registration().contact, postalCode });
  const get = (path: string, token = annaToken) => send(server, 'GET', path, { token });
  const ids = async (path: string) => {
    const response = await get(path);
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
    return (response.json.items as Array<{ familyId?: string; requestId?: string }>).map((item) => item.familyId ?? item.requestId);
  };

  beforeAll(async () => {
    server = await startTestServer({}, { clock: () => now });
    annaToken = await server.token(A, ['caseworker', 'approver'], ANNA);
    boToken = await server.token(A, ['caseworker', 'approver'], BO);
    anna = createFamilybankClient({ baseUrl: server.baseUrl, token: annaToken });
    bo = createFamilybankClient({ baseUrl: server.baseUrl, token: boToken });

    // September: Anna's Hansen family becomes available; its availability is stale from 2026-11-20.
    families.hansen = await registerAvailableFamily(anna);

    now = new Date('2026-11-23T09:00:00.000Z'); // Monday
    families.ostergaard = await registerAvailableFamily(bo, {
      validUntil: '2027-01-31',
      registration: { adults: adults('Søren Østergaard', 'Åse Østergaard'), contact: contact('7120'), languages: ['da'], competences: ['adhd', 'siblings'], interestedIn: ['foster'] },
    });
    families.hodan = (
      await unwrap(anna.POST('/v1/families', { body: registration({ adults: adults('Hodan Warsame'), languages: ['so', 'da'], competences: ['trauma'], interestedIn: ['foster'] }) }))
    ).familyId;
    families.svensson = await familyWithRemarks(bo);

    requests.r1 = await openRequest(anna, 'SAG-1', 'respite', '2026-12-10');
    requests.r2 = await openRequest(anna, 'SAG-2', 'foster', '2027-01-15');
    requests.r3 = await openRequest(anna, 'SAG-3', 'respite', '2026-12-20');
    await unwrap(anna.POST('/v1/requests/{requestId}/withdrawal', { params: { path: { requestId: requests.r3 } }, body: { reason: 'Placed in the family’s network' } }));
    requests.r4 = await requestWithPendingAcceptance();

    // A partner's request in Vejle's inbox, to be answered by 2026-12-05.
    const roskilde = await server.client(B, ['caseworker', 'approver']);
    await unwrap(anna.GET('/v1/partnerships', {}));
    await unwrap(roskilde.GET('/v1/partnerships', {}));
    await makePartners(anna, A, roskilde, B);
    partnerRequest = await openRequest(roskilde, 'RK-7', 'respite', '2026-12-05');
    await unwrap(roskilde.POST('/v1/requests/{requestId}/sharing', { params: { path: { requestId: partnerRequest } }, body: {} }));
    await eventually(async () => expect((await unwrap(anna.GET('/v1/inbox', {}))).items.map((item) => item.requestId)).toEqual([partnerRequest]));

    now = new Date('2026-11-25T09:00:00.000Z'); // Wednesday
  });
  afterAll(() => server.stop());

  async function familyWithRemarks(client: FamilybankClient): Promise<string> {
    const body = registration({ adults: adults('Karin Svensson'), contact: contact('123 45'), languages: ['sv'], competences: ['teenagers'] });
    const { familyId } = await unwrap(client.POST('/v1/families', { body }));
    const path = { path: { familyId } };
    await unwrap(client.POST('/v1/families/{familyId}/first-contact', { params: path, body: { on: '2026-11-23', channel: 'phone' } }));
    await unwrap(client.POST('/v1/families/{familyId}/screening', { params: path, body: { on: '2026-11-23' } }));
    await unwrap(client.POST('/v1/families/{familyId}/interview', { params: path, body: { on: '2026-11-23', interviewers: ['Bo'] } }));
    await unwrap(client.POST('/v1/families/{familyId}/background-checks/requests', { params: path, body: { on: '2026-11-23' } }));
    const result = { adultId: 'a1', kind: 'criminal-record' as const, outcome: 'remarks' as const, remarkCategory: 'traffic' as const, receivedOn: '2026-11-23' };
    await unwrap(client.POST('/v1/families/{familyId}/background-checks/results', { params: path, body: result }));
    return familyId;
  }

  async function openRequest(client: FamilybankClient, caseReference: string, careType: 'respite' | 'foster', responseDeadline: string): Promise<string> {
    const body = { caseReference, needs: needs({ careType }), responseDeadline };
    return (await unwrap(client.POST('/v1/requests', { body: body as never }))).requestId;
  }

  /**
   * An offer of a municipality with no node here (0999), recorded as its consumer would, so that
   * Bo's acceptance stays unconfirmed: nobody answers for the owner.
   */
  async function requestWithPendingAcceptance(): Promise<string> {
    const requestId = await openRequest(bo, 'SAG-4', 'respite', '2026-12-12');
    const meta = (actor: string) => ({ municipality: A, actor, commandId: randomUUID(), correlationId: randomUUID() });
    const gateway = server.app.runtime.gateway;
    await gateway.execute({ aggregate: 'request', id: requestId, command: { type: 'ShareRequest', data: { partners: ['0999'], activePartners: ['0999'] } } }, meta(BO));
    const offer = { offerId: 'offer-0999-1', partner: '0999', pseudonym: 'pseudonym-of-0999-family-1' };
    await gateway.execute({ aggregate: 'request', id: requestId, command: { type: 'RecordOffer', data: offer } }, meta('partner:0999'));
    await unwrap(bo.POST('/v1/requests/{requestId}/offers/{offerId}/acceptance', { params: { path: { requestId, offerId: offer.offerId } }, body: {} }));
    return requestId;
  }

  describe('GET /v1/families', () => {
    it('q finds any part of an adult’s name, whatever the case, accents and æøå spelling', async () => {
      expect(await ids('/v1/families?q=Hodan')).toEqual([families.hodan]);
      expect(await ids('/v1/families?q=soeren')).toEqual([families.ostergaard]);
      expect(await ids(`/v1/families?q=${encodeURIComponent('ÅSE')}`)).toEqual([families.ostergaard]);
      expect(await ids('/v1/families?q=ostergard')).toEqual([families.ostergaard]);
      expect(await ids('/v1/families?q=hansen')).toEqual([families.hansen]);
      expect(await ids('/v1/families?q=nobody')).toEqual([]);
    });

    it('postalCode, competence, language, careType, childAge and stage each narrow the list', async () => {
      expect(await ids('/v1/families?postalCode=7100')).toEqual([families.hodan, families.hansen]);
      expect(await ids('/v1/families?postalCode=71')).toEqual([families.hodan, families.ostergaard, families.hansen]);
      expect(await ids(`/v1/families?postalCode=${encodeURIComponent('123 45')}`)).toEqual([families.svensson]);
      expect(await ids('/v1/families?competence=adhd')).toEqual([families.ostergaard, families.hansen]);
      expect(await ids('/v1/families?competence=adhd&competence=siblings')).toEqual([families.ostergaard, families.hansen]);
      expect(await ids('/v1/families?competence=siblings&competence=trauma')).toEqual([]);
      expect(await ids('/v1/families?language=ar')).toEqual([]);
      expect(await ids('/v1/families?language=so')).toEqual([families.hodan]);
      expect(await ids('/v1/families?language=da&language=en')).toEqual([families.hansen]);
      // Approved families by their approval (respite + contact), the others by their interest.
      expect(await ids('/v1/families?careType=foster')).toEqual([families.hodan]);
      expect(await ids('/v1/families?careType=contact')).toEqual([families.ostergaard, families.hansen]);
      expect(await ids('/v1/families?childAge=8')).toEqual([families.ostergaard, families.hansen]);
      expect(await ids('/v1/families?childAge=3')).toEqual([]);
      expect(await ids('/v1/families?stage=background-checks')).toEqual([families.svensson]);
    });

    it('filters combine, and their pages walk the matches once; a cursor replayed with other filters is refused', async () => {
      expect(await ids('/v1/families?careType=respite&childAge=12&language=da&postalCode=71&q=sen')).toEqual([families.hansen]);
      const walked: string[] = [];
      let cursor: string | null = null;
      const filter = 'postalCode=71&language=da';
      do {
        const page: { items: Array<{ familyId: string }>; nextCursor: string | null } = (await get(`/v1/families?${filter}&limit=1${cursor ? `&cursor=${cursor}` : ''}`)).json;
        walked.push(...page.items.map((item) => item.familyId));
        cursor = page.nextCursor;
      } while (cursor);
      expect(walked).toEqual([families.hodan, families.ostergaard, families.hansen]);

      const first = (await get(`/v1/families?${filter}&limit=1`)).json.nextCursor as string;
      expect((await get(`/v1/families?${filter}&limit=2&cursor=${first}`)).json.items.map((item: { familyId: string }) => item.familyId)).toEqual([families.ostergaard, families.hansen]);
      const replayed = await get(`/v1/families?postalCode=71&limit=1&cursor=${first}`);
      expectProblem(replayed, 422, 'REQUEST.INVALID_CURSOR', 'rule-violated');
      expect(replayed.json.invalidParams).toEqual([expect.objectContaining({ name: 'query.cursor' })]);
      expectProblem(await get(`/v1/requests?cursor=${first}`), 422, 'REQUEST.INVALID_CURSOR', 'rule-violated');
    });

    it('the typed client sends the filters the contract declares (a repeated one as repeated parameters)', async () => {
      const page = await unwrap(anna.GET('/v1/families', { params: { query: { q: 'Østergaard', competence: ['adhd', 'siblings'], careType: 'respite', childAge: 4 } } }));
      expect(page.items.map((family) => family.familyId)).toEqual([families.ostergaard]);
    });

    it('a bad filter value is a 400 that names the parameter', async () => {
      for (const [query, name] of [
        ['childAge=18', 'query.childAge'],
        ['childAge=eight', 'query.childAge'],
        ['competence=juggling', 'query.competence.0'],
        ['language=arabic', 'query.language.0'],
        ['careType=weekly', 'query.careType'],
        ['stage=dreaming', 'query.stage'],
        ['postalCode=%25%25', 'query.postalCode'],
        ['q=%20', 'query.q'],
      ]) {
        const response = await get(`/v1/families?${query}`);
        expectProblem(response, 400, 'REQUEST.VALIDATION', 'validation');
        expect({ query, names: response.json.invalidParams.map((param: { name: string }) => param.name) }).toEqual({ query, names: [name] });
      }
    });
  });

  describe('GET /v1/requests', () => {
    it('status, careType and a response-deadline window narrow the list, alone and together', async () => {
      const { r1, r2, r3, r4 } = requests;
      expect(await ids('/v1/requests')).toEqual([r4, r3, r2, r1]);
      expect(await ids('/v1/requests?status=open')).toEqual([r4, r2, r1]);
      expect(await ids('/v1/requests?status=withdrawn')).toEqual([r3]);
      expect(await ids('/v1/requests?careType=foster')).toEqual([r2]);
      expect(await ids('/v1/requests?deadlineBefore=2026-12-12')).toEqual([r1]);
      expect(await ids('/v1/requests?deadlineAfter=2026-12-10&deadlineBefore=2027-01-01')).toEqual([r4, r3]);
      expect(await ids('/v1/requests?status=open&careType=respite&deadlineAfter=2026-12-01')).toEqual([r4, r1]);
    });

    it('bad values name their parameter; an inverted window names deadlineAfter', async () => {
      for (const [query, name] of [
        ['status=pending', 'query.status'],
        ['careType=weekly', 'query.careType'],
        ['deadlineBefore=2026-13-01', 'query.deadlineBefore'],
      ]) {
        const response = await get(`/v1/requests?${query}`);
        expectProblem(response, 400, 'REQUEST.VALIDATION', 'validation');
        expect({ query, names: response.json.invalidParams.map((param: { name: string }) => param.name) }).toEqual({ query, names: [name] });
      }
      // Each value is valid; together they hold no day: a rule across two parameters (422, as the document says).
      for (const window of ['deadlineAfter=2027-01-01&deadlineBefore=2026-12-01', 'deadlineAfter=2026-12-01&deadlineBefore=2026-12-01']) {
        const inverted = await get(`/v1/requests?${window}`);
        expectProblem(inverted, 422, 'REQUEST.EMPTY_DEADLINE_WINDOW', 'rule-violated');
        expect(inverted.json.invalidParams.map((param: { name: string }) => param.name)).toEqual(['query.deadlineAfter']);
      }
    });
  });

  it('an unknown query parameter is a 400 naming it, on lists, details, reports and commands alike', async () => {
    for (const [method, path, name] of [
      ['GET', '/v1/families?language=ar&languages=ar', 'query.languages'],
      ['GET', '/v1/requests?q=SAG', 'query.q'],
      ['GET', `/v1/families/${families.hodan}?expand=all`, 'query.expand'],
      ['GET', '/v1/pipeline?stage=lead', 'query.stage'],
      ['GET', '/v1/pool?q=x', 'query.q'],
      ['GET', '/v1/worklist?assigne=me', 'query.assigne'],
      ['POST', `/v1/families/${families.hodan}/first-contact?dryRun=true`, 'query.dryRun'],
    ]) {
      const response = await send(server, method!, path!, { token: annaToken, ...(method === 'POST' && { body: { on: '2026-11-25', channel: 'phone' } }) });
      expectProblem(response, 400, 'REQUEST.VALIDATION', 'validation');
      expect({ path, names: response.json.invalidParams.map((param: { name: string }) => param.name) }).toEqual({ path, names: [name] });
    }
    expect((await get(`/v1/families/${families.hodan}`)).json.stage).toBe('lead');
  });

  describe('GET /v1/worklist', () => {
    /** Worked out by hand from the dates above, as of Wednesday 2026-11-25. */
    const expected = () => [
      // Confirmed 2026-09-20: stale on 09-20 + 61 days (10 left in September, 31 in October, 20 in November).
      { kind: 'availability-stale', dueOn: '2026-11-20', overdue: true, subject: { type: 'family', id: families.hansen, name: 'Mette Hansen & Jens Hansen' }, assignee: ANNA },
      // Accepted Monday 11-23; due two days later, today.
      { kind: 'acceptance-pending', dueOn: '2026-11-25', overdue: false, subject: { type: 'request', id: requests.r4, name: 'SAG-4' }, assignee: BO },
      // Registered Monday 11-23: three working days.
      { kind: 'first-contact', dueOn: '2026-11-26', overdue: false, subject: { type: 'family', id: families.hodan, name: 'Hodan Warsame' }, assignee: ANNA },
      // Remarks received 11-23, seven days to assess.
      { kind: 'check-assessment', dueOn: '2026-11-30', overdue: false, subject: { type: 'family', id: families.svensson, name: 'Karin Svensson' }, assignee: BO },
      { kind: 'inbox-request', dueOn: '2026-12-05', overdue: false, subject: { type: 'partner-request', id: partnerRequest, municipality: B, name: 'respite, child aged 8' }, assignee: null },
      // Valid until 2027-01-31, within 90 days of today.
      { kind: 'approval-expiring', dueOn: '2027-01-31', overdue: false, subject: { type: 'family', id: families.ostergaard, name: 'Søren Østergaard & Åse Østergaard' }, assignee: BO },
    ];
    const worklist = async (query = '', token = annaToken) => {
      const response = await get(`/v1/worklist${query}`, token);
      expect(response.status).toBe(200);
      return response.json as { asOf: string; items: Array<Record<string, unknown>> };
    };

    it('the municipality’s worklist: each kind, sorted by due date', async () => {
      const list = await worklist();
      expect(list.asOf).toBe('2026-11-25T09:00:00.000Z');
      // Each note comes with its reason, whose code begins with the item's kind.
      expect(list.items).toEqual(expected().map((item) => ({ ...item, note: expect.any(String), reason: expect.objectContaining({ code: expect.stringMatching(new RegExp(`^${item.kind}\\.`)) }) })));
    });

    it('per user: ?assignee=me is what the caller holds, ?assignee=none what nobody does; ?kind= narrows', async () => {
      const of = (who: string | null) => expected().filter((item) => item.assignee === who).map((item) => item.kind);
      expect((await worklist('?assignee=me')).items.map((item) => item.kind)).toEqual(of(ANNA));
      expect((await worklist('?assignee=me', boToken)).items.map((item) => item.kind)).toEqual(of(BO));
      expect((await worklist(`?assignee=${encodeURIComponent(BO)}`)).items.map((item) => item.kind)).toEqual(of(BO));
      expect((await worklist('?assignee=none')).items.map((item) => item.kind)).toEqual(of(null));
      expect((await worklist('?kind=first-contact')).items.map((item) => item.subject)).toEqual([expected()[2]!.subject]);
      expectProblem(await get('/v1/worklist?kind=everything'), 400, 'REQUEST.VALIDATION', 'validation');
    });

    it('doing the work clears it: the first contact recorded, the remarks assessed, the acceptance cancelled', async () => {
      await unwrap(anna.POST('/v1/families/{familyId}/first-contact', { params: { path: { familyId: families.hodan } }, body: { on: '2026-11-25', channel: 'phone' } }));
      const assessment = { adultId: 'a1', kind: 'criminal-record' as const, acceptable: true, assessment: 'A speeding fine ten years ago' };
      await unwrap(bo.POST('/v1/families/{familyId}/background-checks/assessments', { params: { path: { familyId: families.svensson } }, body: assessment }));
      await unwrap(bo.POST('/v1/requests/{requestId}/offers/{offerId}/acceptance/cancellation', { params: { path: { requestId: requests.r4, offerId: 'offer-0999-1' } }, body: {} }));
      expect((await worklist()).items.map((item) => item.kind)).toEqual(['availability-stale', 'inbox-request', 'approval-expiring']);
      expect((await worklist('?assignee=me')).items.map((item) => item.kind)).toEqual(['availability-stale']);
    });
  });
});
