/** The stable problem types of the API (RFC 9457 `type`), one per kind of failure. */
export const PROBLEM_TYPES = {
  validation: { status: 400, title: 'The request is not valid' },
  unauthenticated: { status: 401, title: 'Authentication is required' },
  forbidden: { status: 403, title: 'Your role does not allow this' },
  'not-found': { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'The request conflicts with the current state' },
  'precondition-failed': { status: 412, title: 'The resource has changed (If-Match does not match)' },
  'payload-too-large': { status: 413, title: 'The request body is too large' },
  'unsupported-media-type': { status: 415, title: 'Send application/json' },
  'request-timeout': { status: 408, title: 'The request took too long to arrive' },
  'rule-violated': { status: 422, title: 'A business rule refuses the request' },
  'idempotency-key-reused': { status: 422, title: 'The Idempotency-Key was used for a different request' },
  'too-many-requests': { status: 429, title: 'Too many requests; retry after Retry-After seconds' },
  'headers-too-large': { status: 431, title: 'The request headers are too large' },
  'not-ready': { status: 503, title: 'The service is not ready' },
  'storage-unavailable': { status: 503, title: 'Storage refused the write; nothing was recorded' },
  internal: { status: 500, title: 'Internal error' },
} as const;
export type ProblemKind = keyof typeof PROBLEM_TYPES;

export const problemTypeUri = (kind: ProblemKind): string => `urn:familybank:problem:${kind}`;
