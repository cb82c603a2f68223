import type { Principal } from './principal';

/**
 * Why a token was refused, as a stable word a client or an operator can act on (the problem's
 * `details.reason`); the problem's code stays `AUTH.TOKEN_INVALID`, so a client that only knows "get a
 * new token" keeps working.
 */
export type InvalidTokenReason =
  | 'malformed'
  | 'algorithm-not-allowed'
  | 'unknown-key'
  | 'signature-invalid'
  | 'claim-missing'
  | 'expired'
  | 'not-yet-valid'
  | 'issued-in-future'
  | 'lifetime-too-long'
  | 'wrong-issuer'
  | 'wrong-audience'
  | 'principal-claims';

export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
  constructor(
    readonly reason: InvalidTokenReason,
    message: string,
  ) {
    super(message);
  }
}

/** The identity provider's keys could not be fetched: not the caller's fault, so no 401. */
export class SigningKeysUnavailableError extends Error {
  override readonly name = 'SigningKeysUnavailableError';
}

export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}
