import { Logger } from '@nestjs/common';
import { notificationFor } from '@familybank/domain-webhooks';
import type { EventStore, RecordedEvent } from '@familybank/event-store';
import { checkpointDue } from '../platform/runners/checkpoint-pace';
import type { Clock } from '../platform/tokens';
import type { DeliveryStore, StoredDelivery, StoredSubscription } from './delivery-store';
import { nextRetryDelay, type RetryPolicy } from './retry-schedule';
import { deliveryIdOf, isSubscriptionEvent, subscriptionChange } from './subscription-log';
import type { WebhookSecrets } from './webhook-secrets';
import { signWebhook } from './webhook-signature';
import { webhookPayload } from './webhook-payload';
import { InternalTargetError, postWebhook } from './webhook-egress';

const BATCH = 200;
const IN_FLIGHT = 8;
/** After a rotation the previous secret signs too, for this long, so a receiver can switch without losing messages. */
export const ROTATION_OVERLAP_MS = 24 * 3_600_000;
const MAX_SLEEP_MS = 60_000;

export interface WebhookWorkerOptions {
  retry: RetryPolicy;
  /** An attempt that has no answer by then failed (the receiver should answer fast and work afterwards). */
  timeoutMs: number;
  /** Loopback and private receivers (development, tests); a production node refuses them (server-side request forgery). */
  allowInternalTargets?: boolean;
  random?: () => number;
}

/**
 * Sends our events to the subscribed receivers, driven by the event log from its own checkpoint
 * (like the outbox relay). Ingesting is local and fast: each batch folds the subscriptions' events and
 * adds one delivery per (active subscription, subscribed event), with the checkpoint, in one
 * transaction. Dispatching sends what is due, records every attempt, and schedules the next try by
 * the backoff policy until the last one makes the delivery a dead letter. At least once: a delivery
 * is marked done only after a 2xx, and its id stays the same, so receivers deduplicate by it.
 */
export class WebhookWorker {
  private readonly logger = new Logger('Webhooks');
  private ingesting: Promise<void> = Promise.resolve();
  private queuedIngest?: Promise<number>;
  private dispatching?: Promise<void>;
  private again = false;
  /** The last dispatch round found nothing more due and nothing was ingested since: a nudge need not ask again. */
  private quiet = false;
  /** How far the log is ingested; the stored checkpoint may lag behind it (see checkpointDue). */
  private reached?: number;
  private stored?: number;
  private timer?: NodeJS.Timeout;
  private readonly stopping = new AbortController();

  constructor(
    private readonly events: EventStore,
    private readonly store: DeliveryStore,
    private readonly secrets: WebhookSecrets,
    private readonly clock: Clock,
    private readonly options: WebhookWorkerOptions,
  ) {}

  position(): number {
    return this.reached ?? this.store.progress()?.position ?? 0;
  }

  /**
   * Reads the log to its end (queued: one reader at a time). Callers while a run waits to start
   * share that run (it sees everything appended before it starts), so a group commit of fifty
   * commands costs one read, not fifty. Resolves with the position reached.
   */
  ingest(): Promise<number> {
    if (this.queuedIngest) return this.queuedIngest;
    const run = () => {
      this.queuedIngest = undefined;
      return this.ingestToEnd();
    };
    this.ingesting = this.ingesting.then(run, run);
    this.queuedIngest = this.ingesting.then(() => this.position());
    return this.queuedIngest;
  }

  /** After an append (and on an interval): ingest, then send what is due. Errors are logged; the next nudge retries. */
  nudge(): void {
    if (this.stopping.signal.aborted) return;
    this.ingest()
      .then(() => (this.quiet ? undefined : this.dispatch()))
      .catch((error: Error) => this.logger.warn(`Webhook deliveries paused: ${error.message}`));
  }

