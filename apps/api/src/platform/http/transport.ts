import { isApiPath } from './api-paths';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { json, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';
import type { AppConfig } from '../config/config';
import { exceedsDepth } from './json-depth';
import { ProblemError, problemBody } from './problem';
import { ProblemFilter } from './problem.filter';

export const BODY_LIMIT = '1mb';
/** Deeper than any body of the contract (a few levels); a deeper one is refused before it is parsed. */
export const MAX_JSON_DEPTH = 32;
/** Node's own limit on the request line and headers together (16 KiB); larger → 431. */
export const MAX_HEADER_BYTES = 16 * 1024;

/** Headers a browser client of another allowed origin may send and read. */
const CORS_REQUEST_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'X-Correlation-Id', 'X-Purpose'];
const CORS_EXPOSED_HEADERS = ['ETag', 'Location', 'Idempotent-Replayed', 'X-Correlation-Id', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset', 'RateLimit-Policy'];

/**
 * What every request meets before a controller: server limits (header size, slow clients),
 * security headers (helmet; a CSP for the API and one that lets Swagger UI run on /docs),
 * `Cache-Control: no-store` on /v1, CORS only for configured origins, a path with a broken
 * %-escape refused, and the JSON body parser with size and depth limits. Every refusal here is
 * application/problem+json, never a 500.
 */
export function hardenTransport(app: NestExpressApplication, config: Pick<AppConfig, 'CORS_ORIGINS' | 'TRUST_PROXY_HOPS' | 'OIDC_CLIENT_ID' | 'JWT_ISSUER'>): void {
  limitServer(app.getHttpServer() as Server);
  // The rate limit per address needs the client's address, not the proxy's.
  if (config.TRUST_PROXY_HOPS > 0) app.set('trust proxy', config.TRUST_PROXY_HOPS);
  app.use(securityHeaders(consoleConnectSources(config)));
  app.use('/v1', (_request: Request, response: Response, next: NextFunction) => {
    // Personal data must not stay in browser or proxy caches; problems on /v1 are no exception.
    response.setHeader('Cache-Control', 'no-store');
    next();
  });
  // Without configured origins, no CORS header is sent: browsers keep to the same origin.
  if (config.CORS_ORIGINS.length > 0) {
    app.enableCors({ origin: config.CORS_ORIGINS, allowedHeaders: CORS_REQUEST_HEADERS, exposedHeaders: CORS_EXPOSED_HEADERS, maxAge: 600 });
  }
  app.use(refuseMalformedPath);
  app.use(json({ limit: BODY_LIMIT, type: ['application/json', 'application/*+json'], verify: refuseDeepJson }));
  app.use(bodyParserErrors());
}

/** Swagger UI loads its scripts and styles from /docs and puts inline styles in its page. */
const DOCS_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The console (every non-API path): its own scripts, styles and data from this origin only; inline
 * styles for the design system's positioning (Floating UI) and the charts. Nothing from elsewhere,
 * so no font or script CDN ever learns who uses it.
 */
const consoleCsp = (connectSrc: string[]) => ({
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  connectSrc,
  fontSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
});

/**
 * Where the console may fetch from: its own origin, and, when it signs in at an identity provider
 * (OIDC_CLIENT_ID), that provider's origin for discovery and the token request. Nothing else: the
 * authorization request itself is a navigation, which connect-src does not govern.
 */
export function consoleConnectSources(config: Pick<AppConfig, 'OIDC_CLIENT_ID' | 'JWT_ISSUER'>): string[] {
  return config.OIDC_CLIENT_ID ? ["'self'", new URL(config.JWT_ISSUER).origin] : ["'self'"];
}

/** The API answers JSON only: nothing in it may load or run anything, nor be framed. */
const API_CSP = { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] };

function securityHeaders(connectSrc: string[]): RequestHandler {
  const common = { frameguard: { action: 'deny' as const }, referrerPolicy: { policy: 'no-referrer' as const }, crossOriginResourcePolicy: { policy: 'same-origin' as const } };
  const docs = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: DOCS_CSP } });
  const api = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: API_CSP } });
  const console = helmet({ ...common, contentSecurityPolicy: { useDefaults: false, directives: consoleCsp(connectSrc) } });
  return (request, response, next) => {
    const policy = request.path === '/docs' || request.path.startsWith('/docs/') ? docs : isApiPath(request.path) ? api : console;
    policy(request, response, next);
  };
}

function refuseMalformedPath(request: Request, response: Response, next: NextFunction): void {
  try {
    decodeURIComponent(request.path);
    next();
  } catch {
    sendProblem(response, request, new ProblemError('validation', 'REQUEST.MALFORMED_PATH', 'The path holds a malformed %-escape'));
  }
}

function refuseDeepJson(_request: Request, _response: Response, body: Buffer): void {
  if (exceedsDepth(body, MAX_JSON_DEPTH)) throw Object.assign(new Error('JSON nested too deeply'), { type: 'entity.too.deep' });
}

/** Errors of the body parser happen before Nest's pipeline, so they are turned into problems here. */
function bodyParserErrors() {
  return (error: unknown, request: Request, response: Response, next: NextFunction) => {
    if (!error) return next();
    sendProblem(response, request, error);
  };
}

function sendProblem(response: Response, request: Request, error: unknown): void {
  const problem = new ProblemFilter().toProblem(error, request.originalUrl, request.headers['content-encoding']);
  response.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

/**
 * Node answers a request it cannot parse (headers over 16 KiB, a malformed request line) with a
 * bare status line; here it is a problem too. Slow clients are cut off: headers within 20 s,
 * the whole request within 60 s.
 */
function limitServer(server: Server): void {
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  server.maxHeadersCount = 200;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    // A client that went away is not answered.
    if (error.code === 'ECONNRESET' || !socket.writable) return socket.destroy();
    const tooLarge = error.code === 'HPE_HEADER_OVERFLOW';
    const timedOut = error.code === 'ERR_HTTP_REQUEST_TIMEOUT';
    const problem = tooLarge
      ? problemBody('headers-too-large', 'REQUEST.HEADERS_TOO_LARGE', `The request line and headers exceed ${MAX_HEADER_BYTES / 1024} KiB`, '')
      : timedOut
        ? problemBody('request-timeout', 'REQUEST.TIMEOUT', 'The request took too long to arrive', '')
        : problemBody('validation', 'REQUEST.MALFORMED_HTTP', 'The request is not valid HTTP', '');
    const body = JSON.stringify(problem);
    socket.end(
      `HTTP/1.1 ${problem.status} ${problem.title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
