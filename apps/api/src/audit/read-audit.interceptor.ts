import { Inject, Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { mergeMap, type Observable } from 'rxjs';
import type { ApiRoute } from '@familybank/contracts';
import { CONTRACT_ROUTE, WithHeaders } from '../platform/http/contract-route';
import type { ContextualRequest, RequestContext } from '../platform/http/request-context';
import { ReadAuditRecorder } from './read-audit-recorder';
import { readSubjects } from './read-subjects';

/**
 * Every route whose contract declares `audit` has its answer recorded before it is sent: who (the
 * token's subject), when, what (the operation and the families it showed) and why (X-Purpose, or the
 * route's purpose). One place, so a new route that shows personal data only has to declare it.
 */
@Injectable()
export class ReadAuditInterceptor implements NestInterceptor {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(ReadAuditRecorder) private readonly recorder: ReadAuditRecorder,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const route = this.reflector.get<ApiRoute | undefined>(CONTRACT_ROUTE, context.getHandler());
    const audit = route?.audit;
    if (!route || !audit) return next.handle();
    const request = context.switchToHttp().getRequest<ContextualRequest>();
    return next.handle().pipe(
      mergeMap(async (result: unknown) => {
        const ctx = request.familybank as RequestContext;
        const body = result instanceof WithHeaders ? result.body : result;
        const subjects = readSubjects(audit, request.params, body);
        await this.recorder.record(ctx, { what: audit.what, operation: route.operationId, purpose: ctx.purpose ?? audit.purpose }, subjects);
        return result;
      }),
    );
  }
}
