import type { NextFunction, Request, Response } from 'express';
import type { ApiRoute } from '@familybank/contracts';
import { problemBody } from './problem';

interface KnownPath {
  pattern: RegExp;
  methods: Set<string>;
}

/** The contract's paths as matchers, each with the methods declared on it (GET brings HEAD). */
export function knownPaths(routes: readonly ApiRoute[]): KnownPath[] {
  const byPath = new Map<string, Set<string>>();
  for (const route of routes) {
    const methods = byPath.get(route.path) ?? new Set<string>();
    methods.add(route.method.toUpperCase());
    if (route.method === 'get') methods.add('HEAD');
    byPath.set(route.path, methods);
  }
  return [...byPath].map(([path, methods]) => ({ pattern: new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}/?$`), methods }));
}

/**
 * A method the contract does not declare on a path it knows is a 405 with `Allow` (RFC 9110
 * §15.5.6), not a 404: the resource exists, the method does not. `OPTIONS` answers the allowed
 * methods, unless it is a CORS preflight, which is left to the CORS handling. Unknown paths fall
 * through to the 404 of the router.
 */
export function methodNotAllowed(routes: readonly ApiRoute[]) {
  const paths = knownPaths(routes);
  return (request: Request, response: Response, next: NextFunction) => {
    const matching = paths.filter((known) => known.pattern.test(request.path));
    if (matching.length === 0) return next();
    const allowed = new Set(matching.flatMap((known) => [...known.methods]));
    if (allowed.has(request.method)) return next();
    const allow = [...allowed, 'OPTIONS'].join(', ');
    if (request.method === 'OPTIONS') {
      if (request.header('access-control-request-method')) return next();
      response.setHeader('Allow', allow);
      response.status(204).end();
      return;
    }
    const problem = problemBody('method-not-allowed', 'ROUTE.METHOD_NOT_ALLOWED', `${request.method} is not allowed here; use ${allow}`, request.originalUrl);
    response.setHeader('Allow', allow);
    response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
  };
}
