import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@familybank/event-store';
import { CommandGateway } from '../platform/commands/command-gateway';
import { DeliveryStore } from './delivery-store';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookWorker } from './webhook-worker';

/** The worker against a real SQLite log and store, the gateway for subscriptions, and a loopback receiver. */
describe('the webhook worker', () => {
  let dir: string;
  let events: SqliteEventStore;
  let gateway: CommandGateway;
  let receiver: Server;
  let received: string[];
  let url: string;
  const clock = () => new Date();
  const meta = (municipality = '0630') => ({ municipality, actor: 'approver-1', commandId: randomUUID(), correlationId: randomUUID() });
  const familyEvent = (familyId: string, type: string, municipality = '0630') =>
    events.appendToStream(`family-${familyId}`, [{ eventId: randomUUID(), type, data: {}, metadata: { municipality, actor: 'caseworker-1', correlationId: randomUUID(), causationId: randomUUID(), occurredAt: clock().toISOString(), schemaVersion: 1 } }], { expectedRevision: 'any' });
  const subscribe = async (subscriptionId: string, eventTypes: Array<'family.registered' | 'family.approved'>) =>
    gateway.execute({ aggregate: 'webhook-subscription', id: subscriptionId, command: { type: 'CreateWebhookSubscription', data: { subscriptionId, url, eventTypes, plainHttpAllowed: false } } }, meta());
  const worker = (store: DeliveryStore, allowInternalTargets = true) =>
    new WebhookWorker(events, store, new WebhookSecrets(dir), clock, { retry: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 10 }, timeoutMs: 500, allowInternalTargets });

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'familybank-webhooks-'));
    events = SqliteEventStore.open({ filename: join(dir, 'events.sqlite'), synchronous: 'NORMAL' });
    gateway = new CommandGateway(events, clock);
    received = [];
    receiver = createServer((request, response) => {
      received.push(String(request.headers['webhook-id']));
      request.resume().on('end', () => response.writeHead(204).end());
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/in`;
  });
  afterEach(async () => {
    await events.close();
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  it('met for the first time, it learns the subscriptions from history but announces only what follows', async () => {
    await subscribe('s1', ['family.registered']);
    await familyEvent('f-old', 'FamilyRegistered');
    const store = new DeliveryStore(join(dir, 'deliveries.sqlite'));
    const webhooks = worker(store);
    await webhooks.ingest();
    expect(store.deliveries('0630', { limit: 10 })).toEqual([]);

    await familyEvent('f-new', 'FamilyRegistered');
    await familyEvent('f-new', 'FamilyApproved');
    await familyEvent('f-other', 'FamilyRegistered', '0265');
    await webhooks.ingest();
    expect(store.deliveries('0630', { limit: 10 }).map((delivery) => [delivery.subscriptionId, delivery.eventType, JSON.parse(delivery.payload).data.resource.id])).toEqual([
      ['s1', 'family.registered', 'f-new'],
    ]);
    await webhooks.dispatch();
    expect(received).toEqual([store.deliveries('0630', { limit: 10 })[0]!.deliveryId]);
    await webhooks.close();
    store.close();
  });

  it('a reopened store continues from its checkpoint: nothing is added or sent twice', async () => {
    const first = new DeliveryStore(join(dir, 'deliveries.sqlite'));
    const before = worker(first);
    await before.ingest();
    await subscribe('s1', ['family.registered']);
    await familyEvent('f1', 'FamilyRegistered');
    await before.ingest();
    await before.dispatch();
    await before.close();
    first.close();

    const reopened = new DeliveryStore(join(dir, 'deliveries.sqlite'));
    const after = worker(reopened);
    await familyEvent('f2', 'FamilyRegistered');
    await after.ingest();
    await after.dispatch();
    expect(reopened.deliveries('0630', { limit: 10 }).map((delivery) => delivery.status)).toEqual(['delivered', 'delivered']);
    expect(new Set(received).size).toBe(2);
    expect(received).toHaveLength(2);
    await after.close();
    reopened.close();
  });

  it('events no subscriber hears of move the stored checkpoint only on close; read again after a crash, they add nothing', async () => {
    const crashed = new DeliveryStore(join(dir, 'deliveries.sqlite'));
    const before = worker(crashed);
    await before.ingest();
    await subscribe('s1', ['family.registered']);
    await before.ingest();
    const stored = crashed.progress()!.position;
    await familyEvent('f1', 'FamilyApproved');
    await familyEvent('f1', 'FamilyRetired');
    const head = await before.ingest();
    expect(head).toBe(await events.lastPosition());
    expect(crashed.progress()!.position).toBe(stored);
    crashed.close();

    const reopened = new DeliveryStore(join(dir, 'deliveries.sqlite'));
    const after = worker(reopened);
    expect(after.position()).toBe(stored);
    await familyEvent('f2', 'FamilyRegistered');
    await after.ingest();
    expect(reopened.deliveries('0630', { limit: 10 }).map((delivery) => JSON.parse(delivery.payload).data.resource.id)).toEqual(['f2']);
    await after.dispatch();
    await after.close();
    expect(reopened.progress()!.position).toBe(await events.lastPosition());
    expect(received).toHaveLength(1);
    reopened.close();
  });

  it('deleting a subscription cancels what waits for it, and it is told of nothing more', async () => {
    const store = new DeliveryStore(join(dir, 'deliveries.sqlite'));
    const webhooks = worker(store);
    await webhooks.ingest();
    await subscribe('s1', ['family.registered']);
    await familyEvent('f1', 'FamilyRegistered');
    await gateway.execute({ aggregate: 'webhook-subscription', id: 's1', command: { type: 'DeleteWebhookSubscription', data: {} } }, meta());
    await familyEvent('f2', 'FamilyRegistered');
    await webhooks.ingest();
    await webhooks.dispatch();
    expect(store.deliveries('0630', { limit: 10 }).map((delivery) => delivery.status)).toEqual(['cancelled']);
    expect(received).toEqual([]);
    await webhooks.close();
    store.close();
  });

  it('a production node (internal targets refused) never connects to loopback, by address or by a name that resolves to it', async () => {
    for (const [subscriptionId, target] of [['s-ip', url], ['s-name', url.replace('127.0.0.1', 'localhost')]] as const) {
      await gateway.execute(
        { aggregate: 'webhook-subscription', id: subscriptionId, command: { type: 'CreateWebhookSubscription', data: { subscriptionId, url: target, eventTypes: ['family.registered'], plainHttpAllowed: true } } },
        meta(),
      );
    }
    const store = new DeliveryStore(join(dir, 'deliveries.sqlite'));
    const webhooks = worker(store, false);
    await webhooks.ingest();
    await familyEvent('f1', 'FamilyRegistered');
    await webhooks.ingest();
    await webhooks.dispatch();
    const deliveries = store.deliveries('0630', { limit: 10 });
    expect(deliveries).toHaveLength(2);
    for (const delivery of deliveries) {
      expect(store.attempts(delivery.deliveryId)[0]).toMatchObject({ statusCode: undefined, error: expect.stringMatching(/^WEBHOOK_TARGET_INTERNAL: .*(127\.0\.0\.1|::1)/) });
    }
    expect(received).toEqual([]);
    await webhooks.close();
    store.close();
  });
});
