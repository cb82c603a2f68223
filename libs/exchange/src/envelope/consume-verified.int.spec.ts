import { OffersTopic, type OffersTopicMessage } from '@familybank/contracts';
import { collector, sleep, waitFor } from '../contract/contract-fixtures';
import { InProcessExchange } from '../in-process/in-process-exchange';
import { topics } from '../topics';
import { consumeTopicMessages, consumeVerified } from './consume-verified';
import { DeadLetterStore } from './dead-letters';
import { encodeEnvelope } from './envelope-codec';
import { decodeOptions, keysOf, unsignedEnvelope } from './envelope.fixtures';
import { signEnvelope } from './signing';
import { signTombstone } from './tombstones';
import { draftMessage, signDraft } from './topic-messages';

describe('consumeVerified', () => {
  const pool0630 = topics.pool('0630');
  let exchange: InProcessExchange;
  let deadLetters: DeadLetterStore;

  beforeEach(async () => {
    exchange = InProcessExchange.open({ filename: ':memory:' });
    deadLetters = DeadLetterStore.open(':memory:');
    await exchange.ensureTopic(pool0630, { compacted: true });
  });

  afterEach(async () => {
    await exchange.close();
    deadLetters.close();
  });

  const signed = (source: '0630' | '0101', key: '0630' | '0101', payload = { pseudonym: `pseudonym-of-${source}-000000`, freeCapacity: 1 }) =>
    encodeEnvelope(signEnvelope(unsignedEnvelope({ source, payload }), keysOf[key].privateKey));

  it('dead-letters a forged message with its reason, hands on the valid one after it, and commits past both', async () => {
    await exchange.publish([
      { topic: pool0630, key: 'forged', value: signed('0630', '0101') },
      { topic: pool0630, key: 'valid', value: signed('0630', '0630') },
    ]);
    const handled: Array<{ source: string; payload: unknown; key: string }> = [];
    await consumeVerified(exchange, { groupId: 'pool', topics: [pool0630], from: 'committed' }, decodeOptions, deadLetters, (envelope, payload, message) => {
      handled.push({ source: envelope.source, payload, key: message.key });
    });
    await waitFor(() => handled.length === 1);
    expect(handled).toEqual([{ source: '0630', payload: { pseudonym: 'pseudonym-of-0630-000000', freeCapacity: 1 }, key: 'valid' }]);
    expect(deadLetters.list()).toEqual([expect.objectContaining({ topic: pool0630, offset: 0, key: 'forged', reason: 'forged', truncated: false })]);
    expect(exchange.committedOffset('pool', pool0630)).toBe(2);
  });

  it('dead-letters a message signed by its source but published on another municipality’s topic', async () => {
    await exchange.publish([{ topic: pool0630, key: 'k', value: signed('0101', '0101') }]);
    const { received, handler } = collector();
    await consumeVerified(exchange, { groupId: 'pool', topics: [pool0630], from: 'committed' }, decodeOptions, deadLetters, (_e, _p, message) =>
      handler(message),
    );
    await waitFor(() => deadLetters.list().length === 1);
    expect(deadLetters.list()[0]).toMatchObject({ reason: 'forged', detail: expect.stringContaining('0101') });
    expect(received).toEqual([]);
  });

  it('hands the owner’s signed tombstone to onTombstone, and dead-letters unsigned and forged ones', async () => {
    const signedAt = '2026-11-27T10:00:00.000Z';
    const bySelf = signTombstone({ topic: pool0630, key: 'withdrawn' }, { code: '0630', privateKey: keysOf['0630'].privateKey }, signedAt);
    // 0101 signs as 0630 with its own key; and a valid tombstone's headers moved to another key.
    const impostor = signTombstone({ topic: pool0630, key: 'k-forged' }, { code: '0630', privateKey: keysOf['0101'].privateKey }, signedAt);
    const moved = { ...bySelf, key: 'k-moved' };
    await exchange.publish([{ topic: pool0630, key: 'k-unsigned', value: null }, impostor, moved, bySelf]);
    const tombstones: Array<{ key: string; source: string }> = [];
    await consumeVerified(
      exchange,
      { groupId: 'with', topics: [pool0630], from: 'beginning', onTombstone: (message, tombstone) => void tombstones.push({ key: message.key, source: tombstone.source }) },
      decodeOptions,
      deadLetters,
      () => undefined,
    );
    await waitFor(() => tombstones.length === 1 && deadLetters.list().length === 3);
    expect(tombstones).toEqual([{ key: 'withdrawn', source: '0630' }]);
    expect(deadLetters.list().map(({ key, rawValue, reason }) => ({ key, rawValue, reason }))).toEqual([
      { key: 'k-moved', rawValue: null, reason: 'forged' },
      { key: 'k-forged', rawValue: null, reason: 'forged' },
      { key: 'k-unsigned', rawValue: null, reason: 'unsigned' },
    ]);
    expect(exchange.committedOffset('with', pool0630)).toBe(4);
  });

  it('dead-letters even a signed tombstone when the consumer takes none', async () => {
    await exchange.publish([signTombstone({ topic: pool0630, key: 'withdrawn' }, { code: '0630', privateKey: keysOf['0630'].privateKey }, '2026-11-27T10:00:00.000Z')]);
    await consumeVerified(exchange, { groupId: 'without', topics: [pool0630], from: 'beginning' }, decodeOptions, deadLetters, () => undefined);
    await waitFor(() => deadLetters.list().length === 1);
    expect(deadLetters.list()[0]).toMatchObject({ key: 'withdrawn', rawValue: null, reason: 'unknown-type' });
  });

  it('does not dead-letter a valid message whose handler fails: the topic stops and the message comes again', async () => {
    await exchange.publish([{ topic: pool0630, key: 'k', value: signed('0630', '0630') }]);
    const errors: unknown[] = [];
    const options = { groupId: 'pool', topics: [pool0630], from: 'committed' as const, onError: (error: unknown) => errors.push(error) };
    await consumeVerified(exchange, options, decodeOptions, deadLetters, () => {
      throw new Error('disk full');
    });
    await waitFor(() => errors.length === 1);
    await sleep(50);
    expect(deadLetters.list()).toEqual([]);
    expect(exchange.committedOffset('pool', pool0630)).toBeUndefined();
  });
});

