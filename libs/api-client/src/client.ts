import createClient, { type Client, type Middleware } from 'openapi-fetch';
import type { components, paths } from '@familybank/contracts/openapi-types';

export type FamilybankPaths = paths;
export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];
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

/** Returns the data of a successful response, or throws the problem of a failed one. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (error !== undefined || data === undefined) {
    throw new FamilybankProblem(isProblem(error) ? error : { type: 'about:blank', title: response.statusText, status: response.status, code: 'HTTP' });
  }
  return data;
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
