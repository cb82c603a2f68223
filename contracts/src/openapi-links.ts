import type { ResponseConfig } from '@asteasolutions/zod-to-openapi';
import type { ZodType } from 'zod';
import type { ApiRoute } from './route';

const pathParams = (path: string) => [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
const topLevelFields = (schema: ZodType) => Object.keys((schema as { shape?: Record<string, unknown> }).shape ?? {});

/** A resource's own read (GET /v1/families/{familyId}): the route that names it and answers with its ETag. */
const isItemRead = (route: ApiRoute) => route.method === 'get' && route.concurrency === true && pathParams(route.path).length > 0;

/**
 * The path of the resource a route creates, reads or changes, when the contract has a read for it:
 * POST /v1/families → /v1/families/{familyId}; POST /v1/families/{familyId}/screening → /v1/families/{familyId}.
 */
function resourceOf(route: ApiRoute, routes: readonly ApiRoute[]): ApiRoute | undefined {
  const reads = routes.filter(isItemRead);
  if (route.success.created) return reads.find((read) => read.path.startsWith(`${route.path}/{`) && pathParams(read.path).length === pathParams(route.path).length + 1);
  if (isItemRead(route)) return route;
  if (route.concurrency) return reads.find((read) => route.path.startsWith(`${read.path}/`));
  return undefined;
}

/**
 * OpenAPI links that say how one answer leads to the next call: a created or read resource leads to
 * everything that can be done to it (its id from the body, If-Match from the ETag), and a change
 * leads back to the resource's read. Integrators see the flow; schemathesis' stateful phase follows it.
 */
export function linksFrom(route: ApiRoute, routes: readonly ApiRoute[]): ResponseConfig['links'] {
  const resource = resourceOf(route, routes);
  if (!resource) return listLinks(route, routes);
  const fields = new Set(topLevelFields(route.success.schema));
  const own = new Set(pathParams(route.path));
  const value = (param: string) => (fields.has(param) ? `$response.body#/${param}` : own.has(param) ? `$request.path.${param}` : undefined);
  const leadsTo = (target: ApiRoute) => target !== route && pathParams(target.path).every((param) => value(param) !== undefined);
  const targets =
    route === resource || route.success.created
      ? routes.filter((target) => (target.path === resource.path || target.path.startsWith(`${resource.path}/`)) && leadsTo(target))
      : [resource].filter(leadsTo);
  if (targets.length === 0) return undefined;
  return Object.fromEntries(
    targets.map((target) => {
      const parameters: Record<string, string> = Object.fromEntries(pathParams(target.path).map((param) => [`path.${param}`, value(param)!]));
      if (target.concurrency && target.method !== 'get') parameters['header.If-Match'] = '$response.header.ETag';
      return [target.operationId, { operationId: target.operationId, parameters }];
    }),
  );
}

/** The fields of a list's items (`{items: [...]}`), or none when the answer is not a list. */
function itemFields(schema: ZodType): string[] {
  const items = (schema as { shape?: { items?: { element?: ZodType } } }).shape?.items?.element;
  return items ? topLevelFields(items) : [];
}

/**
 * A list leads to what can be done to its first item, when the item carries every id the target's
 * path names (GET /v1/webhooks/deliveries → POST /v1/webhooks/deliveries/{deliveryId}/redrive), so
 * that schemathesis' stateful phase reaches those operations with ids that exist. No If-Match: an
 * item's revision is a number, and a link cannot quote it into an ETag.
 */
function listLinks(route: ApiRoute, routes: readonly ApiRoute[]): ResponseConfig['links'] {
  const fields = new Set(itemFields(route.success.schema));
  if (route.method !== 'get' || pathParams(route.path).length > 0 || fields.size === 0) return undefined;
  const targets = routes.filter(
    (target) => target.path.startsWith(`${route.path}/{`) && pathParams(target.path).every((param) => fields.has(param)),
  );
  if (targets.length === 0) return undefined;
  return Object.fromEntries(
    targets.map((target) => [
      target.operationId,
      { operationId: target.operationId, parameters: Object.fromEntries(pathParams(target.path).map((param) => [`path.${param}`, `$response.body#/items/0/${param}`])) },
    ]),
  );
}
