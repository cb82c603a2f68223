import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from '@familybank/contracts/openapi-types';

export type FamilybankPaths = paths;
export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];
export type CommandReceipt = Schemas['CommandReceipt'];
export type FamilybankClient = Client<paths>;

export interface ClientOptions {
  /** e.g. http://localhost:3000 */
  baseUrl: string;
  /** A bearer token, or a function that returns a fresh one for each request. */
  token: string | (() => string | Promise<string>);
  fetch?: typeof fetch;
}

/** A typed client of the familybank API; every path, body and response type comes from the OpenAPI contract. */
export function createFamilybankClient(options: ClientOptions): FamilybankClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl, fetch: options.fetch });
  const auth: Middleware = {
    async onRequest({ request }) {
      const token = typeof options.token === 'function' ? await options.token() : options.token;
      request.headers.set('Authorization', `Bearer ${token}`);
      return request;
    },
  };
  client.use(auth);
  return client;
}

/** Thrown by `unwrap` when the API answers with application/problem+json. */
export class FamilybankProblem extends Error {
  override readonly name = 'FamilybankProblem';
  constructor(readonly problem: Problem) {
    super(`${problem.status} ${problem.code}: ${problem.detail ?? problem.title}`);
  }
}

/**
 * Thrown by `unwrap` on 202: the command IS recorded (do not send it again as a new one), but the
 * server's read models had not caught up, so the answer is a receipt instead of the resource.
 * Read the resource again later; a retry with the same Idempotency-Key records nothing twice.
 */
export class FamilybankRecorded extends Error {
  override readonly name = 'FamilybankRecorded';
  constructor(readonly receipt: CommandReceipt) {
    super(`Recorded at revision ${receipt.revision} of ${receipt.stream}; ${receipt.detail}`);
  }
}

/** True when a command's answer is the 202 receipt rather than the resource. */
export const isRecorded = (data: unknown): data is CommandReceipt =>
  typeof data === 'object' && data !== null && (data as { readModels?: unknown }).readModels === 'lagging' && (data as { status?: unknown }).status === 'recorded';

/**
 * Returns the resource of a successful response; throws the problem of a failed one, or the receipt of a 202.
 * The JSON resource: a route that also offers text/csv (the figures) types its data as `string | …`,
 * but the client parses JSON unless asked for text (`parseAs: 'text'`), so the string is left out.
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<Exclude<T, CommandReceipt | string>> {
  const { data, error, response } = await call;
  if (error !== undefined || data === undefined) {
    throw new FamilybankProblem(isProblem(error) ? error : { type: 'about:blank', title: response.statusText, status: response.status, code: 'HTTP' });
  }
  if (isRecorded(data)) throw new FamilybankRecorded(data);
  return data as Exclude<T, CommandReceipt | string>;
}

const isProblem = (value: unknown): value is Problem => typeof value === 'object' && value !== null && 'type' in value && 'status' in value;

/**
 * Walks a cursor-paginated list: `for await (const family of paginate(cursor => client.GET('/v1/families', { params: { query: { cursor } } })))`.
 */
export async function* paginate<Item>(
  fetchPage: (cursor: string | undefined) => Promise<{ data?: { items: Item[]; nextCursor: string | null }; error?: unknown; response: Response }>,
): AsyncGenerator<Item> {
  let cursor: string | undefined;
  do {
    const page = await unwrap(fetchPage(cursor));
    yield* page.items;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
