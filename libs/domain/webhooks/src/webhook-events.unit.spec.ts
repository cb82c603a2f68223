import { WEBHOOK_EVENT_CATALOG, WEBHOOK_EVENT_TYPES, notificationFor, type LoggedEvent } from './webhook-events';

const logged = (streamId: string, type: string, data: unknown = {}): LoggedEvent => ({
  eventId: 'e1',
  streamId,
  type,
  data,
  municipality: '0630',
  occurredAt: '2026-12-01T10:00:00.000Z',
});

describe('webhook notifications', () => {
  it('an approval announces the family by id and link, and nothing of its data', () => {
    const notification = notificationFor(logged('family-f1', 'FamilyApproved', { careTypes: ['respite'], conditions: 'Only weekends, the Hansen family' }));
    expect(notification).toEqual({
      type: 'family.approved',
      municipality: '0630',
      eventId: 'e1',
      occurredAt: '2026-12-01T10:00:00.000Z',
      resource: { kind: 'family', id: 'f1', href: '/v1/families/f1' },
    });
  });

  it('the same event type on different streams is told apart by its stream', () => {
    expect(notificationFor(logged('request-r1', 'AssignmentConfirmed'))?.type).toBe('request.assignment-confirmed');
    expect(notificationFor(logged('offer-o1', 'AssignmentConfirmed'))?.type).toBe('offer.assignment-confirmed');
    expect(notificationFor(logged('family-f1', 'AssignmentEnded'))?.type).toBe('family.assignment-ended');
    expect(notificationFor(logged('request-r1', 'AssignmentEnded'))).toBeUndefined();
  });

  it('a partner’s request in our inbox is named by requester and request id', () => {
    expect(notificationFor(logged('partner-request-0630-0265-r9', 'PartnerRequestReceived', { requester: '0265', requestId: 'r9' }))?.resource).toEqual({
      kind: 'inbox-request',
      id: '0265/r9',
      href: '/v1/inbox',
    });
  });

  it('events outside the catalog (background checks, profiles, partner facts, subscriptions) announce nothing', () => {
    expect(notificationFor(logged('family-f1', 'BackgroundCheckReceived'))).toBeUndefined();
    expect(notificationFor(logged('family-f1', 'ProfileUpdated'))).toBeUndefined();
    expect(notificationFor(logged('partner-pool-0630-0265', 'PartnerProfilePublished'))).toBeUndefined();
    expect(notificationFor(logged('webhook-subscription-s1', 'WebhookSubscriptionCreated'))).toBeUndefined();
  });

  it('every event type of the catalog is announced by its event on its stream', () => {
    const prefixes = { family: 'family-x', request: 'request-x', offer: 'offer-x', 'inbox-request': 'partner-request-0630-0265-x' } as const;
    for (const type of WEBHOOK_EVENT_TYPES) {
      const { stream, event } = WEBHOOK_EVENT_CATALOG[type];
      expect(notificationFor(logged(prefixes[stream], event, { requester: '0265', requestId: 'x' }))?.type).toBe(type);
    }
  });
});
