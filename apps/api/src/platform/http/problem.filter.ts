import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ProblemKind } from '@familybank/contracts';
import { DomainError, type DomainErrorKind } from '@familybank/domain-core';
import { StorageUnavailableError, WrongExpectedRevisionError } from '@familybank/event-store';
import { RecordedButNotVisible } from '../commands/command-recorded';
import { ProblemError, problemBody } from './problem';

/** Seconds a client should wait before retrying a write that storage refused. */
export const STORAGE_RETRY_AFTER_SECONDS = 30;

const DOMAIN_KIND: Record<DomainErrorKind, ProblemKind> = {
  'not-found': 'not-found',
  conflict: 'conflict',
  rule: 'rule-violated',
  precondition: 'precondition-failed',
};

/** Body-parser errors carry `type` and `status`; map the ones a client can cause. */
const BODY_PARSER: Record<string, { kind: ProblemKind; code: string; detail: string }> = {
  'entity.too.large': { kind: 'payload-too-large', code: 'REQUEST.TOO_LARGE', detail: 'The body is larger than 1 MB' },
  'entity.parse.failed': { kind: 'validation', code: 'REQUEST.MALFORMED_JSON', detail: 'The body is not valid JSON' },
  'encoding.unsupported': { kind: 'unsupported-media-type', code: 'REQUEST.UNSUPPORTED_ENCODING', detail: 'Unsupported content encoding' },
  'charset.unsupported': { kind: 'unsupported-media-type', code: 'REQUEST.UNSUPPORTED_CHARSET', detail: 'Unsupported charset' },
  'entity.too.deep': { kind: 'validation', code: 'REQUEST.TOO_DEEP', detail: 'The body nests objects and arrays more than 32 levels deep' },
};

/** The one place where every error becomes application/problem+json; no stack trace ever leaves. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(error: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    if (error instanceof RecordedButNotVisible) {
      this.logger.warn(`${request.method} ${request.originalUrl}: recorded, read models lagging: ${error.receipt.detail}`);
      response.status(202).setHeader('ETag', `"${error.receipt.revision}"`);
      if (error.location) response.setHeader('Location', error.location);
      response.type('application/json').send(JSON.stringify(error.receipt));
      return;
    }
    const body = this.toProblem(error, request.originalUrl ?? request.url);
    if (body.code === 'STORAGE.UNAVAILABLE') response.setHeader('Retry-After', String(STORAGE_RETRY_AFTER_SECONDS));
    if (body.status >= 500) this.logger.error(`${request.method} ${request.originalUrl}: ${(error as Error)?.stack ?? String(error)}`);
    // RFC 9110 §11.6.1 / RFC 6750 §3: a 401 must say how to authenticate.
    if (body.status === 401) response.setHeader('WWW-Authenticate', body.code === 'AUTH.TOKEN_INVALID' ? 'Bearer error="invalid_token"' : 'Bearer');
    response.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }

  toProblem(error: unknown, instance: string, contentEncoding?: string) {
    if (error instanceof ProblemError) return problemBody(error.kind, error.code, error.message, instance, error.extras);
    if (error instanceof DomainError) return problemBody(DOMAIN_KIND[error.kind], error.code, error.message, instance, { details: error.details });
    if (error instanceof WrongExpectedRevisionError) {
      return problemBody('conflict', 'STREAM.CONCURRENT_CHANGE', 'Someone else changed this at the same moment; read it again and retry', instance);
    }
    if (error instanceof StorageUnavailableError) {
      const detail = error.nothingRecorded
        ? `Storage refused the write (${error.code}: disk full, read-only or unavailable); nothing was recorded. Retry later with the same Idempotency-Key.`
        : `Storage did not confirm the write (${error.code}); it may or may not be recorded. Retry with the same Idempotency-Key: a recorded command is recognised and not recorded twice.`;
      return problemBody('storage-unavailable', 'STORAGE.UNAVAILABLE', detail, instance, { details: { storageCode: error.code, nothingRecorded: error.nothingRecorded } });
    }
    const parser = BODY_PARSER[(error as { type?: string })?.type ?? ''];
    if (parser) return problemBody(parser.kind, parser.code, parser.detail, instance);
    // A body that is not in the Content-Encoding it claims (gzip, deflate, br) cannot be inflated.
    if (isClientError(error) && contentEncoding && contentEncoding !== 'identity') {
      return problemBody('validation', 'REQUEST.MALFORMED_ENCODING', `The body is not valid ${contentEncoding}`, instance);
    }
    // Any other refusal of Express or the body parser (a path parameter with a broken %-escape, an aborted body).
    if (isClientError(error)) return problemBody('validation', 'REQUEST.MALFORMED', 'The request could not be read', instance);
    if (error instanceof HttpException && error.getStatus() === 404) {
      return problemBody('not-found', 'ROUTE.NOT_FOUND', `No route ${instance}`, instance);
    }
    if (error instanceof HttpException && error.getStatus() === 405) {
      return problemBody('not-found', 'ROUTE.METHOD_NOT_ALLOWED', 'Method not allowed', instance);
    }
    return problemBody('internal', 'INTERNAL', 'An internal error occurred; it has been logged', instance);
  }
}

/** An error of http-errors (Express, body-parser) that blames the client: 4xx and safe to say so. */
function isClientError(error: unknown): boolean {
  const { status, expose } = (error ?? {}) as { status?: unknown; expose?: unknown };
  return expose === true && typeof status === 'number' && status >= 400 && status < 500 && !(error instanceof HttpException);
}
