import { randomUUID } from 'node:crypto';
import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import { webhookEventTypeList, webhookRoutes as routes, type WebhookSubscription } from '@familybank/contracts';
import { DomainError } from '@familybank/domain-core';
import { WebhookErrors, type WebhookSubscriptionCommand } from '@familybank/domain-webhooks';
import { encodeCursor } from '@familybank/read-models';
import { Commands } from '../platform/commands/execute-command';
import { AppConfigToken, type AppConfig } from '../platform/config/config.provider';
import { ContractRoute, WithHeaders, type BodyOf, type QueryOf } from '../platform/http/contract-route';
import { cursorParam } from '../platform/http/cursor';
import { Ctx, type RequestContext } from '../platform/http/request-context';
import { DeliveryStore, type StoredDelivery, type StoredSubscription } from './delivery-store';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookWorker } from './webhook-worker';

const deliveryErrors = {
  notFound: (deliveryId: string) => new DomainError('WEBHOOK.DELIVERY_NOT_FOUND', 'not-found', `No webhook delivery ${deliveryId}`, { deliveryId }),
  notDead: (deliveryId: string, status: string) =>
    new DomainError('WEBHOOK.DELIVERY_NOT_DEAD', 'conflict', `Only a dead letter can be re-driven; delivery ${deliveryId} is ${status}`, { deliveryId, status }),
};

/**
 * Subscriptions are one command each through the gateway; what the answers show is the webhook
 * worker's fold of the log (it is read up to the command first), and the delivery log is its store.
 */
@Controller()
export class WebhooksController {
  constructor(
    @Inject(Commands) private readonly commands: Commands,
    @Inject(WebhookWorker) private readonly worker: WebhookWorker,
    @Inject(DeliveryStore) private readonly store: DeliveryStore,
    @Inject(WebhookSecrets) private readonly secrets: WebhookSecrets,
    @Inject(AppConfigToken) private readonly config: AppConfig,
  ) {}

  @ContractRoute(routes.listWebhookEventTypes)
  eventTypes() {
    return webhookEventTypeList();
  }

  @ContractRoute(routes.listWebhookSubscriptions)
  async list(@Ctx() ctx: RequestContext) {
    await this.worker.ingest();
    return { items: this.store.subscriptions(ctx.principal.municipality).map(subscriptionView) };
  }

  @ContractRoute(routes.getWebhookSubscription)
  async get(@Param() params: { subscriptionId: string }, @Ctx() ctx: RequestContext) {
    await this.worker.ingest();
    return subscriptionView(this.own(ctx, params.subscriptionId));
  }

  @ContractRoute(routes.createWebhookSubscription)
  async create(@Body() body: BodyOf<typeof routes.createWebhookSubscription>, @Ctx() ctx: RequestContext) {
    const subscriptionId = randomUUID();
    const created = await this.run(ctx, subscriptionId, { type: 'CreateWebhookSubscription', data: { subscriptionId, ...body, ...this.transport() } }, true);
    return new WithHeaders(created, { Location: `/v1/webhooks/subscriptions/${subscriptionId}`, ETag: `"${created.revision}"` });
  }

  @ContractRoute(routes.updateWebhookSubscription)
  update(@Param() params: { subscriptionId: string }, @Body() body: BodyOf<typeof routes.updateWebhookSubscription>, @Ctx() ctx: RequestContext) {
    return this.run(ctx, params.subscriptionId, { type: 'UpdateWebhookSubscription', data: { ...body, ...this.transport() } });
  }

  @ContractRoute(routes.pauseWebhookSubscription)
  pause(@Param() params: { subscriptionId: string }, @Ctx() ctx: RequestContext) {
    return this.run(ctx, params.subscriptionId, { type: 'PauseWebhookSubscription', data: {} });
  }

  @ContractRoute(routes.resumeWebhookSubscription)
  resume(@Param() params: { subscriptionId: string }, @Ctx() ctx: RequestContext) {
    return this.run(ctx, params.subscriptionId, { type: 'ResumeWebhookSubscription', data: {} });
  }

  @ContractRoute(routes.rotateWebhookSecret)
  rotate(@Param() params: { subscriptionId: string }, @Ctx() ctx: RequestContext) {
    return this.run(ctx, params.subscriptionId, { type: 'RotateWebhookSecret', data: {} }, true);
  }

