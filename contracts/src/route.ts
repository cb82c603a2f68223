import type { ZodObject, ZodType } from 'zod';

export const ROLES = ['caseworker', 'approver', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Every role may read; recording steps takes a caseworker or approver; deciding on approval, an approver. */
export const READERS: readonly Role[] = ROLES;
export const RECORDERS: readonly Role[] = ['caseworker', 'approver'];
export const APPROVERS: readonly Role[] = ['approver'];

/**
 * One HTTP operation, described once: the OpenAPI document is generated from these, and the API
 * validates requests and responses against the same schemas.
 */
export interface ApiRoute {
  operationId: string;
  method: 'get' | 'post' | 'patch';
  /** OpenAPI style, e.g. /v1/families/{familyId} */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** Any of these roles may call it; undefined means no authentication (health, docs). */
  roles?: readonly Role[];
  params?: ZodObject;
  query?: ZodObject;
  body?: ZodType;
  /** `created`: a 201 that names the new resource in Location (and its revision in ETag). */
  success: { status: 200 | 201; schema: ZodType; description: string; created?: boolean; csv?: CsvRepresentation };
  /** Problem statuses this operation can answer with, besides 400/401/403/500 that all authenticated routes share. */
  errors: readonly number[];
  /** Honours Idempotency-Key (POST commands). */
  idempotent?: boolean;
  /** Honours If-Match with the stream revision and answers with an ETag. */
  concurrency?: boolean;
}

/**
 * The success body is also served as text/csv (`Accept: text/csv` or `?format=csv`): its `rows`,
 * one line each, under a header row of `columns` (RFC 4180, UTF-8 with a byte-order mark, CRLF).
 */
export interface CsvRepresentation {
  columns: readonly string[];
}

/** The CSV columns of a row schema, in the order its fields are declared. */
export const csvOf = (row: ZodObject): CsvRepresentation => ({ columns: Object.keys(row.shape) });

export const defineRoute = <R extends ApiRoute>(route: R): R => route;

/**
 * The query parameters an operation accepts. Every other one is refused with a 400 that names it
 * (the API checks this for every route), so a misspelt filter never silently lists everything.
 */
export const queryParameters = (route: Pick<ApiRoute, 'query'>): readonly string[] => (route.query ? Object.keys(route.query.shape) : []);

/** /v1/families/{familyId} → /v1/families/:familyId */
export const expressPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');
