import { WEBHOOK_SUBSCRIPTION_STREAM_PREFIX, type WebhookSubscriptionEvent } from '@familybank/domain-webhooks';
import type { RecordedEvent } from '@familybank/event-store';
import { v5 as uuidv5 } from 'uuid';
import type { StoredSubscription } from './delivery-store';

const DELIVERY_ID_NAMESPACE = '8d0c2f5e-61a4-4d1b-9f57-2b4c7e0a9d13';

/** Stable across restarts, replays and re-drives: the receiver's idempotency key (`Webhook-Id`). */
export const deliveryIdOf = (subscriptionId: string, eventId: string): string => uuidv5(`${subscriptionId}:${eventId}`, DELIVERY_ID_NAMESPACE);

export const isSubscriptionEvent = (event: RecordedEvent): boolean => event.streamId.startsWith(WEBHOOK_SUBSCRIPTION_STREAM_PREFIX);

/** What one event of a subscription's stream changes in the worker's store. */
export interface SubscriptionChange {
  subscription?: StoredSubscription;
  /** A dead letter an administrator sent again. */
  redrive?: string;
  /** The subscription is gone: what waits for it is not sent. */
  cancelPending?: boolean;
}

/** Folds one event of a subscription's stream into the subscription as the worker keeps it. */
export function subscriptionChange(current: StoredSubscription | undefined, recorded: RecordedEvent): SubscriptionChange {
  const event = recorded as unknown as WebhookSubscriptionEvent;
  const at = recorded.metadata.occurredAt;
  const touched = (changes: Partial<StoredSubscription>): SubscriptionChange =>
    current ? { subscription: { ...current, ...changes, updatedAt: at, revision: recorded.revision } } : {};
  switch (event.type) {
    case 'WebhookSubscriptionCreated': {
      const { subscriptionId, url, eventTypes, description, secretVersion } = event.data;
      const created: StoredSubscription = { subscriptionId, municipality: recorded.metadata.municipality, url, eventTypes, description, status: 'active', secretVersion, createdAt: at, updatedAt: at, revision: recorded.revision };
      return { subscription: created };
    }
    case 'WebhookSubscriptionUpdated':
      return touched({ url: event.data.url, eventTypes: event.data.eventTypes, description: event.data.description });
    case 'WebhookSubscriptionPaused':
      return touched({ status: 'paused' });
    case 'WebhookSubscriptionResumed':
      return touched({ status: 'active' });
    case 'WebhookSecretRotated':
      return touched({ secretVersion: event.data.secretVersion, rotatedAt: at });
    case 'WebhookSubscriptionDeleted':
      return { ...touched({ status: 'deleted' }), cancelPending: true };
    case 'WebhookDeliveryRedriven':
      return { ...touched({}), redrive: event.data.deliveryId };
    default:
      return {};
  }
}
