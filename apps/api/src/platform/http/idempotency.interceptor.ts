import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { of, tap, type Observable } from 'rxjs';
import { v5 as uuidv5 } from 'uuid';
import type { ApiRoute } from '@familybank/contracts';
import { CONTRACT_ROUTE } from './contract-route';
import { CLOCK } from '../tokens';
import { IdempotencyStore, type StoredResponse } from './idempotency.store';
import { ProblemError } from './problem';
import type { ContextualRequest } from './request-context';

const COMMAND_ID_NAMESPACE = '6f1d5c1e-3b2a-4f7e-9a51-3c8e2d7b9f40';
const REPLAYED_HEADERS = ['etag', 'location'];

/**
 * Idempotency-Key on POST: the first successful response is stored and returned again on a retry
 * with the same key and body; the command id (and so the event ids) derive from the key, so even a
 * retry after a crash between append and storing the response appends nothing twice.
 * Registered before the contract interceptor, so that it stores the headers (ETag) that one sets.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly logger = new Logger('Idempotency');
  private readonly inFlight = new Set<string>();

  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(IdempotencyStore) private readonly store: IdempotencyStore,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const route = this.reflector.get<ApiRoute | undefined>(CONTRACT_ROUTE, context.getHandler());
    const request = context.switchToHttp().getRequest<ContextualRequest>();
    const key = request.header('idempotency-key');
    const municipality = request.familybank?.principal?.municipality;
    if (!route?.idempotent || !key || !municipality) {
      if (route) request.familybank = { ...request.familybank, commandId: randomUUID() };
      return next.handle();
    }
    if (key.length > 200) throw new ProblemError('validation', 'REQUEST.IDEMPOTENCY_KEY_TOO_LONG', 'Idempotency-Key is at most 200 characters');
    const fingerprint = hash([request.method, request.path, JSON.stringify(request.body ?? null)]);
    const stored = this.store.get(municipality, key);
    if (stored) return this.replay(stored, fingerprint, context.switchToHttp().getResponse<Response>());
    const slot = `${municipality}\u0000${key}`;
    if (this.inFlight.has(slot)) throw new ProblemError('conflict', 'REQUEST.IDEMPOTENCY_KEY_IN_USE', 'A request with this Idempotency-Key is still being processed');
    this.inFlight.add(slot);
    request.familybank = { ...request.familybank, commandId: uuidv5(`${municipality}:${key}`, COMMAND_ID_NAMESPACE) };
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      tap({
        next: (body) => this.remember(municipality, key, { fingerprint, status: route.success.status, headers: replayable(response), body }),
        finalize: () => this.inFlight.delete(slot),
      }),
    );
  }

  /**
   * The command is recorded whether or not its answer can be kept: if the idempotency store cannot
   * write (a full disk), the answer still goes out, and a retry runs the command again, which the
   * event store recognises by its event ids and records nothing twice.
   */
  private remember(municipality: string, key: string, stored: StoredResponse): void {
    try {
      this.store.put(municipality, key, stored, this.clock());
    } catch (error) {
      this.logger.warn(`Could not keep the answer for Idempotency-Key ${key}: ${(error as Error).message}`);
    }
  }

  private replay(stored: StoredResponse, fingerprint: string, response: Response): Observable<unknown> {
    if (stored.fingerprint !== fingerprint) {
      throw new ProblemError('idempotency-key-reused', 'REQUEST.IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request');
    }
    for (const [name, value] of Object.entries(stored.headers)) response.setHeader(name, value);
    response.setHeader('Idempotent-Replayed', 'true');
    response.status(stored.status);
    return of(stored.body);
  }
}

const hash = (parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex');

function replayable(response: Response): Record<string, string> {
  return Object.fromEntries(REPLAYED_HEADERS.flatMap((name) => (response.getHeader(name) ? [[name, String(response.getHeader(name))]] : [])));
}
