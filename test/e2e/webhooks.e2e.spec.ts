import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { verifyWebhook } from '../../apps/api/src/webhooks/webhook-signature';
import { startTestServer, type TestServer } from '../support/api-server';
import { registration } from '../support/family-fixtures';
import { eventsRecorded, send } from '../support/http-helpers';
import { eventually, registerAvailableFamily } from '../support/journeys';
import { WebhookReceiver } from '../support/webhook-receiver';

/**
 * Outbound webhooks against a real receiver on loopback. The server runs a short retry schedule
 * (3 tries, 50 ms then 200 ms, 300 ms timeout), so retries and dead letters happen within a test.
 */
describe('webhooks', () => {
  let server: TestServer;
  let receiver: WebhookReceiver;

  beforeAll(async () => {
    receiver = await WebhookReceiver.start();
    server = await startTestServer({ WEBHOOK_MAX_ATTEMPTS: '3', WEBHOOK_RETRY_BASE_MS: '50', WEBHOOK_RETRY_MAX_MS: '200', WEBHOOK_TIMEOUT_MS: '300' });
  });
  afterAll(async () => {
    await server?.stop();
    await receiver?.stop();
  });

  const token = (municipality: string, roles: Array<'caseworker' | 'approver' | 'auditor'> = ['caseworker', 'approver']) => server.token(municipality, roles);
  const call = async (municipality: string, method: string, path: string, body?: unknown) => send(server, method, path, { token: await token(municipality), body });
  const subscribe = async (municipality: string, path: string, eventTypes: string[]) => {
    const created = await call(municipality, 'POST', '/v1/webhooks/subscriptions', { url: receiver.url(path), eventTypes });
    expect(created.status).toBe(201);
    return created.json as { subscriptionId: string; secret: string; revision: number };
  };
  const register = async (municipality: string) => {
    const created = await call(municipality, 'POST', '/v1/families', registration());
    expect(created.status).toBe(201);
    return created.json.familyId as string;
  };
  const deliveries = async (municipality: string, query: string) => (await call(municipality, 'GET', `/v1/webhooks/deliveries?${query}`)).json.items as Array<Record<string, unknown>>;
  const verified = (secret: string, request: { headers: Record<string, string | string[] | undefined>; body: string }) => verifyWebhook({ secret, headers: request.headers, body: request.body }).ok;

  it('a receiver that fails the first two tries (500, then a cut connection) gets each subscribed event once in effect, signed; nothing else arrives', async () => {
    receiver.plan('/vejle', (seenBefore) => (seenBefore === 0 ? 500 : seenBefore === 1 ? 'reset' : 200));
    const subscription = await subscribe('0630', '/vejle', ['family.registered']);
    expect(subscription.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const first = await register('0630');
    const second = await registerAvailableFamily(await server.client('0630'));
    await register('0265'); // another municipality's event: never sent to Vejle's subscription

    const accepted = await eventually(async () => {
      const done = receiver.accepted('/vejle');
      expect(done.size).toBe(2);
      return done;
    });
    const payloads = [...accepted.values()].map((request) => JSON.parse(request.body));
    expect(payloads.map((payload) => payload.data.resource.id).sort()).toEqual([first, second].sort());
    expect(payloads.every((payload) => payload.type === 'family.registered' && payload.data.municipality === '0630')).toBe(true);
    expect(payloads[0].data.resource).toEqual({ kind: 'family', id: payloads[0].data.resource.id, href: `/v1/families/${payloads[0].data.resource.id}` });
    // Thin: ids and a link; the family's names, address and contact details stay behind the API.
    expect(receiver.at('/vejle').map((request) => request.body).join()).not.toMatch(/Hansen|Søndergade|7100|hansen@example\.dk|\+45/);

    // Every request is signed with the secret, the retries too; each Webhook-Id came three times.
    expect(receiver.at('/vejle').every((request) => verified(subscription.secret, request))).toBe(true);
    for (const id of accepted.keys()) expect(receiver.at('/vejle').filter((request) => request.headers['webhook-id'] === id).map((request) => request.answer)).toEqual([500, 'reset', 200]);
    // The documented check refuses a tampered body.
    const [sample] = accepted.values();
    expect(verifyWebhook({ secret: subscription.secret, headers: sample!.headers, body: sample!.body.replace('0630', '0265') })).toEqual({ ok: false, reason: 'bad-signature' });

    const log = await deliveries('0630', `subscriptionId=${subscription.subscriptionId}`);
    expect(log.map((delivery) => [delivery.status, delivery.tries, delivery.lastStatusCode])).toEqual([
      ['delivered', 3, 200],
      ['delivered', 3, 200],
    ]);
    const detail = (await call('0630', 'GET', `/v1/webhooks/deliveries/${log[0]!.deliveryId}`)).json;
    expect(detail.attempts.map((attempt: { outcome: string; statusCode?: number }) => [attempt.outcome, attempt.statusCode])).toEqual([
      ['failed', 500],
      ['failed', undefined],
      ['delivered', 200],
    ]);
    expect(detail.attempts[1].error).toEqual(expect.any(String));
    expect(detail.attempts.every((attempt: { durationMs: number }) => attempt.durationMs >= 0)).toBe(true);
    expect(detail.payload.data.deliveryId).toBe(log[0]!.deliveryId);
  });

  it('a paused subscription receives nothing, not even after it resumes; a rotated secret signs next to the previous one', async () => {
    receiver.plan('/roskilde-paused', () => 200);
    receiver.plan('/roskilde-witness', () => 200);
    const paused = await subscribe('0265', '/roskilde-paused', ['family.registered']);
    await subscribe('0265', '/roskilde-witness', ['family.registered']);
    const pause = await call('0265', 'POST', `/v1/webhooks/subscriptions/${paused.subscriptionId}/pause`, {});
    expect(pause.json.status).toBe('paused');

    const whilePaused = await register('0265');
    await eventually(async () => expect([...receiver.accepted('/roskilde-witness').values()].map((request) => JSON.parse(request.body).data.resource.id)).toContain(whilePaused));
    expect(receiver.at('/roskilde-paused')).toEqual([]);

    expect((await call('0265', 'POST', `/v1/webhooks/subscriptions/${paused.subscriptionId}/resume`, {})).json.status).toBe('active');
    const rotated = await call('0265', 'POST', `/v1/webhooks/subscriptions/${paused.subscriptionId}/secret-rotation`, {});
    expect(rotated.json).toMatchObject({ secretVersion: 2, secret: expect.stringMatching(/^whsec_/) });
    expect(rotated.json.secret).not.toBe(paused.secret);
    const afterResume = await register('0265');
    const [request] = await eventually(async () => {
      const received = [...receiver.accepted('/roskilde-paused').values()];
      expect(received).toHaveLength(1);
      return received;
    });
    expect(JSON.parse(request!.body).data.resource.id).toBe(afterResume);
    expect(verified(rotated.json.secret, request!)).toBe(true);
    expect(verified(paused.secret, request!)).toBe(true);
  });

  it('the last failure makes a dead letter; an approver re-drives it and it arrives with the same Webhook-Id', async () => {
    let receiverFixed = false;
    receiver.plan('/aarhus', (seenBefore) => (receiverFixed ? 200 : seenBefore === 0 ? 'hang' : 503));
    const subscription = await subscribe('0751', '/aarhus', ['family.registered']);
    await register('0751');

    const [dead] = await eventually(async () => {
      const letters = await deliveries('0751', 'status=dead');
      expect(letters).toHaveLength(1);
      return letters;
    });
    const detail = (await call('0751', 'GET', `/v1/webhooks/deliveries/${dead!.deliveryId}`)).json;
    expect(detail.attempts.map((attempt: { outcome: string; statusCode?: number; error?: string }) => [attempt.outcome, attempt.statusCode ?? attempt.error])).toEqual([
      ['failed', 'timeout'],
      ['failed', 503],
      ['dead', 503],
    ]);

    const caseworker = await send(server, 'POST', `/v1/webhooks/deliveries/${dead!.deliveryId}/redrive`, { token: await token('0751', ['caseworker']), body: {} });
    expect(caseworker.status).toBe(403);
    receiverFixed = true;
    const redriven = await call('0751', 'POST', `/v1/webhooks/deliveries/${dead!.deliveryId}/redrive`, {});
    expect(redriven.status).toBe(200);
    expect(redriven.json.status).toMatch(/pending|delivered/);
    await eventually(async () => expect((await call('0751', 'GET', `/v1/webhooks/deliveries/${dead!.deliveryId}`)).json).toMatchObject({ status: 'delivered', tries: 1 }));
    expect([...receiver.accepted('/aarhus').keys()]).toEqual([dead!.deliveryId]);
    expect(receiver.at('/aarhus').every((request) => verified(subscription.secret, request))).toBe(true);
    // The re-drive is an event of the subscription, with the approver who did it.
    const events = await server.app.runtime.eventStore.readStream(`webhook-subscription-${subscription.subscriptionId}`);
    expect(events.map((event) => event.type)).toEqual(['WebhookSubscriptionCreated', 'WebhookDeliveryRedriven']);
  });

  it('survives a restart without losing or repeating a delivery', async () => {
    // The first try hangs and the node stops while it waits: the attempt is cut short and not
    // recorded, so the delivery is still due after the restart, with the same id.
    let up = false;
    receiver.plan('/odense', (seenBefore) => (seenBefore > 0 && up ? 200 : 'hang'));
    const subscription = await subscribe('0461', '/odense', ['family.registered']);
    const beforeRestart = await register('0461');
    await eventually(async () => expect(receiver.at('/odense').length).toBeGreaterThan(0));
    const vejleRequests = receiver.at('/vejle').length;

    await server.restart(() => {
      up = true;
    });
    const afterRestart = await register('0461');
    const accepted = await eventually(async () => {
      const done = receiver.accepted('/odense');
      expect(done.size).toBe(2);
      return done;
    });
    expect([...accepted.values()].map((request) => JSON.parse(request.body).data.resource.id).sort()).toEqual([beforeRestart, afterRestart].sort());
    const log = await deliveries('0461', `subscriptionId=${subscription.subscriptionId}`);
    expect(log.map((delivery) => delivery.status)).toEqual(['delivered', 'delivered']);
    // What was delivered before the restart is not sent again.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(receiver.at('/vejle')).toHaveLength(vejleRequests);
    expect(receiver.at('/odense').filter((request) => request.answer === 200)).toHaveLength(2);
  });

  it('no secret is in the event log or in any file under DATA_DIR; the node’s key is readable by its user only', async () => {
    const { secret } = await subscribe('0630', '/secrets', ['family.approved']);
    const log = JSON.stringify(await server.app.runtime.eventStore.readAll({ after: 0, limit: 100_000 }));
    expect(log).not.toContain(secret);
    const raw = Buffer.from(secret.slice('whsec_'.length), 'base64');
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? files(join(dir, entry.name)) : [join(dir, entry.name)]));
    for (const file of files(server.dataDir)) {
      const content = readFileSync(file);
      expect({ file, found: content.includes(secret) || content.includes(raw) || content.includes(raw.toString('hex')) }).toEqual({ file, found: false });
    }
    expect(statSync(join(server.dataDir, 'webhooks', 'signing-key')).mode & 0o777).toBe(0o600);
  });

  it('bad input on every new endpoint gets its documented problem and appends nothing', async () => {
    const { subscriptionId, revision } = await subscribe('0630', '/bad-input', ['family.approved']);
    const delivered = (await deliveries('0630', 'status=delivered'))[0]!.deliveryId as string;
    const before = await eventsRecorded(server);
    const base = `/v1/webhooks/subscriptions/${subscriptionId}`;
    const unknown = '/v1/webhooks/subscriptions/no-such-subscription';
    const cases: Array<[string, string, unknown, number, string, Record<string, string>?, string?]> = [
      ['POST', '/v1/webhooks/subscriptions', { eventTypes: ['family.approved'] }, 400, 'REQUEST.VALIDATION'],
      ['POST', '/v1/webhooks/subscriptions', { url: 'ftp://case.example.dk/in', eventTypes: ['family.approved'] }, 400, 'REQUEST.VALIDATION'],
      ['POST', '/v1/webhooks/subscriptions', { url: receiver.url('/x'), eventTypes: [] }, 400, 'REQUEST.VALIDATION'],
      ['POST', '/v1/webhooks/subscriptions', { url: receiver.url('/x'), eventTypes: ['family.background-check-received'] }, 400, 'REQUEST.VALIDATION'],
      ['POST', '/v1/webhooks/subscriptions', { url: receiver.url('/x'), eventTypes: ['family.approved'], secret: 'mine' }, 400, 'REQUEST.VALIDATION'],
      ['POST', '/v1/webhooks/subscriptions', { url: 'https://user:pw@case.example.dk/in', eventTypes: ['family.approved'] }, 422, 'WEBHOOK.INVALID_URL'],
      ['POST', '/v1/webhooks/subscriptions', '{"url":', 400, 'REQUEST.MALFORMED_JSON'],
      ['POST', '/v1/webhooks/subscriptions', { url: receiver.url('/x'), eventTypes: ['family.approved'] }, 403, 'AUTH.ROLE_MISSING', {}, 'caseworker'],
      ['GET', unknown, undefined, 404, 'WEBHOOK.SUBSCRIPTION_NOT_FOUND'],
      ['GET', '/v1/webhooks/subscriptions/not%20an%20id', undefined, 400, 'REQUEST.VALIDATION'],
      ['GET', base, undefined, 404, 'WEBHOOK.SUBSCRIPTION_NOT_FOUND', {}, 'other'],
      ['PATCH', base, {}, 422, 'REQUEST.RULE_VIOLATED'],
      ['PATCH', base, { eventTypes: ['nothing.happened'] }, 400, 'REQUEST.VALIDATION'],
      ['PATCH', base, { url: 'https://u:p@x.example/' }, 422, 'WEBHOOK.INVALID_URL'],
      ['PATCH', unknown, { description: 'x' }, 404, 'WEBHOOK.SUBSCRIPTION_NOT_FOUND'],
      ['PATCH', base, { description: 'x' }, 412, 'WEBHOOK.REVISION_MISMATCH', { 'if-match': `"${revision + 5}"` }],
      ['PATCH', base, { description: 'x' }, 404, 'WEBHOOK.SUBSCRIPTION_NOT_FOUND', {}, 'other'],
      ['POST', `${base}/pause`, { now: true }, 400, 'REQUEST.VALIDATION'],
      ['POST', `${unknown}/pause`, {}, 404, 'WEBHOOK.SUBSCRIPTION_NOT_FOUND'],
      ['POST', `${unknown}/resume`, {}, 404, 'WEBHOOK.SUBSCRIPTION_NOT_FOUND'],
      ['POST', `${unknown}/secret-rotation`, {}, 404, 'WEBHOOK.SUBSCRIPTION_NOT_FOUND'],
      ['POST', `${base}/secret-rotation`, {}, 403, 'AUTH.ROLE_MISSING', {}, 'caseworker'],
      ['DELETE', unknown, undefined, 404, 'WEBHOOK.SUBSCRIPTION_NOT_FOUND'],
      ['DELETE', base, undefined, 412, 'WEBHOOK.REVISION_MISMATCH', { 'if-match': '"99"' }],
      ['GET', '/v1/webhooks/deliveries?status=lost', undefined, 400, 'REQUEST.VALIDATION'],
      ['GET', '/v1/webhooks/deliveries?colour=red', undefined, 400, 'REQUEST.VALIDATION'],
      ['GET', '/v1/webhooks/deliveries?cursor=not-ours', undefined, 400, 'REQUEST.VALIDATION'],
      ['GET', '/v1/webhooks/deliveries/not-a-uuid', undefined, 400, 'REQUEST.VALIDATION'],
      ['GET', '/v1/webhooks/deliveries/00000000-0000-4000-8000-000000000000', undefined, 404, 'WEBHOOK.DELIVERY_NOT_FOUND'],
      ['GET', `/v1/webhooks/deliveries/${delivered}`, undefined, 404, 'WEBHOOK.DELIVERY_NOT_FOUND', {}, 'other'],
      ['POST', '/v1/webhooks/deliveries/00000000-0000-4000-8000-000000000000/redrive', {}, 404, 'WEBHOOK.DELIVERY_NOT_FOUND'],
      ['POST', `/v1/webhooks/deliveries/${delivered}/redrive`, {}, 409, 'WEBHOOK.DELIVERY_NOT_DEAD'],
      ['POST', `/v1/webhooks/deliveries/${delivered}/redrive`, { again: 1 }, 400, 'REQUEST.VALIDATION'],
    ];
    for (const [method, path, body, status, code, headers = {}, who = 'approver'] of cases) {
      const caller = who === 'other' ? await token('0101') : who === 'caseworker' ? await token('0630', ['caseworker']) : await token('0630');
      const response = await send(server, method, path, { token: caller, body, headers });
      expect({ method, path, status: response.status, code: response.json?.code }).toEqual({ method, path, status, code });
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect(await eventsRecorded(server)).toBe(before);
  });
});
