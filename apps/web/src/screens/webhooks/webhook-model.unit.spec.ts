import { checkSubscription, deliveryQuery, EMPTY_DRAFT, subscriptionBody, toggleEventType } from './webhook-model';

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
