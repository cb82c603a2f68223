import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signatures as the Standard Webhooks convention has them (https://www.standardwebhooks.com), so a
 * receiver can use any of its libraries: HMAC-SHA256 over `<webhook-id>.<webhook-timestamp>.<body>`
 * with the subscription's secret (`whsec_` + base64 of the key bytes), sent as `v1,<base64>`.
 * The id is signed too, so a receiver that deduplicates by it cannot be fooled by a changed id.
 * `verifyWebhook` is the check docs/integrators.md describes; the tests use this very function.
 */
export const SECRET_PREFIX = 'whsec_';
/** A timestamp further than this from the receiver's clock is refused (replays, or a clock far off). */
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

function keyOf(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX)) throw new Error(`A webhook secret starts with ${SECRET_PREFIX}`);
  return Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
}

function signature(secret: string, id: string, timestamp: string, body: string): string {
  return createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
}

/**
 * The headers of one delivery attempt. With more than one secret (just after a rotation, the
 * previous one too) each gives a signature; a receiver accepts the message if one of them matches.
 */
export function signWebhook(input: { id: string; timestampSeconds: number; body: string; secrets: readonly string[] }): WebhookHeaders {
  const timestamp = String(input.timestampSeconds);
  return {
    'webhook-id': input.id,
    'webhook-timestamp': timestamp,
    'webhook-signature': input.secrets.map((secret) => `v1,${signature(secret, input.id, timestamp, input.body)}`).join(' '),
  };
}

export type VerifyResult = { ok: true; id: string } | { ok: false; reason: 'missing-headers' | 'bad-timestamp' | 'timestamp-out-of-tolerance' | 'bad-signature' };

/**
 * The receiver's check: the three headers are there, the timestamp is within the tolerance of the
 * receiver's clock, and one of the `v1` signatures equals the one computed over the raw body (the
 * exact bytes received, before any JSON parsing), compared in constant time.
 */
export function verifyWebhook(input: {
  secret: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  now?: Date;
  toleranceSeconds?: number;
}): VerifyResult {
  const header = (name: keyof WebhookHeaders) => {
    const value = Object.entries(input.headers).find(([key]) => key.toLowerCase() === name)?.[1];
    return Array.isArray(value) ? value[0] : value;
  };
  const id = header('webhook-id');
  const timestamp = header('webhook-timestamp');
  const signatures = header('webhook-signature');
  if (!id || !timestamp || !signatures) return { ok: false, reason: 'missing-headers' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'bad-timestamp' };
  const nowSeconds = Math.floor((input.now ?? new Date()).getTime() / 1000);
  if (Math.abs(nowSeconds - Number(timestamp)) > (input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS)) return { ok: false, reason: 'timestamp-out-of-tolerance' };
  const expected = Buffer.from(signature(input.secret, id, timestamp, input.body), 'base64');
  const matches = signatures.split(' ').some((candidate) => {
    const [version, value] = candidate.split(',', 2);
    if (version !== 'v1' || !value) return false;
    const given = Buffer.from(value, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return matches ? { ok: true, id } : { ok: false, reason: 'bad-signature' };
}
