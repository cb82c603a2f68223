import { jwtVerify } from 'jose';
import type { DevKeys } from './dev-keys';
import { TokenClaims, type Principal } from './principal';

export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}

/** Checks signature, issuer, audience and expiry (a token without `exp` never expires, so it is refused), then the claims' shape. */
export function devTokenVerifier(keys: DevKeys, options: { issuer: string; audience: string }): TokenVerifier {
  return {
    async verify(token) {
      let payload: unknown;
      try {
        ({ payload } = await jwtVerify(token, keys.publicKey, { issuer: options.issuer, audience: options.audience, algorithms: ['EdDSA'], requiredClaims: ['exp'] }));
      } catch (error) {
        throw new InvalidTokenError(`The bearer token is not valid: ${(error as Error).message}`);
      }
      const claims = TokenClaims.safeParse(payload);
      if (!claims.success) throw new InvalidTokenError('The bearer token lacks a municipality (four digits) or roles (caseworker, approver, auditor)');
      return { subject: claims.data.sub, municipality: claims.data.municipality, roles: claims.data.roles };
    },
  };
}
