import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import * as ts from 'typescript';
import { WEBHOOK_EVENT_TYPES } from '@familybank/domain-webhooks';
import { signWebhook, verifyWebhook } from './webhook-signature';

const GUIDE = readFileSync(join(__dirname, '../../../../docs/integrators.md'), 'utf8');

type GuideVerify = (secret: string, headers: Record<string, string | undefined>, body: string, nowMs?: number) => string | undefined;

/** The receiver's check as docs/integrators.md prints it, compiled and loaded as an integrator would. */
function guideVerify(): GuideVerify {
  const block = /<!-- webhook-verify[^>]*-->\n```ts\n([\s\S]*?)^```$/m.exec(GUIDE);
  if (!block) throw new Error('docs/integrators.md has no webhook-verify block');
  const { outputText } = ts.transpileModule(block[1]!, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } });
  const module = { exports: {} as Record<string, unknown> };
  runInNewContext(outputText, { module, exports: module.exports, require, Buffer });
  return module.exports.verifyFamilybankWebhook as GuideVerify;
}

describe('the webhook section of docs/integrators.md', () => {
  const verify = guideVerify();
  const secret = `whsec_${randomBytes(32).toString('base64')}`;
  const body = '{"type":"family.approved","timestamp":"2026-12-01T10:00:00.000Z","data":{"municipality":"0630"}}';
  const nowMs = Date.parse('2026-12-01T10:00:02Z');
  const headers = signWebhook({ id: 'd-1', timestampSeconds: nowMs / 1000 - 2, body, secrets: [secret] });
  const both = (input: { headers: Record<string, string>; body: string; nowMs: number; secret?: string }) => ({
    guide: verify(input.secret ?? secret, input.headers, input.body, input.nowMs) !== undefined,
    ours: verifyWebhook({ secret: input.secret ?? secret, headers: input.headers, body: input.body, now: new Date(input.nowMs) }).ok,
  });

  it('the printed check accepts what familybank signs, as verifyWebhook does', () => {
    expect(verify(secret, { ...headers }, body, nowMs)).toBe('d-1');
    expect(both({ headers: { ...headers }, body, nowMs })).toEqual({ guide: true, ours: true });
  });

  it('the printed check rejects a tampered body, an old timestamp, another secret and a changed id, as verifyWebhook does', () => {
    expect(both({ headers: { ...headers }, body: body.replace('0630', '0265'), nowMs })).toEqual({ guide: false, ours: false });
    expect(both({ headers: { ...headers }, body, nowMs: nowMs + 10 * 60_000 })).toEqual({ guide: false, ours: false });
    expect(both({ headers: { ...headers }, body, nowMs, secret: `whsec_${randomBytes(32).toString('base64')}` })).toEqual({ guide: false, ours: false });
    expect(both({ headers: { ...headers, 'webhook-id': 'd-2' }, body, nowMs })).toEqual({ guide: false, ours: false });
  });

  it('the printed check accepts either secret while both sign after a rotation', () => {
    const next = `whsec_${randomBytes(32).toString('base64')}`;
    const rotated = signWebhook({ id: 'd-1', timestampSeconds: nowMs / 1000, body, secrets: [next, secret] });
    expect(both({ headers: { ...rotated }, body, nowMs })).toEqual({ guide: true, ours: true });
    expect(both({ headers: { ...rotated }, body, nowMs, secret: next })).toEqual({ guide: true, ours: true });
  });

  it('lists every event type one can subscribe to', () => {
    for (const type of WEBHOOK_EVENT_TYPES) expect(GUIDE).toContain(`| \`${type}\` |`);
  });
});