  @ContractRoute(routes.deleteWebhookSubscription)
  remove(@Param() params: { subscriptionId: string }, @Ctx() ctx: RequestContext) {
    return this.run(ctx, params.subscriptionId, { type: 'DeleteWebhookSubscription', data: {} });
  }

  @ContractRoute(routes.listWebhookDeliveries)
  async deliveries(@Query() query: QueryOf<typeof routes.listWebhookDeliveries>, @Ctx() ctx: RequestContext) {
    const items = this.store.deliveries(ctx.principal.municipality, { ...query, before: cursorParam(query.cursor), limit: query.limit });
    const last = items[items.length - 1];
    return { items: items.map((delivery) => this.deliveryView(delivery)), nextCursor: items.length === query.limit && last ? encodeCursor(last.seq) : null };
  }

  @ContractRoute(routes.getWebhookDelivery)
  delivery(@Param() params: { deliveryId: string }, @Ctx() ctx: RequestContext) {
    return this.deliveryDetail(this.ownDelivery(ctx, params.deliveryId));
  }

  @ContractRoute(routes.redriveWebhookDelivery)
  async redrive(@Param() params: { deliveryId: string }, @Ctx() ctx: RequestContext) {
    const delivery = this.ownDelivery(ctx, params.deliveryId);
    if (delivery.status !== 'dead') throw deliveryErrors.notDead(delivery.deliveryId, delivery.status);
    const command: WebhookSubscriptionCommand = { type: 'RedriveWebhookDelivery', data: { deliveryId: delivery.deliveryId } };
    return this.commands.run({ aggregate: 'webhook-subscription', id: delivery.subscriptionId, command }, ctx, async () => {
      await this.worker.ingest();
      return this.deliveryDetail(this.ownDelivery(ctx, delivery.deliveryId));
    });
  }

  /** Plain http is allowed to loopback addresses (the domain's rule) and, here decided, anywhere in development. */
  private transport() {
    return { plainHttpAllowed: this.config.NODE_ENV === 'development' };
  }

  private run(ctx: RequestContext, subscriptionId: string, command: WebhookSubscriptionCommand, withSecret = false): Promise<WebhookSubscription & { secret?: string }> {
    return this.commands.run({ aggregate: 'webhook-subscription', id: subscriptionId, command }, ctx, async () => {
      await this.worker.ingest();
      const stored = this.store.subscription(subscriptionId);
      if (!stored || stored.municipality !== ctx.principal.municipality) throw WebhookErrors.notFound(subscriptionId);
      // The secret is derived, never stored, and shown only in the answer to the command that made it.
      return withSecret ? { ...subscriptionView(stored), secret: this.secrets.secret(stored.municipality, subscriptionId, stored.secretVersion) } : subscriptionView(stored);
    });
  }

  private own(ctx: RequestContext, subscriptionId: string): StoredSubscription {
    const stored = this.store.subscription(subscriptionId);
    if (!stored || stored.municipality !== ctx.principal.municipality || stored.status === 'deleted') throw WebhookErrors.notFound(subscriptionId);
    return stored;
  }

  private ownDelivery(ctx: RequestContext, deliveryId: string): StoredDelivery {
    const delivery = this.store.delivery(ctx.principal.municipality, deliveryId);
    if (!delivery) throw deliveryErrors.notFound(deliveryId);
    return delivery;
  }

  private deliveryView(delivery: StoredDelivery) {
    const attempts = this.store.attempts(delivery.deliveryId);
    return {
      deliveryId: delivery.deliveryId,
      subscriptionId: delivery.subscriptionId,
      eventType: delivery.eventType,
      eventId: delivery.eventId,
      status: delivery.status,
      tries: delivery.tries,
      nextAttemptAt: delivery.status === 'pending' ? new Date(delivery.nextAttemptAt).toISOString() : undefined,
      createdAt: delivery.createdAt,
      deliveredAt: delivery.deliveredAt,
      deadAt: delivery.deadAt,
      lastStatusCode: attempts[attempts.length - 1]?.statusCode,
    };
  }

  private deliveryDetail(delivery: StoredDelivery) {
    return { ...this.deliveryView(delivery), payload: JSON.parse(delivery.payload) as unknown, attempts: this.store.attempts(delivery.deliveryId) };
  }
}

function subscriptionView(stored: StoredSubscription): WebhookSubscription {
  const { rotatedAt, ...rest } = stored;
  return { ...rest, secretRotatedAt: rotatedAt };
}
