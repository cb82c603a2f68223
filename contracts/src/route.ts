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
  method: 'get' | 'post' | 'patch' | 'delete';
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
  success: { status: 200 | 201; schema: ZodType; description: string; created?: boolean };
  /** Problem statuses this operation can answer with, besides 400/401/403/500 that all authenticated routes share. */
  errors: readonly number[];
  /** Honours Idempotency-Key (POST commands). */
  idempotent?: boolean;
  /** Honours If-Match with the stream revision and answers with an ETag. */
  concurrency?: boolean;
}

export const defineRoute = <R extends ApiRoute>(route: R): R => route;

/** /v1/families/{familyId} → /v1/families/:familyId */
export const expressPath = (path: string): string => path.replace(/\{(\w+)\}/g, ':$1');
