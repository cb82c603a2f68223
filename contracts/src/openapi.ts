import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { CommandReceipt, Problem } from './common.schemas';
import { PROBLEM_TYPES } from './problems';
import type { ApiRoute, CsvRepresentation } from './route';
import { apiRoutes } from './routes';
import { z } from './zod';

const STATUS_TEXT: Record<number, string> = {
  400: 'Invalid request: every invalid field, and every query parameter the operation does not declare, is listed in invalidParams',
  401: 'Missing, expired or invalid bearer token',
  403: 'The token’s roles do not allow this operation',
  404: 'Not found in your municipality',
  409: 'Conflicts with the current state (e.g. wrong stage, already registered)',
  412: 'If-Match does not match the current revision',
  413: 'Body larger than 1 MB',
  415: 'Body is not application/json',
  422: 'A business rule refuses the request; `code` says which',
  429: 'Rate limit reached (per token, per address, stricter for reads that record profile views); retry after `Retry-After` seconds',
  503: 'Not ready, or storage refused the write: nothing was recorded; retry after `Retry-After` seconds',
};

const problemResponse = (status: number): ResponseConfig => ({
  description: STATUS_TEXT[status] ?? 'Problem',
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

function toRouteConfig(route: ApiRoute): RouteConfig {
  // Every operation refuses a query parameter it does not declare, so every one can answer 400.
  const shared = route.roles ? [400, 401, 403, 429, 500] : [400];
  const isCommand = route.method !== 'get' && route.roles !== undefined;
  const errors = [...new Set([...shared, ...route.errors, ...(route.body ? [413, 415] : []), ...(isCommand ? [503] : [])])].sort();
  const headers: z.ZodType[] = [];
  if (route.concurrency && route.method !== 'get') {
    headers.push(z.string().optional().openapi({ param: { name: 'If-Match', in: 'header', description: 'Revision from the ETag; 412 when it is stale' } }));
  }
  if (route.idempotent) {
    headers.push(
      z.string().min(1).max(200).optional().openapi({
        param: { name: 'Idempotency-Key', in: 'header', description: 'Retrying with the same key returns the first result and records nothing twice' },
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
    security: route.roles ? [{ bearerAuth: [] }] : [],
    'x-roles': route.roles,
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
        content: {
          'application/json': { schema: route.success.schema },
          ...(route.success.csv && { 'text/csv': csvContent(route.success.csv) }),
        },
      },
      ...(isCommand && {
        202: {
          description: 'Recorded, but the read models have not caught up yet: the body is a receipt, not the resource',
          content: { 'application/json': { schema: CommandReceipt } },
        },
      }),
      ...Object.fromEntries(errors.map((status) => [status, problemResponse(status)])),
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
    description: 'Claims: municipality (four-digit code), roles (caseworker | approver | auditor), sub.',
  });
  registry.register('Problem', Problem);
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