describe('consumeTopicMessages', () => {
  const offers0630 = topics.offers('0630');
  let exchange: InProcessExchange;
  let deadLetters: DeadLetterStore;

  beforeEach(async () => {
    exchange = InProcessExchange.open({ filename: ':memory:' });
    deadLetters = DeadLetterStore.open(':memory:');
    await exchange.ensureTopic(offers0630, { compacted: false });
  });

  afterEach(async () => {
    await exchange.close();
    deadLetters.close();
  });

  const trust = (source: string) => (source === '0630' ? keysOf['0630'].publicKey : undefined);
  const noMatch: OffersTopicMessage = { type: 'NoMatch', schemaVersion: 1, payload: { requester: '0101', requestId: 'r-1' } };
  const fields = { messageId: '4a9b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', occurredAt: '2026-11-27T09:30:00.000Z', correlationId: 'c-1' };

  it('hands the handler the typed message, and dead-letters one whose payload the topic does not carry', async () => {
    const wrongPayload = encodeEnvelope(signEnvelope(unsignedEnvelope({ type: 'NoMatch', payload: { requester: '0101' } }), keysOf['0630'].privateKey));
    await exchange.publish([
      { topic: offers0630, key: 'r-0', value: wrongPayload },
      signDraft(draftMessage(OffersTopic, '0630', noMatch), { code: '0630', privateKey: keysOf['0630'].privateKey }, fields),
    ]);
    const handled: Array<{ message: OffersTopicMessage; source: string; key: string }> = [];
    await consumeTopicMessages(exchange, { groupId: 'offers', topics: [offers0630], from: 'committed' }, OffersTopic, trust, deadLetters, (message, envelope, delivered) => {
      handled.push({ message, source: envelope.source, key: delivered.key });
    });
    await waitFor(() => handled.length === 1);
    expect(handled).toEqual([{ message: noMatch, source: '0630', key: 'r-1' }]);
    expect(deadLetters.list()).toEqual([expect.objectContaining({ key: 'r-0', reason: 'invalid-payload', detail: expect.stringContaining('requestId') })]);
    expect(exchange.committedOffset('offers', offers0630)).toBe(2);
  });
});
