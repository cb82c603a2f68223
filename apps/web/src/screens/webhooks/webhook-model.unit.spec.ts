import { checkChanges, checkSubscription, deliveryQuery, draftOf, EMPTY_DRAFT, subscriptionBody, subscriptionChanges, toggleEventType } from './webhook-model';

describe('a new webhook subscription', () => {
  it('is sent trimmed, without an empty description', () => {
    expect(subscriptionBody({ url: ' https://case.example.dk/in ', description: '  ', eventTypes: ['family.approved'] })).toEqual({ url: 'https://case.example.dk/in', eventTypes: ['family.approved'] });
    expect(subscriptionBody({ url: 'https://case.example.dk/in', description: ' Case system ', eventTypes: ['family.approved'] })).toMatchObject({ description: 'Case system' });
  });

  it('is checked with the API’s schema: no URL, a non-http URL and no event type are named on their fields', () => {
    expect(checkSubscription(EMPTY_DRAFT)).toEqual({ url: 'invalid_format', eventTypes: 'too_small' });
    expect(checkSubscription({ ...EMPTY_DRAFT, url: 'ftp://case.example.dk/in', eventTypes: ['family.approved'] })).toEqual({ url: 'invalid_format' });
    expect(checkSubscription({ ...EMPTY_DRAFT, url: 'http://127.0.0.1:4000/hook', eventTypes: ['family.approved'] })).toEqual({});
  });

  it('ticks an event type once and unticks it', () => {
    expect(toggleEventType(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(toggleEventType(['a', 'b'], 'b', true)).toEqual(['a', 'b']);
    expect(toggleEventType(['a', 'b'], 'a', false)).toEqual(['b']);
  });
});

describe('the delivery log’s query', () => {
  it('asks for every status unless one is chosen, from the cursor given', () => {
    expect(deliveryQuery('')).toEqual({ limit: 25 });
    expect(deliveryQuery('dead', 'c1')).toEqual({ limit: 25, status: 'dead', cursor: 'c1' });
  });
});

describe('changing a webhook subscription', () => {
  const subscription = draftOf({ url: 'https://case.example.dk/in', eventTypes: ['family.approved', 'family.registered'], description: 'Case system' });

  it('starts from the subscription as it stands', () => {
    expect(draftOf({ url: 'https://x.dk/in', eventTypes: ['family.approved'] })).toEqual({ url: 'https://x.dk/in', eventTypes: ['family.approved'], description: '' });
  });

  it('sends only what changed; the event types in another order are no change', () => {
    expect(subscriptionChanges(subscription, { ...subscription, url: ' https://case.example.dk/new ' })).toEqual({ url: 'https://case.example.dk/new' });
    expect(subscriptionChanges(subscription, { ...subscription, eventTypes: ['family.registered', 'family.approved'] })).toEqual({});
    expect(subscriptionChanges(subscription, { ...subscription, eventTypes: ['family.approved'], description: 'Case system 2' })).toEqual({ eventTypes: ['family.approved'], description: 'Case system 2' });
  });

  it('an emptied description is left as it was (the API cannot remove one)', () => {
    expect(subscriptionChanges(subscription, { ...subscription, description: ' ' })).toEqual({});
  });

  it('is checked with the API’s PATCH schema: nothing changed, no event type and a bad URL are named', () => {
    expect(checkChanges(subscription, subscription)).toEqual({ form: 'unchanged' });
    expect(checkChanges(subscription, { ...subscription, eventTypes: [] })).toEqual({ eventTypes: 'too_small' });
    expect(checkChanges(subscription, { ...subscription, url: 'ftp://case.example.dk/in' })).toEqual({ url: 'invalid_format' });
    expect(checkChanges(subscription, { ...subscription, url: 'http://127.0.0.1:4000/hook' })).toEqual({});
  });
});
