import { deciderSpecification } from '@familybank/domain-core/testing';
import { webhookSubscriptionDecider, type WebhookSubscriptionEvent } from './subscription';

const spec = deciderSpecification(webhookSubscriptionDecider, { now: new Date('2026-12-01T10:00:00Z') });
const url = 'https://case.vejle.dk/hooks/familybank';
const created: WebhookSubscriptionEvent[] = [
  { type: 'WebhookSubscriptionCreated', data: { subscriptionId: 's1', url, eventTypes: ['family.approved', 'request.opened'], secretVersion: 1 } },
];
const production = { plainHttpAllowed: false };

describe('webhook subscription', () => {
  it('create records the target with event types sorted and without repeats, and secret version 1', () => {
    spec
      .given([])
      .when({ type: 'CreateWebhookSubscription', data: { subscriptionId: 's1', url, eventTypes: ['request.opened', 'family.approved', 'request.opened'], ...production } })
      .then(created);
  });

  it('create, with plain http to another host outside development, is refused', () => {
    spec
      .given([])
      .when({ type: 'CreateWebhookSubscription', data: { subscriptionId: 's1', url: 'http://case.vejle.dk/hooks', eventTypes: ['family.approved'], ...production } })
      .thenThrows('WEBHOOK.HTTPS_REQUIRED');
  });

  it('create, with plain http to a loopback address or in development, is allowed', () => {
    for (const loopback of ['http://127.0.0.1:8080/in', 'http://localhost/in', 'http://[::1]:9000/in']) {
      spec.given([]).when({ type: 'CreateWebhookSubscription', data: { subscriptionId: 's1', url: loopback, eventTypes: ['family.approved'], ...production } }).then([
        { type: 'WebhookSubscriptionCreated', data: { subscriptionId: 's1', url: loopback, eventTypes: ['family.approved'], secretVersion: 1 } },
      ]);
    }
    spec
      .given([])
      .when({ type: 'CreateWebhookSubscription', data: { subscriptionId: 's1', url: 'http://receiver.test/in', eventTypes: ['family.approved'], plainHttpAllowed: true } })
      .then([{ type: 'WebhookSubscriptionCreated', data: { subscriptionId: 's1', url: 'http://receiver.test/in', eventTypes: ['family.approved'], secretVersion: 1 } }]);
  });

  it('create, with credentials in the URL, another scheme, no event type or an unknown one, is refused', () => {
    const create = (data: { url: string; eventTypes: string[] }) =>
      spec.given([]).when({ type: 'CreateWebhookSubscription', data: { subscriptionId: 's1', ...production, ...data } as never });
    create({ url: 'https://user:pw@case.vejle.dk/', eventTypes: ['family.approved'] }).thenThrows('WEBHOOK.INVALID_URL');
    create({ url: 'ftp://case.vejle.dk/', eventTypes: ['family.approved'] }).thenThrows('WEBHOOK.INVALID_URL');
    create({ url: 'not a url', eventTypes: ['family.approved'] }).thenThrows('WEBHOOK.INVALID_URL');
    create({ url, eventTypes: [] }).thenThrows('WEBHOOK.NO_EVENT_TYPES');
    create({ url, eventTypes: ['family.background-check-received'] }).thenThrows('WEBHOOK.UNKNOWN_EVENT_TYPE', { eventType: 'family.background-check-received' });
  });

  it('create, on a subscription that exists, is refused', () => {
    spec.given(created).when({ type: 'CreateWebhookSubscription', data: { subscriptionId: 's1', url, eventTypes: ['family.approved'], ...production } }).thenThrows('WEBHOOK.SUBSCRIPTION_EXISTS');
  });

  it('update changes what is given and keeps the rest; an update that changes nothing records nothing', () => {
    spec.given(created).when({ type: 'UpdateWebhookSubscription', data: { eventTypes: ['offer.withdrawn'], ...production } }).then([
      { type: 'WebhookSubscriptionUpdated', data: { url, eventTypes: ['offer.withdrawn'] } },
    ]);
    spec.given(created).when({ type: 'UpdateWebhookSubscription', data: { eventTypes: ['request.opened', 'family.approved'], ...production } }).then([]);
  });

  it('update to plain http outside development is refused', () => {
    spec.given(created).when({ type: 'UpdateWebhookSubscription', data: { url: 'http://case.vejle.dk/', ...production } }).thenThrows('WEBHOOK.HTTPS_REQUIRED');
  });

  it('pause and resume; pausing a paused subscription records nothing', () => {
    const paused: WebhookSubscriptionEvent[] = [...created, { type: 'WebhookSubscriptionPaused', data: {} }];
    spec.given(created).when({ type: 'PauseWebhookSubscription', data: {} }).then([{ type: 'WebhookSubscriptionPaused', data: {} }]);
    spec.given(paused).when({ type: 'PauseWebhookSubscription', data: {} }).then([]);
    spec.given(paused).when({ type: 'ResumeWebhookSubscription', data: {} }).then([{ type: 'WebhookSubscriptionResumed', data: {} }]);
    spec.given(created).when({ type: 'ResumeWebhookSubscription', data: {} }).then([]);
  });

  it('rotating the secret records the next version, never the secret', () => {
    const rotated: WebhookSubscriptionEvent[] = [...created, { type: 'WebhookSecretRotated', data: { secretVersion: 2 } }];
    spec.given(rotated).when({ type: 'RotateWebhookSecret', data: {} }).then([{ type: 'WebhookSecretRotated', data: { secretVersion: 3 } }]);
  });

  it('a deleted subscription is not found for any later command', () => {
    const deleted: WebhookSubscriptionEvent[] = [...created, { type: 'WebhookSubscriptionDeleted', data: {} }];
    spec.given(created).when({ type: 'DeleteWebhookSubscription', data: {} }).then([{ type: 'WebhookSubscriptionDeleted', data: {} }]);
    spec.given(deleted).when({ type: 'DeleteWebhookSubscription', data: {} }).thenThrows('WEBHOOK.SUBSCRIPTION_NOT_FOUND');
    spec.given(deleted).when({ type: 'RotateWebhookSecret', data: {} }).thenThrows('WEBHOOK.SUBSCRIPTION_NOT_FOUND');
    spec.given(deleted).when({ type: 'RedriveWebhookDelivery', data: { deliveryId: 'd1' } }).thenThrows('WEBHOOK.SUBSCRIPTION_NOT_FOUND');
  });

  it('a redrive of a delivery is recorded on the subscription, with the acting user in its metadata', () => {
    spec.given(created).when({ type: 'RedriveWebhookDelivery', data: { deliveryId: 'd1' } }).then([{ type: 'WebhookDeliveryRedriven', data: { deliveryId: 'd1' } }]);
  });
});
