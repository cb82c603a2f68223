import { DomainError, assertNever, ensure, type DecisionContext, type Message } from '@familybank/domain-core';
import { isWebhookEventType, type WebhookEventType } from './webhook-events';

/**
 * A municipality's webhook subscription (stream `webhook-subscription-<id>`): where to send which
 * notifications. Every change is an event with the acting user. The secret never is: events carry
 * only its version, and the node derives the secret of a version from a key of its own, so the log
 * can be read, copied and rebuilt from without exposing a single secret.
 */
export const WEBHOOK_SUBSCRIPTION_STREAM_PREFIX = 'webhook-subscription-';
export const webhookSubscriptionStreamId = (subscriptionId: string) => `${WEBHOOK_SUBSCRIPTION_STREAM_PREFIX}${subscriptionId}`;

export interface SubscriptionTarget {
  url: string;
  eventTypes: WebhookEventType[];
  description?: string;
}

/**
 * Plain http is allowed to a loopback address (the traffic never leaves the machine) or when the
 * node runs in development; the handler says which (`NODE_ENV`), the rule is here.
 */
export interface TransportPolicy {
  plainHttpAllowed: boolean;
}

export type WebhookSubscriptionCommand =
  | Message<'CreateWebhookSubscription', SubscriptionTarget & TransportPolicy & { subscriptionId: string }>
  | Message<'UpdateWebhookSubscription', Partial<SubscriptionTarget> & TransportPolicy>
  | Message<'PauseWebhookSubscription', Record<string, never>>
  | Message<'ResumeWebhookSubscription', Record<string, never>>
  | Message<'RotateWebhookSecret', Record<string, never>>
  | Message<'DeleteWebhookSubscription', Record<string, never>>
  /** An administrator sends a dead-lettered delivery again (the delivery log checked that it is dead). */
  | Message<'RedriveWebhookDelivery', { deliveryId: string }>;

export type WebhookSubscriptionEvent =
  | Message<'WebhookSubscriptionCreated', SubscriptionTarget & { subscriptionId: string; secretVersion: number }>
  | Message<'WebhookSubscriptionUpdated', SubscriptionTarget>
  | Message<'WebhookSubscriptionPaused', Record<string, never>>
  | Message<'WebhookSubscriptionResumed', Record<string, never>>
  | Message<'WebhookSecretRotated', { secretVersion: number }>
  | Message<'WebhookSubscriptionDeleted', Record<string, never>>
  | Message<'WebhookDeliveryRedriven', { deliveryId: string }>;

export type WebhookSubscriptionState =
  | { status: 'none' }
  | (SubscriptionTarget & { status: 'active' | 'paused'; subscriptionId: string; secretVersion: number })
  | { status: 'deleted'; subscriptionId: string };

export const initialWebhookSubscriptionState = (): WebhookSubscriptionState => ({ status: 'none' });

export const WebhookErrors = {
  notFound: (subscriptionId: string) => new DomainError('WEBHOOK.SUBSCRIPTION_NOT_FOUND', 'not-found', `No webhook subscription ${subscriptionId}`, { subscriptionId }),
  alreadyExists: () => new DomainError('WEBHOOK.SUBSCRIPTION_EXISTS', 'conflict', 'This subscription exists already'),
  httpsRequired: (url: string) =>
    new DomainError('WEBHOOK.HTTPS_REQUIRED', 'rule', 'A webhook URL must use https, except to a loopback address (localhost, 127.0.0.1, [::1]) or in development', { url }),
  invalidUrl: (url: string) => new DomainError('WEBHOOK.INVALID_URL', 'rule', 'A webhook URL is an absolute http(s) URL without credentials or fragment', { url }),
  noEventTypes: () => new DomainError('WEBHOOK.NO_EVENT_TYPES', 'rule', 'Subscribe to at least one event type'),
  unknownEventType: (eventType: string) => new DomainError('WEBHOOK.UNKNOWN_EVENT_TYPE', 'rule', `${eventType} is not an event type one can subscribe to`, { eventType }),
};

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

function ensureUrl(url: string, policy: TransportPolicy): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw WebhookErrors.invalidUrl(url);
  }
  ensure((parsed.protocol === 'https:' || parsed.protocol === 'http:') && !parsed.username && !parsed.password && !parsed.hash, () => WebhookErrors.invalidUrl(url));
  ensure(parsed.protocol === 'https:' || policy.plainHttpAllowed || LOOPBACK.test(parsed.hostname), () => WebhookErrors.httpsRequired(url));
}

