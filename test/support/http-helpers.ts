import { DIRECTORY_STREAM_PREFIX } from '@familybank/domain-partner-facts';
import type { TestServer } from './api-server';

/** What a test needs from any response: status, headers, the raw text and the parsed JSON (if any). */
export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

export interface RawRequest {
  /** A bearer token; omitted means no Authorization header. */
  token?: string;
  /** A string is sent as is; anything else as JSON. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** Sends a request with plain fetch, so that anything a typed client would refuse to build can be tried. */
export async function send(server: TestServer, method: string, path: string, request: RawRequest = {}): Promise<RawResponse> {
  const headers: Record<string, string> = {};
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: { ...headers, ...request.headers },
    body: request.body === undefined ? undefined : typeof request.body === 'string' ? request.body : JSON.stringify(request.body),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export const STACK_TRACE = /\bat .*\.(js|ts):\d+/;

/**
 * Asserts an RFC 9457 problem: the status, the stable code and (optionally) the kind, served as
 * application/problem+json with every member the API promises, and no stack trace.
 */
export function expectProblem(response: RawResponse, status: number, code: string, kind?: string): void {
  expect({ status: response.status, code: response.json?.code }).toEqual({ status, code });
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(response.json).toEqual(
    expect.objectContaining({
      type: expect.stringMatching(/^urn:familybank:problem:[a-z-]+$/),
      title: expect.any(String),
      status,
      code,
      instance: expect.any(String),
    }),
  );
  if (kind) expect(response.json.type).toBe(`urn:familybank:problem:${kind}`);
  expect(response.text).not.toMatch(STACK_TRACE);
  expect(response.text).not.toMatch(/node_modules|\/src\//);
}

/**
 * How many events municipalities' commands recorded: unchanged means nothing was appended. The
 * node's directory is left out: it records announcements in the background, whenever a
 * municipality of the node (or a partner's) first announces itself.
 */
export async function eventsRecorded(server: TestServer): Promise<number> {
  let count = 0;
  for (let after = 0; ; ) {
    const batch = await server.app.runtime.eventStore.readAll({ after, limit: 1_000 });
    if (batch.length === 0) return count;
    count += batch.filter((event) => !event.streamId.startsWith(DIRECTORY_STREAM_PREFIX)).length;
    after = batch[batch.length - 1]!.position;
  }
}
