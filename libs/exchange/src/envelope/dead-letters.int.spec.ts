import Database from 'better-sqlite3';
import { collector, sleep, waitFor } from '../contract/contract-fixtures';
import type { DeliveredMessage } from '../exchange.port';
import { InProcessExchange } from '../in-process/in-process-exchange';
import { topics } from '../topics';
import { consumeVerified, DeadLetterStore, MAX_DEAD_LETTER_BYTES } from './dead-letters';
import { encodeEnvelope } from './envelope-codec';
import { decodeOptions, keysOf, unsignedEnvelope } from './envelope.fixtures';
import { signEnvelope } from './signing';

describe('DeadLetterStore', () => {
  it('keeps at most 64 KB of a value, cut at a character boundary, and says it was cut', () => {
    const store = DeadLetterStore.open(':memory:');
    const huge = 'æ'.repeat(40_000) + 'x'; // 80,001 bytes: "æ" takes two
    store.record({ topic: 't', offset: 7, key: 'k', rawValue: huge, reason: 'malformed', detail: 'Not JSON' });
    const [letter] = store.list();
    expect(Buffer.byteLength(letter.rawValue!, 'utf8')).toBe(MAX_DEAD_LETTER_BYTES);
    expect(letter.rawValue).toBe('æ'.repeat(MAX_DEAD_LETTER_BYTES / 2));
    expect(letter).toMatchObject({ topic: 't', offset: 7, key: 'k', rawBytes: 80_001, truncated: true, reason: 'malformed' });
    store.close();
  });

  it('records a redelivered message once, and lists the newest first', () => {
    const store = DeadLetterStore.open(':memory:');
    const letter = { topic: 't', key: 'k', rawValue: '{}', reason: 'unsigned' as const, detail: 'd', receivedAt: '2026-11-27T09:30:00.000Z' };
    store.record({ ...letter, offset: 1 });
    store.record({ ...letter, offset: 1 });
    store.record({ ...letter, offset: 2, rawValue: null });
    expect(store.list().map(({ offset, truncated, rawValue }) => ({ offset, truncated, rawValue }))).toEqual([
      { offset: 2, truncated: false, rawValue: null },
      { offset: 1, truncated: false, rawValue: '{}' },
    ]);
    expect(store.list({ limit: 1 })).toHaveLength(1);
    store.close();
  });

  it('lives in a database it is given, and leaves it open', () => {
    const db = new Database(':memory:');
    const store = DeadLetterStore.open(db);
    store.record({ topic: 't', offset: 1, key: 'k', rawValue: 'x', reason: 'malformed', detail: 'd' });
    store.close();
    expect(db.prepare('SELECT COUNT(*) AS n FROM dead_letters').get()).toEqual({ n: 1 });
    db.close();
  });
});

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

  it('hands tombstones to onTombstone, and dead-letters them as unsigned without it', async () => {
    await exchange.publish([{ topic: pool0630, key: 'withdrawn', value: null }]);
    const tombstones: DeliveredMessage[] = [];
    const withHandler = await consumeVerified(
      exchange,
      { groupId: 'with', topics: [pool0630], from: 'beginning', onTombstone: (message) => void tombstones.push(message) },
      decodeOptions,
      deadLetters,
      () => undefined,
    );
    await consumeVerified(exchange, { groupId: 'without', topics: [pool0630], from: 'beginning' }, decodeOptions, deadLetters, () => undefined);
    await waitFor(() => tombstones.length === 1 && deadLetters.list().length === 1);
    expect(tombstones[0]).toMatchObject({ key: 'withdrawn', value: null });
    expect(deadLetters.list()[0]).toMatchObject({ key: 'withdrawn', rawValue: null, reason: 'unsigned' });
    await withHandler.close();
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
