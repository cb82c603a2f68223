import { Delete, Get, HttpCode, Patch, Post, SetMetadata, applyDecorators } from '@nestjs/common';
import { expressPath, type ApiRoute, type z } from '@familybank/contracts';

export const CONTRACT_ROUTE = Symbol('contract-route');

const METHOD = { get: Get, post: Post, patch: Patch, delete: Delete } as const;

/** Binds a handler to a route of the OpenAPI contract: path, method, status, and the schemas the interceptor checks. */
export const ContractRoute = (route: ApiRoute) =>
  applyDecorators(METHOD[route.method](expressPath(route.path)), HttpCode(route.success.status), SetMetadata(CONTRACT_ROUTE, route));

/** A response body with headers that the contract interceptor sets after validating the body. */
export class WithHeaders<Body> {
  constructor(
    readonly body: Body,
    readonly headers: Record<string, string>,
  ) {}
}

/** The parsed body / query of a contract route, as the contract interceptor hands it to a handler. */
export type BodyOf<Route extends { body?: z.ZodType }> = Route['body'] extends z.ZodType ? z.output<Route['body']> : never;
export type QueryOf<Route extends { query?: z.ZodType }> = Route['query'] extends z.ZodType ? z.output<Route['query']> : never;
