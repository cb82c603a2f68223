import { WEBHOOK_EVENT_CATALOG, WEBHOOK_EVENT_TYPES } from '@familybank/domain-webhooks';
import { ACROSS_FIELDS, MunicipalityCode, PageQuery, ShortText, Timestamp, pageOf } from '../common.schemas';
import { z } from '../zod';

export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES).openapi('WebhookEventType', { description: 'A domain event one can subscribe to: GET /v1/webhooks/event-types lists them' });
export const WebhookEventTypeList = z
  .object({ items: z.array(z.object({ type: WebhookEventType, description: z.string() })) })
  .openapi('WebhookEventTypeList');
export const webhookEventTypeList = () => ({ items: WEBHOOK_EVENT_TYPES.map((type) => ({ type, description: WEBHOOK_EVENT_CATALOG[type].description })) });

const WebhookUrl = z
  .url({ protocol: /^https?$/, error: 'Expected an absolute http(s) URL' })
  .max(2000)
  .openapi({ description: 'Where deliveries are POSTed: https, except to a loopback address or in development', example: 'https://case.example.dk/familybank/webhooks' });
const EventTypes = z.array(WebhookEventType).min(1).max(WEBHOOK_EVENT_TYPES.length);
const SubscriptionId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'Expected 1–64 letters, digits, "-" or "_"');

export const CreateWebhookSubscriptionBody = z
  .strictObject({ url: WebhookUrl, eventTypes: EventTypes, description: ShortText.optional() })
  .openapi('CreateWebhookSubscription');
export const UpdateWebhookSubscriptionBody = z
  .strictObject({ url: WebhookUrl.optional(), eventTypes: EventTypes.optional(), description: ShortText.optional() })
  .refine((body) => Object.values(body).some((value) => value !== undefined), { params: ACROSS_FIELDS, error: 'Name at least one of url, eventTypes, description' })
  // JSON Schema can say it too, so that the document allows no empty change (the API answers it 422).
  .openapi('UpdateWebhookSubscription', { minProperties: 1 });
export const SubscriptionParams = z.object({ subscriptionId: SubscriptionId.openapi({ param: { name: 'subscriptionId', in: 'path' } }) });
export const EmptyBody = z.strictObject({}).openapi('NoFields');

export const WebhookSubscription = z
  .object({
    subscriptionId: z.string(),
    municipality: MunicipalityCode,
    url: z.string(),
    eventTypes: z.array(WebhookEventType),
    description: z.string().optional(),
    status: z.enum(['active', 'paused', 'deleted']),
    secretVersion: z.number().int().openapi({ description: 'Counts rotations; the secret itself is shown only when created or rotated' }),
    secretRotatedAt: Timestamp.optional(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    revision: z.number().int(),
  })
  .openapi('WebhookSubscription');
export type WebhookSubscription = z.infer<typeof WebhookSubscription>;

export const WebhookSubscriptionWithSecret = WebhookSubscription.extend({
  secret: z.string().openapi({ description: 'The signing secret (whsec_…): shown this once; store it with the receiver. For 24 hours after a rotation the previous secret signs too.' }),
}).openapi('WebhookSubscriptionWithSecret');
export const WebhookSubscriptionList = z.object({ items: z.array(WebhookSubscription) }).openapi('WebhookSubscriptionList');

export const DeliveryStatus = z.enum(['pending', 'delivered', 'dead', 'cancelled']).openapi('WebhookDeliveryStatus', {
  description: 'pending: waiting for its next try; delivered: a 2xx came back; dead: the last try failed (re-drive it); cancelled: the subscription was deleted',
});
export const WebhookAttempt = z
  .object({
    attempt: z.number().int(),
    startedAt: Timestamp,
    durationMs: z.number().int(),
    statusCode: z.number().int().optional(),
    error: z.string().optional().openapi({ description: 'Why no answer came: timeout, ECONNRESET, ECONNREFUSED…' }),
    outcome: z.enum(['delivered', 'failed', 'dead']),
  })
  .openapi('WebhookAttempt');
export const WebhookDelivery = z
  .object({
    deliveryId: z.string().openapi({ description: 'Sent as Webhook-Id: the same on every try; deduplicate by it' }),
    subscriptionId: z.string(),
    eventType: WebhookEventType,
    eventId: z.string(),
    status: DeliveryStatus,
    tries: z.number().int().openapi({ description: 'Tries since created or last re-driven' }),
    nextAttemptAt: Timestamp.optional(),
    createdAt: Timestamp,
    deliveredAt: Timestamp.optional(),
    deadAt: Timestamp.optional(),
    lastStatusCode: z.number().int().optional(),
  })
  .openapi('WebhookDelivery');
export const WebhookDeliveryDetail = WebhookDelivery.extend({
  payload: z.unknown().openapi({ description: 'The body sent (the same bytes on every try)' }),
  attempts: z.array(WebhookAttempt),
}).openapi('WebhookDeliveryDetail');
export const DeliveryQuery = PageQuery.extend({ subscriptionId: SubscriptionId.optional(), status: DeliveryStatus.optional(), eventType: WebhookEventType.optional() }).strict();
export const DeliveryPage = pageOf(WebhookDelivery, 'WebhookDeliveryPage');
export const DeliveryParams = z.object({ deliveryId: z.uuid().openapi({ param: { name: 'deliveryId', in: 'path' } }) });
