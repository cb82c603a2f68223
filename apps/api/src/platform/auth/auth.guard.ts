import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { isPublic, type ApiRoute } from '@familybank/contracts';
import { AppConfigToken, type AppConfig } from '../config/config.provider';
import { CONTRACT_ROUTE } from '../http/contract-route';
import { ProblemError } from '../http/problem';
import type { ContextualRequest } from '../http/request-context';
import { InvalidTokenError, SigningKeysUnavailableError, type TokenVerifier } from './token-verifier';

export const TOKEN_VERIFIER = Symbol('TokenVerifier');

/** Every contract route with roles needs a valid bearer token carrying one of those roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TOKEN_VERIFIER) private readonly verifier: TokenVerifier,
    @Inject(AppConfigToken) private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const route = this.reflector.get<ApiRoute | undefined>(CONTRACT_ROUTE, context.getHandler());
    // Routes outside the contract (the console's assets) and the contract's declared public ones need no token.
    if (!route || isPublic(route.roles)) return true;
    const allowed = route.roles;
    const request = context.switchToHttp().getRequest<ContextualRequest>();
    const principal = await this.authenticate(request.headers.authorization);
    if (!principal.roles.some((role) => allowed.includes(role))) {
      throw new ProblemError('forbidden', 'AUTH.ROLE_MISSING', `This operation needs one of the roles: ${allowed.join(', ')}`);
    }
    // A node configured for some municipalities serves no others (their data lives on their own node).
    const served = this.config.MUNICIPALITIES;
    if (served.length > 0 && !served.includes(principal.municipality)) {
      throw new ProblemError('forbidden', 'AUTH.MUNICIPALITY_NOT_SERVED', `This node serves ${served.join(', ')}, not ${principal.municipality}`);
    }
    request.familybank = { ...request.familybank, principal };
    return true;
  }

  private async authenticate(header: string | undefined) {
    const token = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
    if (!token) throw new ProblemError('unauthenticated', 'AUTH.TOKEN_MISSING', 'Send Authorization: Bearer <token>');
    try {
      return await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidTokenError) throw new ProblemError('unauthenticated', 'AUTH.TOKEN_INVALID', error.message, { details: { reason: error.reason } });
      // Not the caller's fault and not ours to hide: the token may be fine, try again shortly.
      if (error instanceof SigningKeysUnavailableError) throw new ProblemError('not-ready', 'AUTH.KEYS_UNAVAILABLE', error.message);
      throw error;
    }
  }
}
