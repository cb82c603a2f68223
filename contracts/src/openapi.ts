import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { CommandReceipt, IdempotencyKeyHeader, IfMatchHeader, Problem } from './common.schemas';
import { ExclusionReason } from './reasons/match-reason.schemas';
import { PurposeHeader } from './audit/audit.schemas';
import { linksFrom } from './openapi-links';
import { PROBLEM_TYPES } from './problems';
import { ROLES, isPublic, type ApiRoute, type CsvRepresentation } from './route';
import { apiRoutes } from './routes';
import { z } from './zod';

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid request: every invalid field, and every query parameter the operation does not declare, is listed in invalidParams',
  401: 'Missing, expired or invalid bearer token',
  403: 'The token’s roles do not allow this operation',
  404: 'Not found in your municipality',
  409: 'Conflicts with the current state (e.g. wrong stage, already registered), or a request with the same Idempotency-Key is still running',
  412: 'If-Match does not match the current revision',
  413: 'Body larger than 1 MB',
  415: 'Body is not application/json',
  422: 'A business rule refuses the request (`code` says which), or the Idempotency-Key was used for a different request',
  429: 'Rate limit reached (per token, per address, stricter for reads that record profile views); retry after `Retry-After` seconds',
  500: 'Internal error (a bug): it has been logged',
  503: 'Not ready, or storage refused the write: nothing was recorded; retry after `Retry-After` seconds',
};

const retryAfter = z.string().optional().openapi({ description: 'Seconds to wait before retrying', example: '30' });
const PROBLEM_HEADERS: Record<number, z.ZodObject | undefined> = {
  401: z.object({ 'WWW-Authenticate': z.string().openapi({ description: 'How to authenticate (RFC 6750)', example: 'Bearer' }) }),
  429: z.object({ 'Retry-After': retryAfter }),
  503: z.object({ 'Retry-After': retryAfter }),
};

const problemResponse = (status: number): ResponseConfig => ({
  description: STATUS_TEXT[status] ?? 'Problem',
  headers: PROBLEM_HEADERS[status],
  content: { 'application/problem+json': { schema: Problem } },
});

const revisionHeader = z.string().openapi({ description: 'The stream revision, quoted', example: '"3"' });

function responseHeaders(route: ApiRoute) {
  if (route.success.created) {
    return z.object({ ETag: revisionHeader, Location: z.string().openapi({ description: 'Path of the new resource', example: '/v1/families/3f2a…' }) });
  }
  return route.concurrency ? z.object({ ETag: revisionHeader }) : undefined;
}

/** The CSV form of a body's rows (see CsvRepresentation): declared so that clients know the columns. */
function csvContent(csv: CsvRepresentation) {
  return {
    schema: z.string().openapi({
      description: `RFC 4180, UTF-8 with a byte-order mark, CRLF line ends; a header row, then one line per row: ${csv.columns.join(', ')}`,
      example: `${csv.columns.join(',')}\r\n`,
    }),
  };
}

/**
 * Every problem status a route can answer, derived from what it declares, so that no route can
 * forget one the shell adds: authentication (401, 403), validation and malformed input (400), a
 * path naming a resource (404), a body (413, 415), Idempotency-Key (409 still running, 422 reused
 * for another body), If-Match (412), a command (every kind of domain refusal: 404, 409, 422; and
 * 503 when storage refuses), and for every route the rate limit (429) and a bug (500).
 */
export function problemStatuses(route: ApiRoute): number[] {
  const isCommand = route.method !== 'get' && !isPublic(route.roles);
  const statuses = [
    ...route.errors,
    // Malformed transport input (a broken %-escape or Content-Encoding, JSON that does not parse) can reach any route.
    400,
    ...(isPublic(route.roles) ? [] : [401, 403]),
    ...(route.params ? [404] : []),
    ...(route.body ? [413, 415] : []),
    ...(route.idempotent ? [409, 422] : []),
    // A rule across well-formed parameters (from after to; a cursor issued for another list or filter).
    ...(route.query ? [422] : []),
    ...(route.concurrency && route.method !== 'get' ? [412] : []),
    ...(isCommand ? [404, 409, 422, 503] : []),
    429,
    500,
  ];
  return [...new Set(statuses)].sort((a, b) => a - b);
}

