import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import { problemBody } from '../platform/http/problem';
import { isApiPath } from '../platform/http/api-paths';

/**
 * Static files of the console, and its index.html for every other browser path (the SPA's own
 * routes such as /families/a1). API paths pass through untouched, so an unknown /v1 path stays a
 * 404 problem. Hashed assets are cached for a year; index.html is revalidated on every load.
 */
export function consoleMiddleware(assets: string | undefined) {
  const files = assets
    ? express.static(assets, {
        index: false,
        fallthrough: true,
        setHeaders: (response, path) =>
          response.setHeader('Cache-Control', path.includes(`${join('assets', '')}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
      })
    : undefined;
  return (request: Request, response: Response, next: NextFunction) => {
    const path = request.originalUrl.split('?')[0]!;
    if ((request.method !== 'GET' && request.method !== 'HEAD') || isApiPath(path)) return next();
    if (!files || !assets) {
      const problem = problemBody('not-found', 'WEB.NOT_BUILT', 'The console is not built: run `npx nx run web:build` (npm start builds it)', path);
      response.status(404).type('application/problem+json').send(JSON.stringify(problem));
      return;
    }
    files(request, response, () => {
      // A missing asset is a 404, not the index page: a stale tab asking for an old bundle should fail visibly.
      if (path.startsWith('/assets/')) return next();
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(join(assets, 'index.html'));
    });
  };
}
