import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { tap, type Observable } from 'rxjs';
import { v5 as uuidv5 } from 'uuid';
import type { ApiRoute } from '@familybank/contracts';
import { CONTRACT_ROUTE } from './contract-route';
import { CLOCK } from '../tokens';
import { IdempotencyStore } from './idempotency.store';
import { ProblemError } from './problem';
import type { ContextualRequest } from './request-context';

const COMMAND_ID_NAMESPACE = '6f1d5c1e-3b2a-4f7e-9a51-3c8e2d7b9f40';

/**
 * Idempotency-Key on POST: the command id (and so the event ids) derive from the key, so a retry
 * appends nothing twice, even after a crash between append and answer. A retry with the same key
 * and body runs again, finds its command already recorded, and answers the resource as it is now,
 * marked `Idempotent-Replayed: true`: truthful (never an old copy presented as current) and
 * nothing with personal data is kept. The same key with another request is refused while the key
 * is remembered (IDEMPOTENCY_TTL_HOURS, default 24 h).
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
    const stored = this.store.get(municipality, key, this.clock());
    if (stored && stored.fingerprint !== fingerprint) {
      throw new ProblemError('idempotency-key-reused', 'REQUEST.IDEMPOTENCY_KEY_REUSED', 'This Idempotency-Key was used for a different request');
    }
    const slot = `${municipality}\u0000${key}`;
    if (this.inFlight.has(slot)) throw new ProblemError('conflict', 'REQUEST.IDEMPOTENCY_KEY_IN_USE', 'A request with this Idempotency-Key is still being processed');
    this.inFlight.add(slot);
    request.familybank = { ...request.familybank, commandId: uuidv5(`${municipality}:${key}`, COMMAND_ID_NAMESPACE) };
    const response = context.switchToHttp().getResponse<Response>();
    return next.handle().pipe(
      tap({
        next: () => (stored ? response.setHeader('Idempotent-Replayed', 'true') : this.remember(municipality, key, fingerprint)),
        finalize: () => this.inFlight.delete(slot),
      }),
    );
  }

  /**
   * The command is recorded whether or not its key can be kept: if the idempotency store cannot
   * write (a full disk), the answer still goes out, and a retry runs the command again, which the
   * event store recognises by its event ids and records nothing twice.
   */
  private remember(municipality: string, key: string, fingerprint: string): void {
    try {
      this.store.put(municipality, key, fingerprint, this.clock());
    } catch (error) {
      this.logger.warn(`Could not keep Idempotency-Key ${key}: ${(error as Error).message}`);
    }
  }
}

const hash = (parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex');
