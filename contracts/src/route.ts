import type { ZodObject, ZodType } from 'zod';
import type { AuditDeclaration } from './audit/audit.schemas';
import type { RouteAccess } from './roles';

export * from './roles';

/**
 * One HTTP operation, described once: the OpenAPI document is generated from these, and the API
 * validates requests and responses against the same schemas.
 */
export interface ApiRoute {
  operationId: string;
  method: 'get' | 'post' | 'patch' | 'delete';
  /** OpenAPI style, e.g. /v1/families/{familyId} */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  /** Any of these roles may call it, or PUBLIC (no token: health, readiness, development sign-in). Required: a test fails on a route without it. */
  roles: RouteAccess;
  params?: ZodObject;
  query?: ZodObject;
  body?: ZodType;
  /** `created`: a 201 that names the new resource in Location (and its revision in ETag). */
  success: { status: 200 | 201; schema: ZodType; description: string; created?: boolean; csv?: CsvRepresentation };
  /**
   * Problem statuses of this operation's own rules (404, 409, 422…); `problemStatuses` in
   * openapi.ts adds the ones the shell answers (400, 401, 403, 412, 413, 415, 429, 500, 503).
   */
  errors: readonly number[];
  /** Answers that are neither the success nor a problem, e.g. /ready's 503 with the readiness body. */
  otherAnswers?: readonly { status: number; schema: ZodType; description: string }[];
  /** Honours Idempotency-Key (POST commands). */
  idempotent?: boolean;
  /** Honours If-Match with the stream revision and answers with an ETag. */
  concurrency?: boolean;
  /** Shows a family's personal data: every answer is recorded in the audit of reads (SECURITY.md). */
  audit?: AuditDeclaration;
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
