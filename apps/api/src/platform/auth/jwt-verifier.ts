import { errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { principalFromClaims, type ClaimMapping } from './claim-mapping';
import { InvalidTokenError, SigningKeysUnavailableError, type InvalidTokenReason, type TokenVerifier } from './token-verifier';

/**
 * Asymmetric only: with an HS* algorithm the verifier's key would be a shared secret, and a public
 * key used as one lets anyone sign; `none` is no signature at all.
 */
export const ALLOWED_ALGORITHMS = ['RS256', 'ES256', 'EdDSA'];

export interface JwtVerifierOptions {
  /** Resolves the key for a token's header (`kid`, `alg`); see signing-keys.ts. */
  keys: JWTVerifyGetKey;
  issuer: string;
  audience: string;
  /** Tolerated difference between our clock and the issuer's, for exp, nbf and iat. */
  clockSkewSeconds: number;
  /** Longest allowed exp − iat: a stolen token is useful for at most this long. */
  maxLifetimeSeconds: number;
  claims: ClaimMapping;
  now?: () => Date;
}

/** A bearer JWT: signature by a known key and allowed algorithm, iss, aud, exp, nbf, iat and lifetime, then our principal. */
export function jwtVerifier(options: JwtVerifierOptions): TokenVerifier {
  const now = options.now ?? (() => new Date());
  return {
    async verify(token) {
      const currentDate = now();
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, options.keys, {
          issuer: options.issuer,
          audience: options.audience,
          algorithms: ALLOWED_ALGORITHMS,
          clockTolerance: options.clockSkewSeconds,
          requiredClaims: ['exp', 'iat'],
          currentDate,
        }));
      } catch (error) {
        throw refusal(error);
      }
      checkLifetime(payload as JWTPayload & { exp: number; iat: number }, currentDate, options);
      const mapped = principalFromClaims(payload, options.claims);
      if (!mapped.ok) throw new InvalidTokenError('principal-claims', `The bearer token is valid but has ${mapped.problem}`);
      return mapped.principal;
    },
  };
}

function checkLifetime(payload: { exp: number; iat: number }, currentDate: Date, options: JwtVerifierOptions): void {
  const nowSeconds = Math.floor(currentDate.getTime() / 1000);
  if (payload.iat > nowSeconds + options.clockSkewSeconds) {
    throw new InvalidTokenError('issued-in-future', `The bearer token says it was issued in the future (iat ${new Date(payload.iat * 1000).toISOString()})`);
  }
  const lifetime = payload.exp - payload.iat;
  if (lifetime > options.maxLifetimeSeconds) {
    throw new InvalidTokenError('lifetime-too-long', `The bearer token lives ${lifetime} s (exp − iat); this API accepts at most ${options.maxLifetimeSeconds} s`);
  }
}

/** jose's error, as our reason; anything that is not about the token (the keys could not be fetched) passes through. */
function refusal(error: unknown): Error {
  if (error instanceof SigningKeysUnavailableError) return error;
  const reason = reasonOf(error);
  if (!reason) return error as Error;
  return new InvalidTokenError(reason, `The bearer token is not valid (${reason}): ${(error as Error).message}`);
}

function reasonOf(error: unknown): InvalidTokenReason | undefined {
  if (error instanceof errors.JWTExpired) return 'expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.reason === 'missing') return 'claim-missing';
    return ({ iss: 'wrong-issuer', aud: 'wrong-audience', nbf: 'not-yet-valid' } as Record<string, InvalidTokenReason>)[error.claim] ?? 'malformed';
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) return 'algorithm-not-allowed';
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) return 'unknown-key';
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'signature-invalid';
  if (error instanceof errors.JOSEError) return 'malformed';
  // jose throws TypeError when the resolved key does not fit the algorithm (e.g. an RSA key for ES256).
  if (error instanceof TypeError) return 'signature-invalid';
  return undefined;
}