function target(data: SubscriptionTarget, policy: TransportPolicy): SubscriptionTarget {
  ensureUrl(data.url, policy);
  ensure(data.eventTypes.length > 0, WebhookErrors.noEventTypes);
  for (const eventType of data.eventTypes) ensure(isWebhookEventType(eventType), () => WebhookErrors.unknownEventType(eventType));
  // Sorted and without repeats: the same subscription reads the same whichever order it was sent in.
  const eventTypes = [...new Set(data.eventTypes)].sort();
  return data.description === undefined ? { url: data.url, eventTypes } : { url: data.url, eventTypes, description: data.description };
}

export function decideWebhookSubscription(command: WebhookSubscriptionCommand, state: WebhookSubscriptionState, _context: DecisionContext): WebhookSubscriptionEvent[] {
  if (command.type === 'CreateWebhookSubscription') {
    ensure(state.status === 'none', WebhookErrors.alreadyExists);
    const { subscriptionId, plainHttpAllowed, ...data } = command.data;
    return [{ type: 'WebhookSubscriptionCreated', data: { subscriptionId, ...target(data, { plainHttpAllowed }), secretVersion: 1 } }];
  }
  // A deleted subscription is gone: every later command is told so, as for one that never existed.
  if (state.status === 'none' || state.status === 'deleted') throw WebhookErrors.notFound(state.status === 'deleted' ? state.subscriptionId : '');
  switch (command.type) {
    case 'UpdateWebhookSubscription': {
      const { plainHttpAllowed, ...changes } = command.data;
      const next = target(
        { url: changes.url ?? state.url, eventTypes: changes.eventTypes ?? state.eventTypes, description: changes.description ?? state.description },
        { plainHttpAllowed },
      );
      const unchanged = next.url === state.url && next.description === state.description && next.eventTypes.join() === state.eventTypes.join();
      return unchanged ? [] : [{ type: 'WebhookSubscriptionUpdated', data: next }];
    }
    case 'PauseWebhookSubscription':
      return state.status === 'paused' ? [] : [{ type: 'WebhookSubscriptionPaused', data: {} }];
    case 'ResumeWebhookSubscription':
      return state.status === 'active' ? [] : [{ type: 'WebhookSubscriptionResumed', data: {} }];
    case 'RotateWebhookSecret':
      return [{ type: 'WebhookSecretRotated', data: { secretVersion: state.secretVersion + 1 } }];
    case 'DeleteWebhookSubscription':
      return [{ type: 'WebhookSubscriptionDeleted', data: {} }];
    case 'RedriveWebhookDelivery':
      return [{ type: 'WebhookDeliveryRedriven', data: { deliveryId: command.data.deliveryId } }];
    default:
      return assertNever(command);
  }
}

export function evolveWebhookSubscription(state: WebhookSubscriptionState, event: WebhookSubscriptionEvent): WebhookSubscriptionState {
  switch (event.type) {
    case 'WebhookSubscriptionCreated': {
      const { subscriptionId, secretVersion, ...data } = event.data;
      return { status: 'active', subscriptionId, secretVersion, ...data };
    }
    case 'WebhookSubscriptionUpdated':
      return state.status === 'active' || state.status === 'paused' ? { ...state, url: event.data.url, eventTypes: event.data.eventTypes, description: event.data.description } : state;
    case 'WebhookSubscriptionPaused':
      return state.status === 'active' ? { ...state, status: 'paused' } : state;
    case 'WebhookSubscriptionResumed':
      return state.status === 'paused' ? { ...state, status: 'active' } : state;
    case 'WebhookSecretRotated':
      return state.status === 'active' || state.status === 'paused' ? { ...state, secretVersion: event.data.secretVersion } : state;
    case 'WebhookSubscriptionDeleted':
      return state.status === 'none' ? state : { status: 'deleted', subscriptionId: state.subscriptionId };
    case 'WebhookDeliveryRedriven':
      return state;
    default:
      return assertNever(event);
  }
}

export const webhookSubscriptionDecider = {
  decide: decideWebhookSubscription,
  evolve: evolveWebhookSubscription,
  initialState: initialWebhookSubscriptionState,
};
