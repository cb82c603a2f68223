/**
 * What the HTTP benchmark sends: the health check as the baseline, registrations of new families,
 * and support records appended to approved families. Every write carries its own Idempotency-Key,
 * as a well-behaved client's would, so the idempotency store is part of what is measured.
 */
import { createFamilybankClient, unwrap, type Schemas } from '../../libs/api-client/src';

export interface RequestSpec {
  method: 'GET' | 'POST';
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Scenario {
  name: string;
  /** For connection `index` of `connections`: gives each next request that connection sends. */
  connection(index: number, connections: number): () => RequestSpec;
}

interface Auth {
  token: string;
  runId: string;
}

const today = () => new Date().toISOString().slice(0, 10);

const registration = (n: number): Schemas['RegisterFamily'] => ({
  sourceChannel: 'campaign',
  sourceDetail: 'HTTP benchmark',
  adults: [{ adultId: 'a1', fullName: `Bench Family ${n}`, birthYear: 1970 + (n % 30) }],
  contact: { street: `Benchvej ${(n % 200) + 1}`, postalCode: '4000', city: 'Roskilde', phone: '+45 11 22 33 44', email: `bench${n}@example.dk` },
  region: 'DK-85',
  languages: ['da'],
  interestedIn: ['respite'],
});

const SUPPORT_KINDS: Array<Schemas['RecordSupport']['kind']> = ['supervision', 'course', 'emergency-call'];
const support = (n: number): Schemas['RecordSupport'] => ({ kind: SUPPORT_KINDS[n % SUPPORT_KINDS.length]!, on: today(), note: `Benchmark support record ${n}` });

const post = ({ token }: Auth, path: string, idempotencyKey: string, body: object): RequestSpec => ({
  method: 'POST',
  path,
  headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
  body: JSON.stringify(body),
});

export const healthScenario: Scenario = {
  name: 'GET /health',
  connection: () => () => ({ method: 'GET', path: '/health' }),
};

export function registerScenario(auth: Auth): Scenario {
  let sequence = 0;
  return {
    name: 'POST /v1/families',
    connection: () => () => {
      const n = sequence++;
      return post(auth, '/v1/families', `${auth.runId}-register-${n}`, registration(n));
    },
  };
}

/**
 * Connection k writes only to the families i with i ≡ k (mod connections): with as many families as
 * connections no two requests race for one stream, the way caseworkers rarely edit one family at once.
 */
export function appendScenario(auth: Auth, familyIds: string[]): Scenario {
  let sequence = 0;
  return {
    name: 'POST /v1/families/{id}/support',
    connection: (index, connections) => {
      const slots = Math.min(connections, familyIds.length);
      const own = familyIds.filter((_, position) => position % slots === index % slots);
      let turn = 0;
      return () => {
        const n = sequence++;
        return post(auth, `/v1/families/${own[turn++ % own.length]}/support`, `${auth.runId}-support-${n}`, support(n));
      };
    },
  };
}

/** Takes `count` families from registration to approval (support is recorded only for approved families). */
export async function prepareApprovedFamilies(baseUrl: string, token: string, count: number): Promise<string[]> {
  const client = createFamilybankClient({ baseUrl, token });
  const on = today();
  const approve = async (n: number) => {
    const { familyId } = await unwrap(client.POST('/v1/families', { body: registration(1_000_000 + n) }));
    const params = { path: { familyId } };
    await unwrap(client.POST('/v1/families/{familyId}/first-contact', { params, body: { on, channel: 'phone' } }));
    await unwrap(client.POST('/v1/families/{familyId}/screening', { params, body: { on } }));
    await unwrap(client.POST('/v1/families/{familyId}/interview', { params, body: { on, interviewers: ['Bench'] } }));
    await unwrap(client.POST('/v1/families/{familyId}/background-checks/requests', { params, body: { on } }));
    for (const kind of ['child-protection', 'criminal-record'] as const) {
      await unwrap(client.POST('/v1/families/{familyId}/background-checks/results', { params, body: { adultId: 'a1', kind, outcome: 'clear', receivedOn: on } }));
    }
    const terms: Schemas['ApprovalTerms'] = { careTypes: ['respite'], capacity: 2, ageRange: { min: 3, max: 12 }, validUntil: '2099-12-31', authority: 'socialtilsyn' };
    await unwrap(client.POST('/v1/families/{familyId}/approval', { params, body: terms }));
    return familyId;
  };
  const familyIds: string[] = [];
  // Ten at a time: quick, without making the preparation itself a load test.
  for (let first = 0; first < count; first += 10) {
    const batch = Array.from({ length: Math.min(10, count - first) }, (_, index) => approve(first + index));
    familyIds.push(...(await Promise.all(batch)));
  }
  return familyIds;
}
