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
  return issuesByField(webhookRoutes.createWebhookSubscription.body.safeParse(subscriptionBody(draft)), 'url');
}

function issuesByField(result: { success: boolean; error?: { issues: ReadonlyArray<{ path: PropertyKey[]; code: string }> } }, whole: string): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of result.error?.issues ?? []) errors[String(issue.path[0] ?? whole)] ??= issue.code;
  return errors;
}

/** The edit form starts from the subscription as it stands. */
export const draftOf = (subscription: { url: string; eventTypes: readonly string[]; description?: string }): SubscriptionDraft => ({
  url: subscription.url,
  eventTypes: [...subscription.eventTypes],
  description: subscription.description ?? '',
});

/**
 * The PATCH body: only what differs from the subscription ("what is not named stays"). An emptied
 * description cannot be removed through the API, so it is left as it was.
 */
export function subscriptionChanges(subscription: SubscriptionDraft, draft: SubscriptionDraft): { url?: string; eventTypes?: string[]; description?: string } {
  const body = subscriptionBody(draft);
  const sameTypes = body.eventTypes.length === subscription.eventTypes.length && body.eventTypes.every((type) => subscription.eventTypes.includes(type));
  return {
    ...(body.url !== subscription.url ? { url: body.url } : {}),
    ...(sameTypes ? {} : { eventTypes: body.eventTypes }),
    ...(body.description !== undefined && body.description !== subscription.description ? { description: body.description } : {}),
  };
}

/**
 * Checks the changes with the API's PATCH schema. A form that changes nothing is named as such
 * (`unchanged`) rather than sent; unticking every event type is named on that field.
 */
export function checkChanges(subscription: SubscriptionDraft, draft: SubscriptionDraft): Record<string, string> {
  const changes = subscriptionChanges(subscription, draft);
  if (Object.keys(changes).length === 0) return { form: 'unchanged' };
  return issuesByField(webhookRoutes.updateWebhookSubscription.body.safeParse(changes), 'form');
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