function toRouteConfig(route: ApiRoute): RouteConfig {
  const isCommand = route.method !== 'get' && !isPublic(route.roles);
  const headers: z.ZodType[] = [];
  if (route.concurrency && route.method !== 'get') {
    headers.push(IfMatchHeader.optional().openapi({ param: { name: 'If-Match', in: 'header', description: 'The strong ETag of the revision you read, e.g. "3" (or *); 412 when it is stale' } }));
  }
  if (route.audit) {
    headers.push(
      PurposeHeader.optional().openapi({
        param: { name: 'X-Purpose', in: 'header', description: `Why you read this (recorded in the audit of reads); default ${route.audit.purpose}` },
      }),
    );
  }
  if (route.idempotent) {
    headers.push(
      IdempotencyKeyHeader.optional().openapi({
        param: {
          name: 'Idempotency-Key',
          in: 'header',
          description:
            'Names one request: make a new key (e.g. a UUID) for each new request. A retry with the same key, method, path and body records nothing twice and answers the resource as it is now (`Idempotent-Replayed: true`); the same key with another request is 422 REQUEST.IDEMPOTENCY_KEY_REUSED while the key is remembered (24 hours by default), and 409 REQUEST.IDEMPOTENCY_KEY_IN_USE while its first request still runs',
        },
      }),
    );
  }
  return {
    operationId: route.operationId,
    method: route.method,
    path: route.path,
    summary: route.summary,
    description: route.description,
    tags: [route.tag],
    security: isPublic(route.roles) ? [] : [{ bearerAuth: [] }],
    'x-roles': isPublic(route.roles) ? undefined : route.roles,
    request: {
      params: route.params,
      query: route.query,
      headers: headers.length ? headers : undefined,
      body: route.body ? { required: true, content: { 'application/json': { schema: route.body } } } : undefined,
    },
    responses: {
      [route.success.status]: {
        description: route.success.description,
        headers: responseHeaders(route),
        links: linksFrom(route, Object.values(apiRoutes)),
        content: {
          'application/json': { schema: route.success.schema },
          ...(route.success.csv && { 'text/csv': csvContent(route.success.csv) }),
        },
      },
      ...(isCommand && {
        202: {
          description: 'Recorded, but the read models have not caught up yet: the body is a receipt, not the resource',
          headers: z.object({ ETag: revisionHeader }),
          content: { 'application/json': { schema: CommandReceipt } },
        },
      }),
      ...Object.fromEntries(problemStatuses(route).map((status) => [status, problemResponse(status)])),
      ...Object.fromEntries(
        (route.otherAnswers ?? []).map((answer) => [answer.status, { description: answer.description, content: { 'application/json': { schema: answer.schema } } }]),
      ),
    },
  };
}

/** The OpenAPI 3.1 document of the familybank API, generated from the zod schemas. */
export function buildOpenApiDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description: `Claims: municipality (four-digit code), roles (${ROLES.join(' | ')}), sub.`,
  });
  registry.register('Problem', Problem);
  // Not in any response body of its own: it is what a problem's details.exclusions hold.
  registry.register('ExclusionReason', ExclusionReason);
  for (const route of Object.values(apiRoutes)) registry.registerPath(toRouteConfig(route));
  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'familybank API',
      version: '1.0.0',
      description:
        'A municipality’s families, from first contact to approved and available. Errors are application/problem+json with types: ' +
        Object.keys(PROBLEM_TYPES)
          .map((kind) => `urn:familybank:problem:${kind}`)
          .join(', '),
    },
    servers: [{ url: '/' }],
  });
  return document;
}
