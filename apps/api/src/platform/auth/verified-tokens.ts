import type { Principal } from './principal';
import type { TokenVerifier } from './token-verifier';

export interface VerifiedTokensOptions {
  now?: () => Date;
  /**
   * A verified token is trusted again without checking its signature for at most this long (and
   * never past its `exp`). Shorter than the JWKS cache (10 min), so a key the identity provider
   * withdraws is not trusted any longer than it already is.
   */
  maxAgeMs?: number;
  maxEntries?: number;
}

interface Remembered {
  principal: Principal;
  until: number;
}

/**
 * Checking a token's signature is a sizeable part of a small command's cost, and a client sends the
 * same token with request after request. The exact token string verified a moment ago is trusted
 * again until its expiry or `maxAgeMs`, whichever comes first; every other check it passed (issuer,
 * audience, not-before, issued-at, lifetime) cannot turn false as time goes on. Refusals are not
 * remembered: a refused token is checked again each time. Concurrent requests with one new token
 * share one verification.
 */
export function rememberVerifiedTokens(inner: TokenVerifier, options: VerifiedTokensOptions = {}): TokenVerifier {
  const now = options.now ?? (() => new Date());
  const maxAgeMs = options.maxAgeMs ?? 60_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const remembered = new Map<string, Remembered>();
  const verifying = new Map<string, Promise<Principal>>();

  const remember = (token: string, principal: Principal, verifiedAt: number) => {
    const exp = expiryOf(token);
    if (exp === undefined) return;
    // Oldest first out: a Map iterates in insertion order.
    if (remembered.size >= maxEntries) remembered.delete(remembered.keys().next().value!);
    remembered.set(token, { principal, until: Math.min(exp, verifiedAt + maxAgeMs) });
  };

  return {
    verify(token) {
      const at = now().getTime();
      const known = remembered.get(token);
      if (known && at < known.until) return Promise.resolve(copy(known.principal));
      if (known) remembered.delete(token);
      let pending = verifying.get(token);
      if (!pending) {
        pending = inner.verify(token).then((principal) => {
          remember(token, principal, at);
          return principal;
        });
        verifying.set(token, pending);
        const settled = () => verifying.delete(token);
        pending.then(settled, settled);
      }
      return pending.then(copy);
    },
  };
}

const copy = (principal: Principal): Principal => ({ ...principal, roles: [...principal.roles] });

/** `exp` of a token that was just verified (so its payload is the issuer's), in ms. */
function expiryOf(token: string): number | undefined {
  try {
    const exp = (JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
