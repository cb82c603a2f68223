import type { WebhookNotification } from '@familybank/domain-webhooks';

/**
 * The body a receiver gets, in the Standard Webhooks shape `{type, timestamp, data}`: thin on
 * purpose. It says which event happened to which resource of the subscriber's own municipality and
 * where to read it; no name, address or other field of the resource, so personal data stays behind
 * the API's authorization. Built once per delivery and stored, so every retry sends the same bytes.
 */
export interface WebhookPayload {
  type: WebhookNotification['type'];
  /** When the event happened (not when this attempt was made: that is Webhook-Timestamp). */
  timestamp: string;
  data: {
    deliveryId: string;
    subscriptionId: string;
    municipality: string;
    eventId: string;
    resource: WebhookNotification['resource'];
  };
}

export function webhookPayload(notification: WebhookNotification, subscriptionId: string, deliveryId: string): string {
  const payload: WebhookPayload = {
    type: notification.type,
    timestamp: notification.occurredAt,
    data: { deliveryId, subscriptionId, municipality: notification.municipality, eventId: notification.eventId, resource: notification.resource },
  };
  return JSON.stringify(payload);
}
