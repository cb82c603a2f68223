import { familyStreamId } from '@familybank/domain-family';
import { offerStreamId } from '@familybank/domain-offer';
import { PARTNER_REQUEST_STREAM_PREFIX, type PartnerRequestRef } from '@familybank/domain-partner-facts';
import { requestStreamId } from '@familybank/domain-request';

/** The kinds of resource a notification points to; each has a route the subscriber reads with its own token. */
export type WebhookResourceKind = 'family' | 'request' | 'offer' | 'inbox-request';

interface CatalogEntry {
  /** The stream kind and the event type in our log that this notification announces. */
  stream: WebhookResourceKind;
  event: string;
  description: string;
}

/**
 * The domain events a municipality may subscribe to, by their public name. Only events whose
 * announcement needs no personal data: the notification carries ids and a link, and the subscriber
 * reads the resource through the API (and its authorization) if it needs more.
 */
export const WEBHOOK_EVENT_CATALOG = {
  'family.registered': { stream: 'family', event: 'FamilyRegistered', description: 'A family was registered as a lead: first contact is due' },
  'family.approved': { stream: 'family', event: 'FamilyApproved', description: 'A family was approved' },
  'family.approval-renewed': { stream: 'family', event: 'ApprovalRenewed', description: 'A family’s approval was renewed' },
  'family.approval-expired': { stream: 'family', event: 'ApprovalExpired', description: 'A family’s approval ran out' },
  'family.suspended': { stream: 'family', event: 'FamilySuspended', description: 'A family was suspended' },
  'family.reserved': { stream: 'family', event: 'FamilyReserved', description: 'A family was reserved for a placement' },
  'family.assignment-ended': { stream: 'family', event: 'AssignmentEnded', description: 'A family’s assignment ended' },
  'request.opened': { stream: 'request', event: 'RequestOpened', description: 'A request for a family was opened' },
  'request.offer-received': { stream: 'request', event: 'OfferReceived', description: 'A partner offered a family for one of our requests' },
  'request.assignment-confirmed': { stream: 'request', event: 'AssignmentConfirmed', description: 'The owner confirmed the assignment of the accepted family' },
  'request.filled': { stream: 'request', event: 'RequestFilled', description: 'A request was filled' },
  'request.withdrawn': { stream: 'request', event: 'RequestWithdrawn', description: 'A request was withdrawn' },
  'request.expired': { stream: 'request', event: 'RequestExpired', description: 'A request passed its deadline unfilled' },
  'inbox.request-received': { stream: 'inbox-request', event: 'PartnerRequestReceived', description: 'A partner’s request arrived in our inbox' },
  'inbox.request-closed': { stream: 'inbox-request', event: 'PartnerRequestClosed', description: 'A partner’s request in our inbox was closed' },
  'offer.acceptance-received': { stream: 'offer', event: 'AcceptanceReceived', description: 'A requester accepted one of our offers' },
  'offer.assignment-confirmed': { stream: 'offer', event: 'AssignmentConfirmed', description: 'Our family’s assignment to a partner’s request was confirmed' },
  'offer.withdrawn': { stream: 'offer', event: 'OfferWithdrawn', description: 'One of our offers was withdrawn' },
  'offer.declined': { stream: 'offer', event: 'OfferDeclinedByRequester', description: 'A requester declined one of our offers' },
} as const satisfies Record<string, CatalogEntry>;

export type WebhookEventType = keyof typeof WEBHOOK_EVENT_CATALOG;
export const WEBHOOK_EVENT_TYPES = Object.keys(WEBHOOK_EVENT_CATALOG) as [WebhookEventType, ...WebhookEventType[]];
export const isWebhookEventType = (value: string): value is WebhookEventType => Object.hasOwn(WEBHOOK_EVENT_CATALOG, value);

/** One of our recorded events, as the log gives it. */
export interface LoggedEvent {
  eventId: string;
  streamId: string;
  type: string;
  data: unknown;
  /** The municipality that owns the stream: only its subscriptions are told. */
  municipality: string;
  occurredAt: string;
}

/** What a subscriber is told: which event, about which resource, and where to read it. */
export interface WebhookNotification {
  type: WebhookEventType;
  municipality: string;
  eventId: string;
  occurredAt: string;
  resource: { kind: WebhookResourceKind; id: string; href: string };
}

const STREAMS: ReadonlyArray<readonly [WebhookResourceKind, string]> = [
  ['family', familyStreamId('')],
  ['request', requestStreamId('')],
  ['offer', offerStreamId('')],
  ['inbox-request', PARTNER_REQUEST_STREAM_PREFIX],
];

function resourceOf(kind: WebhookResourceKind, streamId: string, prefix: string, data: unknown): WebhookNotification['resource'] {
  const id = streamId.slice(prefix.length);
  switch (kind) {
    case 'family':
      return { kind, id, href: `/v1/families/${id}` };
    case 'request':
      return { kind, id, href: `/v1/requests/${id}` };
    case 'offer':
      return { kind, id, href: '/v1/offers' };
    case 'inbox-request': {
      // The inbox names a partner's request by its requester and the requester's id.
      const { requester, requestId } = data as PartnerRequestRef;
      return { kind, id: `${requester}/${requestId}`, href: '/v1/inbox' };
    }
  }
}

/** The notification an event announces, or undefined for an event no subscriber may be told of. */
export function notificationFor(event: LoggedEvent): WebhookNotification | undefined {
  const stream = STREAMS.find(([, prefix]) => event.streamId.startsWith(prefix));
  if (!stream) return undefined;
  const [kind, prefix] = stream;
  const type = WEBHOOK_EVENT_TYPES.find((name) => WEBHOOK_EVENT_CATALOG[name].stream === kind && WEBHOOK_EVENT_CATALOG[name].event === event.type);
  if (!type) return undefined;
  return { type, municipality: event.municipality, eventId: event.eventId, occurredAt: event.occurredAt, resource: resourceOf(kind, event.streamId, prefix, event.data) };
}
