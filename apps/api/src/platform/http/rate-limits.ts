import { Injectable, type DynamicModule } from '@nestjs/common';
import { ThrottlerGuard, ThrottlerModule, normalizeIp, type ThrottlerRequest } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import type { ApiRoute } from '@familybank/contracts';
import type { AppConfig } from '../config/config';
import { CONTRACT_ROUTE } from './contract-route';
import { ProblemError } from './problem';
import type { ContextualRequest } from './request-context';

/**
 * Reads that record profile views (each may append a view event): limited more strictly, per
 * token, on top of the token's overall limit. A test holds this list to the contract's routes.
 */
export const VIEW_RECORDING_ROUTES = ['listPool', 'getRequestCandidates', 'listRequests', 'getRequest'] as const;

type Scope = 'address' | 'token' | 'views';
type RateLimitSettings = Pick<AppConfig, 'RATE_LIMIT_WINDOW_SECONDS' | 'RATE_LIMIT_PER_ADDRESS' | 'RATE_LIMIT_PER_TOKEN' | 'RATE_LIMIT_VIEWS_PER_TOKEN'>;

/** The three limits, each over the same window; a limit of 0 is off. Counters live in this process. */
export function rateLimitModule(config: RateLimitSettings): DynamicModule {
  const ttl = config.RATE_LIMIT_WINDOW_SECONDS * 1000;
  return ThrottlerModule.forRoot({
    throttlers: [
      { name: 'address', ttl, limit: config.RATE_LIMIT_PER_ADDRESS },
      { name: 'token', ttl, limit: config.RATE_LIMIT_PER_TOKEN },
      { name: 'views', ttl, limit: config.RATE_LIMIT_VIEWS_PER_TOKEN },
    ],
  });
}

/**
 * One bucket per scope and caller across all routes (not per route, as the library does by
 * default). The answer carries `RateLimit-Limit`, `-Remaining`, `-Reset` (seconds) and
 * `RateLimit-Policy` of the limit closest to running out; over a limit it is a 429 problem with
 * `Retry-After`.
 */
abstract class RateLimitGuard extends ThrottlerGuard {
  protected abstract readonly scopes: readonly Scope[];

  protected abstract trackerOf(scope: Scope, request: ContextualRequest): string | undefined;

  protected override async handleRequest({ context, limit, ttl, throttler, blockDuration }: ThrottlerRequest): Promise<boolean> {
    const scope = throttler.name as Scope;
    if (!this.scopes.includes(scope) || limit <= 0) return true;
    if (scope === 'views' && !recordsViews(this.reflector.get<ApiRoute | undefined>(CONTRACT_ROUTE, context.getHandler()))) return true;
    const request = context.switchToHttp().getRequest<ContextualRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const tracker = this.trackerOf(scope, request);
    if (tracker === undefined) return true;
    const record = await this.storageService.increment(`${scope}:${tracker}`, ttl, limit, blockDuration, scope);
    const windowSeconds = Math.round(ttl / 1000);
    if (record.isBlocked) {
      response.setHeader('Retry-After', String(record.timeToBlockExpire));
      announce(response, { scope, limit, remaining: 0, reset: record.timeToBlockExpire, windowSeconds });
      throw new ProblemError('too-many-requests', 'REQUEST.RATE_LIMITED', `More than ${limit} requests in ${windowSeconds} s (${DESCRIPTION[scope]}); retry after ${record.timeToBlockExpire} s`, {
        details: { scope, limit, windowSeconds, retryAfterSeconds: record.timeToBlockExpire },
      });
    }
    announce(response, { scope, limit, remaining: Math.max(0, limit - record.totalHits), reset: record.timeToExpire, windowSeconds });
    return true;
  }
}

/** Before authentication, so that failed and forged tokens count too: per client address. */
@Injectable()
export class AddressRateLimit extends RateLimitGuard {
  protected readonly scopes = ['address'] as const;

  protected trackerOf(_scope: Scope, request: Request): string {
    // With TRUST_PROXY set, Express takes the client's address from X-Forwarded-For.
    return normalizeIp(request.ip ?? request.socket.remoteAddress ?? 'unknown', this.ipv6SubnetPrefix);
  }
}

/** After authentication: per token holder (subject and municipality), and stricter for reads that record views. */
@Injectable()
export class TokenRateLimit extends RateLimitGuard {
  protected readonly scopes = ['token', 'views'] as const;

  protected trackerOf(_scope: Scope, request: ContextualRequest): string | undefined {
    const principal = request.familybank?.principal;
    return principal && `${principal.municipality}:${principal.subject}`;
  }
}

const DESCRIPTION: Record<Scope, string> = {
  address: 'from this address',
  token: 'with this token',
  views: 'with this token, of reads that record profile views',
};

function recordsViews(route: ApiRoute | undefined): boolean {
  return route !== undefined && (VIEW_RECORDING_ROUTES as readonly string[]).includes(route.operationId);
}

interface Standing {
  scope: Scope;
  limit: number;
  remaining: number;
  reset: number;
  windowSeconds: number;
}

/** Several limits apply to one request: the headers tell the one with the fewest requests left. */
function announce(response: Response, standing: Standing): void {
  const shown = response.locals.rateLimit as Standing | undefined;
  if (shown && shown.remaining <= standing.remaining) return;
  response.locals.rateLimit = standing;
  response.setHeader('RateLimit-Limit', String(standing.limit));
  response.setHeader('RateLimit-Remaining', String(standing.remaining));
  response.setHeader('RateLimit-Reset', String(standing.reset));
  response.setHeader('RateLimit-Policy', `${standing.limit};w=${standing.windowSeconds};comment="${standing.scope}"`);
}
