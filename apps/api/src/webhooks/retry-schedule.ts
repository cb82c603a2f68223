/**
 * When to try a failed delivery again: exponential backoff with jitter, so that receivers coming
 * back after an outage are not hit by every sender at the same instant. Pure: the random number is
 * passed in. No retry library is installed; this is the whole of it.
 */
export interface RetryPolicy {
  /** Tries in all, the first included; after the last failure the delivery is a dead letter. */
  maxAttempts: number;
  /** Delay after the first failure. */
  baseDelayMs: number;
  /** No delay is longer than this (before jitter). */
  maxDelayMs: number;
  /** Each delay is this many times the one before. */
  factor?: number;
  /** Share of the delay that is random, both ways: 0.2 spreads a 10 s delay over 8–12 s. */
  jitter?: number;
}

export const DEFAULT_RETRY_FACTOR = 4;
export const DEFAULT_JITTER = 0.2;

/**
 * The delay before the next try after `failedAttempts` failures (1 after the first), or undefined
 * when no try is left. `random` is in [0, 1).
 */
export function nextRetryDelay(policy: RetryPolicy, failedAttempts: number, random: number): number | undefined {
  if (failedAttempts < 1 || failedAttempts >= policy.maxAttempts) return undefined;
  const factor = policy.factor ?? DEFAULT_RETRY_FACTOR;
  const jitter = policy.jitter ?? DEFAULT_JITTER;
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * factor ** (failedAttempts - 1));
  return Math.round(delay * (1 - jitter + 2 * jitter * random));
}
