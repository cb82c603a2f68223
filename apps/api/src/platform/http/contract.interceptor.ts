import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { map, type Observable } from 'rxjs';
import type { ZodError, ZodType } from 'zod';
import { IdempotencyKeyHeader, IfMatchHeader, PurposeHeader, type ApiRoute } from '@familybank/contracts';
import { CONTRACT_ROUTE, WithHeaders } from './contract-route';
import { ProblemError, type InvalidParam } from './problem';
import { CursorBinding, strictQuery } from './query-parameters';
import type { ContextualRequest } from './request-context';

/**
 * Holds every request and response to the contract route's zod schemas: params, query and body are
 * parsed (all problems reported at once; a query parameter the route does not declare is one), and a
 * response that breaks the contract is a bug (500), never sent. Binds a list's cursors to its
 * filters. Also reads If-Match and the correlation id.
 */
@Injectable()
export class ContractInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Contract');

  constructor(@Inject(Reflector) private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const route = this.reflector.get<ApiRoute | undefined>(CONTRACT_ROUTE, context.getHandler());
    if (!route) return next.handle();
    const request = context.switchToHttp().getRequest<ContextualRequest>();
    const response = context.switchToHttp().getResponse<Response>();
    const cursors = this.parseRequest(route, request);
    const correlationId = request.familybank!.correlationId!;
    response.setHeader('X-Correlation-Id', correlationId);
    return next.handle().pipe(map((result) => this.respond(route, response, result, cursors)));
  }

  private parseRequest(route: ApiRoute, request: ContextualRequest): CursorBinding | undefined {
    if (route.body && !request.is(['application/json', 'application/*+json'])) {
      throw new ProblemError('unsupported-media-type', 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json');
    }
    const invalid: InvalidParam[] = [];
    const parse = (schema: ZodType | undefined, value: unknown, prefix: string) => {
      if (!schema) return value;
      const result = schema.safeParse(value ?? (prefix === 'body' ? undefined : {}));
      if (!result.success) invalid.push(...issues(result.error, prefix));
      return result.data;
    };
    const params = parse(route.params, request.params, 'path');
    const declared = strictQuery(route, request.query as Record<string, unknown>);
    invalid.push(...declared.unknown);
    const query = parse(route.query, declared.known, 'query') as Record<string, unknown>;
    const body = parse(route.body, request.body, 'body');
    const ifMatch = this.ifMatch(route, request, invalid);
    this.idempotencyKey(route, request, invalid);
    const purpose = this.purpose(route, request, invalid);
    if (invalid.length && invalid.every((param) => param.code === ACROSS_FIELDS_CODE)) {
      // Every value has its documented form, but a rule across them (from after to, an empty
      // change) refuses them: what the document cannot state is a rule, 422, not a malformed request.
      throw new ProblemError('rule-violated', 'REQUEST.RULE_VIOLATED', `${invalid.length} field(s) break a rule: ${invalid.map((p) => p.name).join(', ')}`, {
        invalidParams: invalid,
      });
    }
    if (invalid.length) {
      throw new ProblemError('validation', 'REQUEST.VALIDATION', `${invalid.length} invalid field(s): ${invalid.map((p) => p.name).join(', ')}`, {
        invalidParams: invalid,
      });
    }
    const cursors = CursorBinding.of(route, params, query);
    if (cursors && typeof query.cursor === 'string') query.cursor = cursors.unwrap(query.cursor);
    request.params = params as Record<string, string>;
    Object.defineProperty(request, 'query', { value: query, writable: true });
    request.body = body;
    const correlationId = request.header('x-correlation-id')?.slice(0, 100) || randomUUID();
    request.familybank = { ...request.familybank, correlationId, expectedRevision: ifMatch, purpose };
    return cursors;
  }

  /**
   * If-Match on a write, by the contract's header schema: the strong ETag `"N"` or `*`. Reads
   * ignore it (there is nothing to protect); a weak ETag (`W/"3"`) never matches a write (RFC 9110
   * §13.1.1 compares strongly), so it is refused as malformed rather than honoured.
   */
  private ifMatch(route: ApiRoute, request: ContextualRequest, invalid: InvalidParam[]): number | undefined {
    const header = request.header('if-match');
    if (!route.concurrency || request.method === 'GET' || header === undefined) return undefined;
    // RFC 9110 §13.1.1: If-Match compares strongly, so a weak ETag never matches; ours are all strong.
    if (/^\s*W\//.test(header)) {
      throw new ProblemError('precondition-failed', 'REQUEST.WEAK_ETAG', 'If-Match needs a strong ETag such as "3"; a weak ETag (W/…) never matches');
    }
    const parsed = IfMatchHeader.safeParse(header);
    if (!parsed.success) {
      invalid.push(...issues(parsed.error, 'header.If-Match'));
      return undefined;
    }
    return parsed.data === '*' ? undefined : Number(parsed.data.slice(1, -1));
  }

  /** Idempotency-Key by the contract's header schema (the idempotency interceptor, earlier, uses only a valid key). */
  private idempotencyKey(route: ApiRoute, request: ContextualRequest, invalid: InvalidParam[]): void {
    const header = request.header('idempotency-key');
    if (!route.idempotent || header === undefined) return;
    const parsed = IdempotencyKeyHeader.safeParse(header);
    if (!parsed.success) invalid.push(...issues(parsed.error, 'header.Idempotency-Key'));
  }

  /** X-Purpose on an audited read, by the contract's header schema; without it, the route's own purpose. */
  private purpose(route: ApiRoute, request: ContextualRequest, invalid: InvalidParam[]): string | undefined {
    if (!route.audit) return undefined;
    const header = request.header('x-purpose');
    if (header === undefined) return route.audit.purpose;
    const parsed = PurposeHeader.safeParse(header);
    if (!parsed.success) invalid.push(...issues(parsed.error, 'header.X-Purpose'));
    return parsed.data;
  }

  private respond(route: ApiRoute, response: Response, result: unknown, cursors: CursorBinding | undefined): unknown {
    const { body, headers } = result instanceof WithHeaders ? result : { body: result, headers: {} };
    // The handler's position is bound to its list before the contract check, which describes the client's form.
    const page = body as { nextCursor?: unknown } | undefined;
    if (cursors && typeof page?.nextCursor === 'string') page.nextCursor = cursors.wrap(page.nextCursor);
    const checked = route.success.schema.safeParse(body);
    if (!checked.success) {
      this.logger.error(`Response of ${route.operationId} breaks the contract: ${checked.error.message}`);
      throw new Error(`Response of ${route.operationId} breaks the contract`);
    }
    for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
    const revision = (body as { revision?: unknown } | undefined)?.revision;
    if (route.concurrency && typeof revision === 'number') response.setHeader('ETag', `"${revision}"`);
    return checked.data;
  }
}

/** The code of an issue from a refinement marked ACROSS_FIELDS (contracts): a rule, answered 422. */
const ACROSS_FIELDS_CODE = 'across_fields';

function issues(error: ZodError, prefix: string): InvalidParam[] {
  return error.issues.map((issue) => ({
    name: [prefix, ...issue.path.map(String)].join('.'),
    reason: issue.message,
    code: issue.code === 'custom' && (issue as { params?: { acrossFields?: boolean } }).params?.acrossFields ? ACROSS_FIELDS_CODE : issue.code,
  }));
}