  /** Sends every due delivery; a call while a round runs makes it go round once more. */
  dispatch(): Promise<void> {
    if (this.dispatching) {
      this.again = true;
      return this.dispatching;
    }
    this.dispatching = this.dispatchRounds()
      .catch((error: Error) => {
        // Asked again by the next nudge (not only by the next event).
        this.quiet = false;
        throw error;
      })
      .finally(() => {
        this.dispatching = undefined;
        this.scheduleWake();
      });
    return this.dispatching;
  }

  /** Stops sending: an attempt cut short is not recorded, and is sent again (same id) after a restart. */
  async close(): Promise<void> {
    this.stopping.abort();
    clearTimeout(this.timer);
    await this.ingesting.catch(() => undefined);
    await this.dispatching?.catch(() => undefined);
    this.storeCheckpoint();
  }

  private async ingestToEnd(): Promise<void> {
    if (!this.store.progress()) this.store.begin(await this.events.lastPosition());
    const { position: stored, activeFrom } = this.store.progress()!;
    this.stored = stored;
    for (;;) {
      const batch = await this.events.readAll({ after: Math.max(this.reached ?? 0, stored), limit: BATCH });
      if (batch.length === 0) return;
      const last = batch[batch.length - 1]!.position;
      // Read-only unless something is added: a transaction that writes nothing commits without an fsync.
      this.store.transaction(() => {
        let added = false;
        for (const event of batch) added = this.ingestOne(event, activeFrom) || added;
        if (added) this.quiet = false;
        return added || checkpointDue(this.stored!, last) ? last : undefined;
      }, this.rememberStored);
      this.reached = last;
    }
  }

  private readonly rememberStored = (position: number) => (this.stored = position);

  /** Writes the checkpoint held in memory (on close); a failure only means those events are read again. */
  private storeCheckpoint(): void {
    if (this.reached === undefined || this.reached === this.stored) return;
    const reached = this.reached;
    try {
      this.store.transaction(() => reached, this.rememberStored);
    } catch (error) {
      this.logger.warn(`Webhook checkpoint not stored: ${(error as Error).message}`);
    }
  }

  /** Folds one event; true when it wrote something (a subscription, a delivery, a re-drive, a cancellation). */
  private ingestOne(event: RecordedEvent, activeFrom: number): boolean {
    if (isSubscriptionEvent(event)) {
      const subscriptionId = event.streamId.slice('webhook-subscription-'.length);
      const change = subscriptionChange(this.store.subscription(subscriptionId), event);
      if (change.subscription) this.store.putSubscription(change.subscription);
      if (change.redrive) this.store.redrive(subscriptionId, change.redrive, this.clock().getTime());
      if (change.cancelPending) this.store.cancelPending(subscriptionId);
      return true;
    }
    // On its first start the worker learns the subscriptions from history but announces only what follows.
    if (event.position <= activeFrom) return false;
    const notification = notificationFor({ ...event, municipality: event.metadata.municipality, occurredAt: event.metadata.occurredAt });
    if (!notification) return false;
    const subscribers = this.store.subscribers(notification.municipality, notification.type);
    for (const subscription of subscribers) {
      const deliveryId = deliveryIdOf(subscription.subscriptionId, event.eventId);
      this.store.addDelivery({
        deliveryId,
        subscriptionId: subscription.subscriptionId,
        municipality: notification.municipality,
        eventId: event.eventId,
        eventType: notification.type,
        payload: webhookPayload(notification, subscription.subscriptionId, deliveryId),
        nextAttemptAt: this.clock().getTime(),
        createdAt: this.clock().toISOString(),
      });
    }
    return subscribers.length > 0;
  }

  private async dispatchRounds(): Promise<void> {
    do {
      this.again = false;
      this.quiet = true;
      for (;;) {
        if (this.stopping.signal.aborted) return;
        // One attempt in flight per subscription: a slow receiver holds up only itself.
        const due = this.store.due(this.clock().getTime(), BATCH).filter((delivery, index, all) => all.findIndex((other) => other.subscriptionId === delivery.subscriptionId) === index);
        if (due.length === 0) break;
        for (let start = 0; start < due.length; start += IN_FLIGHT) await Promise.all(due.slice(start, start + IN_FLIGHT).map((delivery) => this.attempt(delivery)));
      }
    } while (this.again);
  }

