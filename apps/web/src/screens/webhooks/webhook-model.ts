import { webhookRoutes } from '@familybank/contracts';

/** The create form as typed. */
export interface SubscriptionDraft {
  url: string;
  description: string;
  eventTypes: string[];
}

export const EMPTY_DRAFT: SubscriptionDraft = { url: '', description: '', eventTypes: [] };

/** The draft as the API's body: trimmed, an empty description left out. */
export function subscriptionBody(draft: SubscriptionDraft): { url: string; eventTypes: string[]; description?: string } {
  const description = draft.description.trim();
  return { url: draft.url.trim(), eventTypes: [...draft.eventTypes], ...(description ? { description } : {}) };
}

/** Checks the draft with the API's own body schema; issues by field with zod's code, so they show beside the field. */
export function checkSubscription(draft: SubscriptionDraft): Record<string, string> {
  const result = webhookRoutes.createWebhookSubscription.body.safeParse(subscriptionBody(draft));
  if (result.success) return {};
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[String(issue.path[0] ?? 'url')] ??= issue.code;
  return errors;
}

/** Ticks or unticks one event type, keeping the catalogue's order of the others. */
export function toggleEventType(selected: readonly string[], type: string, on: boolean): string[] {
  return on ? (selected.includes(type) ? [...selected] : [...selected, type]) : selected.filter((other) => other !== type);
}

export const DELIVERY_STATUSES = ['pending', 'delivered', 'dead', 'cancelled'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** The delivery log's query: a status of '' is every delivery; `dead` lists the dead letters. */
export function deliveryQuery(status: DeliveryStatus | '', cursor?: string): { status?: DeliveryStatus; cursor?: string; limit: number } {
  return { limit: 25, ...(status ? { status } : {}), ...(cursor ? { cursor } : {}) };
}
