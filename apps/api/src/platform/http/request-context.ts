import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from '../auth/principal';

/** What the shell learned about a request before it reaches a controller. */
export interface RequestContext {
  principal: Principal;
  /** Derived from Idempotency-Key when given, so a retried command produces the same event ids. */
  commandId: string;
  correlationId: string;
  /** The revision from If-Match, when the client sent one. */
  expectedRevision?: number;
  /** Why the caller reads (X-Purpose), on routes whose reads are audited. */
  purpose?: string;
}

export type ContextualRequest = Request & { familybank?: Partial<RequestContext> };

export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext => {
  const request = context.switchToHttp().getRequest<ContextualRequest>();
  return request.familybank as RequestContext;
});
