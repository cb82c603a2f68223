import { createHmac, randomBytes } from 'node:crypto';
import { signWebhook, verifyWebhook } from './webhook-signature';

const secret = `whsec_${randomBytes(32).toString('base64')}`;
const body = JSON.stringify({ type: 'family.approved', timestamp: '2026-12-01T10:00:00.000Z', data: { municipality: '0630' } });
const now = new Date('2026-12-01T10:00:05Z');
const sent = signWebhook({ id: 'd-1', timestampSeconds: Math.floor(now.getTime() / 1000) - 5, body, secrets: [secret] });

describe('webhook signatures', () => {
  it('a delivery verifies with the subscription’s secret', () => {
    expect(verifyWebhook({ secret, headers: { ...sent }, body, now })).toEqual({ ok: true, id: 'd-1' });
  });

  it('follows the Standard Webhooks scheme: HMAC-SHA256 over id.timestamp.body with the decoded secret, as v1,<base64>', () => {
    const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const expected = createHmac('sha256', key).update(`d-1.${sent['webhook-timestamp']}.${body}`).digest('base64');
    expect(sent['webhook-signature']).toBe(`v1,${expected}`);
  });

  it('a tampered body is rejected', () => {
    expect(verifyWebhook({ secret, headers: { ...sent }, body: body.replace('0630', '0265'), now })).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('a changed id (to slip past deduplication) is rejected', () => {
    expect(verifyWebhook({ secret, headers: { ...sent, 'webhook-id': 'd-2' }, body, now })).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('another secret is rejected', () => {
    expect(verifyWebhook({ secret: `whsec_${randomBytes(32).toString('base64')}`, headers: { ...sent }, body, now })).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('an old timestamp is rejected, even with a valid signature; so is one from the future', () => {
    const later = new Date(now.getTime() + 6 * 60_000);
    expect(verifyWebhook({ secret, headers: { ...sent }, body, now: later })).toEqual({ ok: false, reason: 'timestamp-out-of-tolerance' });
    const earlier = new Date(now.getTime() - 6 * 60_000);
    expect(verifyWebhook({ secret, headers: { ...sent }, body, now: earlier })).toEqual({ ok: false, reason: 'timestamp-out-of-tolerance' });
    expect(verifyWebhook({ secret, headers: { ...sent }, body, now: later, toleranceSeconds: 600 })).toEqual({ ok: true, id: 'd-1' });
  });

  it('missing headers, a malformed timestamp or signature are rejected', () => {
    expect(verifyWebhook({ secret, headers: { 'webhook-id': 'd-1' }, body, now })).toEqual({ ok: false, reason: 'missing-headers' });
    expect(verifyWebhook({ secret, headers: { ...sent, 'webhook-timestamp': 'yesterday' }, body, now })).toEqual({ ok: false, reason: 'bad-timestamp' });
    expect(verifyWebhook({ secret, headers: { ...sent, 'webhook-signature': 'v2,abc' }, body, now })).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verifyWebhook({ secret, headers: { ...sent, 'webhook-signature': 'v1,' }, body, now })).toEqual({ ok: false, reason: 'bad-signature' });
  });

  it('after a rotation both secrets sign, and either verifies; header names are case-insensitive', () => {
    const next = `whsec_${randomBytes(32).toString('base64')}`;
    const both = signWebhook({ id: 'd-1', timestampSeconds: Math.floor(now.getTime() / 1000), body, secrets: [next, secret] });
    const headers = { 'Webhook-Id': both['webhook-id'], 'Webhook-Timestamp': both['webhook-timestamp'], 'Webhook-Signature': both['webhook-signature'] };
    expect(verifyWebhook({ secret, headers, body, now }).ok).toBe(true);
    expect(verifyWebhook({ secret: next, headers, body, now }).ok).toBe(true);
  });
});