  private async attempt(delivery: StoredDelivery): Promise<void> {
    const subscription = this.store.subscription(delivery.subscriptionId);
    if (!subscription || subscription.status !== 'active') return;
    const startedAt = this.clock();
    const started = performance.now();
    const headers = signWebhook({ id: delivery.deliveryId, timestampSeconds: Math.floor(startedAt.getTime() / 1000), body: delivery.payload, secrets: this.secretsOf(subscription) });
    let statusCode: number | undefined;
    let error: string | undefined;
    // Its own controller per attempt (not AbortSignal.any on the long-lived stop signal, which would keep a listener per attempt).
    const cut = new AbortController();
    const timeout = setTimeout(() => cut.abort(new DOMException('timeout', 'TimeoutError')), this.options.timeoutMs);
    const stop = () => cut.abort(this.stopping.signal.reason);
    this.stopping.signal.addEventListener('abort', stop, { once: true });
    try {
      // A redirect is an answer, not a success: following it could send our events somewhere the subscriber never named.
      statusCode = await postWebhook(subscription.url, {
        headers: { ...headers, 'content-type': 'application/json', 'user-agent': 'familybank-webhooks/1' },
        body: delivery.payload,
        signal: cut.signal,
        allowInternalTargets: this.options.allowInternalTargets ?? false,
      });
    } catch (caught) {
      if (this.stopping.signal.aborted) return;
      error = describe(caught as Error);
    } finally {
      clearTimeout(timeout);
      this.stopping.signal.removeEventListener('abort', stop);
    }
    const durationMs = Math.round(performance.now() - started);
    const delivered = statusCode !== undefined && statusCode >= 200 && statusCode < 300;
    const delay = delivered ? undefined : nextRetryDelay(this.options.retry, delivery.tries + 1, (this.options.random ?? Math.random)());
    const outcome = delivered ? 'delivered' : delay === undefined ? 'dead' : 'failed';
    this.store.recordAttempt(delivery.deliveryId, { startedAt: startedAt.toISOString(), durationMs, statusCode, error, outcome }, outcome === 'failed' ? { status: 'pending', at: this.clock().getTime() + delay! } : { status: outcome });
    if (outcome === 'dead') this.logger.warn(`Webhook delivery ${delivery.deliveryId} to subscription ${subscription.subscriptionId} is a dead letter after ${delivery.tries + 1} tries`);
  }

  private secretsOf(subscription: StoredSubscription): string[] {
    const { municipality, subscriptionId, secretVersion, rotatedAt } = subscription;
    const current = this.secrets.secret(municipality, subscriptionId, secretVersion);
    const overlapping = rotatedAt && this.clock().getTime() - Date.parse(rotatedAt) < ROTATION_OVERLAP_MS;
    return overlapping ? [current, this.secrets.secret(municipality, subscriptionId, secretVersion - 1)] : [current];
  }

  /** Wakes up when the next retry falls due (events wake it through nudge()). */
  private scheduleWake(): void {
    clearTimeout(this.timer);
    const next = this.store.nextDue();
    if (next === undefined || this.stopping.signal.aborted) return;
    const wait = Math.min(MAX_SLEEP_MS, Math.max(10, next - this.clock().getTime()));
    this.timer = setTimeout(() => void this.dispatch().catch((error: Error) => this.logger.warn(`Webhook deliveries paused: ${error.message}`)), wait).unref();
  }
}

function describe(error: Error): string {
  const cause = (error as Error & { cause?: { name?: string; code?: unknown; message?: string } }).cause;
  if (error.name === 'TimeoutError' || cause?.name === 'TimeoutError') return 'timeout';
  if (error instanceof InternalTargetError) return `${error.code}: ${error.message}`;
  const code = (error as Error & { code?: unknown }).code;
  if (typeof code === 'string') return code;
  return typeof cause?.code === 'string' ? cause.code : (cause?.message ?? error.message);
}
