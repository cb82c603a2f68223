import { nextRetryDelay, type RetryPolicy } from './retry-schedule';

const policy: RetryPolicy = { maxAttempts: 5, baseDelayMs: 5_000, maxDelayMs: 60_000, factor: 4, jitter: 0.2 };

describe('retry schedule', () => {
  it('grows by the factor after each failure, without jitter at the middle of the random range', () => {
    expect([1, 2, 3].map((failures) => nextRetryDelay(policy, failures, 0.5))).toEqual([5_000, 20_000, 60_000]);
  });

  it('never waits longer than the cap, however many failures', () => {
    expect(nextRetryDelay({ ...policy, maxAttempts: 50 }, 40, 0.5)).toBe(60_000);
  });

  it('spreads each delay by the jitter both ways', () => {
    expect(nextRetryDelay(policy, 1, 0)).toBe(4_000);
    expect(nextRetryDelay(policy, 1, 0.999_999)).toBe(6_000);
    expect(nextRetryDelay({ ...policy, jitter: 0 }, 2, 0.9)).toBe(20_000);
  });

  it('after the last try there is no next one: the delivery is a dead letter', () => {
    expect(nextRetryDelay(policy, 4, 0.5)).toBe(60_000);
    expect(nextRetryDelay(policy, 5, 0.5)).toBeUndefined();
    expect(nextRetryDelay({ ...policy, maxAttempts: 1 }, 1, 0.5)).toBeUndefined();
  });

  it('before any failure there is nothing to retry', () => {
    expect(nextRetryDelay(policy, 0, 0.5)).toBeUndefined();
  });
});
