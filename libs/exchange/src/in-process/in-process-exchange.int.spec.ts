import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collector, messagesOf, newTopic, sleep, uniqueName, waitFor } from '../contract/contract-fixtures';
import { describeExchangeContract } from '../contract/exchange.contract';
import { GroupAlreadySubscribedError, TopicConfigurationError, UnknownTopicError } from '../errors';
import type { Exchange } from '../exchange.port';
import { InProcessExchange, type InProcessExchangeOptions } from './in-process-exchange';

let directory: string;
const file = (name = 'exchange.sqlite') => join(directory, name);
const openExchange = (options: Partial<InProcessExchangeOptions> = {}) => InProcessExchange.open({ filename: file(), pollIntervalMs: 50, ...options });

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'familybank-exchange-'));
});

afterAll(() => rm(directory, { recursive: true, force: true }));

describeExchangeContract('in-process (SQLite file)', {
  open: async () => openExchange(),
  reopen: async (exchange: Exchange) => {
    await exchange.close();
    return openExchange();
  },
});

describeExchangeContract('in-process (:memory:)', {
  open: async () => openExchange({ filename: ':memory:' }),
});

describe('InProcessExchange', () => {
  const opened: InProcessExchange[] = [];
  const open = (options: Partial<InProcessExchangeOptions> = {}) => {
    const exchange = openExchange(options);
    opened.push(exchange);
    return exchange;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((exchange) => exchange.close()));
  });

  it('uses WAL and synchronous FULL by default', () => {
    expect(open({ filename: file('defaults.sqlite') }).settings()).toEqual({ journalMode: 'wal', synchronous: 'FULL' });
  });

  it('refuses to publish to a topic nobody created, and accepts none of that call', async () => {
    const exchange = open();
    const topic = await newTopic(exchange, 'known');
    const publishing = exchange.publish([...messagesOf(topic, 2), { topic: 'familybank.nobody.v1', key: 'k', value: 'v' }]);
    await expect(publishing).rejects.toBeInstanceOf(UnknownTopicError);
    expect(exchange.read(topic)).toEqual([]);
  });

  it('refuses invalid messages and topic names before writing anything', async () => {
    const exchange = open();
    const topic = await newTopic(exchange, 'valid');
    await expect(exchange.publish([{ topic, key: '', value: 'v' }])).rejects.toThrow('non-empty key');
    await expect(exchange.ensureTopic('has space', { compacted: false })).rejects.toThrow('Invalid topic name');
  });

  it('ensures a topic idempotently but refuses to change its compaction', async () => {
    const exchange = open();
    const topic = await newTopic(exchange, 'config', true);
    await exchange.ensureTopic(topic, { compacted: true });
    await expect(exchange.ensureTopic(topic, { compacted: false })).rejects.toBeInstanceOf(TopicConfigurationError);
  });

  it('compacts on write: a compacted topic retains only the latest record per key, with offsets never reused', async () => {
    const exchange = open();
    const [compacted, plain] = [await newTopic(exchange, 'compacted', true), await newTopic(exchange, 'plain')];
    for (const topic of [compacted, plain]) {
      await exchange.publish([
        { topic, key: 'a', value: 'a1' },
        { topic, key: 'b', value: 'b1' },
        { topic, key: 'a', value: 'a2' },
      ]);
      await exchange.publish([{ topic, key: 'b', value: null }]);
    }
    expect(exchange.read(compacted).map(({ key, value, offset }) => ({ key, value, offset }))).toEqual([
      { key: 'a', value: 'a2', offset: 2 },
      { key: 'b', value: null, offset: 3 },
    ]);
    expect(exchange.read(plain).map((message) => message.value)).toEqual(['a1', 'b1', 'a2', null]);
  });

  it('commits a group’s offset after each handled message, and not for a failed one', async () => {
    const exchange = open();
    const topic = await newTopic(exchange, 'commits');
    const groupId = uniqueName('g');
    await exchange.publish(messagesOf(topic, 3));
    expect(exchange.committedOffset(groupId, topic)).toBeUndefined();
    const errors: unknown[] = [];
    const { values, handler } = collector((message) => {
      if (message.value === 'v2') throw new Error('fails');
    });
    await exchange.subscribe({ groupId, topics: [topic], from: 'committed', onError: (error) => errors.push(error) }, handler);
    await waitFor(() => errors.length === 1);
    expect(values()).toEqual(['v0', 'v1', 'v2']);
    expect(exchange.committedOffset(groupId, topic)).toBe(2);
  });

  it('refuses a second open subscription of one group to one topic, and allows it after the first closed', async () => {
    const exchange = open();
    const topic = await newTopic(exchange, 'claim');
    const groupId = uniqueName('g');
    const first = await exchange.subscribe({ groupId, topics: [topic], from: 'committed' }, () => undefined);
    await expect(exchange.subscribe({ groupId, topics: [topic], from: 'committed' }, () => undefined)).rejects.toBeInstanceOf(
      GroupAlreadySubscribedError,
    );
    await first.close();
    await exchange.subscribe({ groupId, topics: [topic], from: 'committed' }, () => undefined);
  });

  it('wakes local consumers right after a publish, without waiting for the poll', async () => {
    const exchange = open({ pollIntervalMs: 60_000 });
    const topic = await newTopic(exchange, 'prompt');
    const { values, handler } = collector();
    await exchange.subscribe({ groupId: uniqueName('g'), topics: [topic], from: 'committed' }, handler);
    await sleep(50); // the consumer is now asleep on its (long) poll
    const started = Date.now();
    await exchange.publish(messagesOf(topic, 1));
    await waitFor(() => values().length === 1, 1_000);
    expect(Date.now() - started).toBeLessThan(500);
  });

  it('sees what another connection to the same file publishes, by polling', async () => {
    const [reader, writer] = [open({ filename: file('shared.sqlite') }), open({ filename: file('shared.sqlite') })];
    const topic = await newTopic(writer, 'shared');
    const { values, handler } = collector();
    await reader.subscribe({ groupId: uniqueName('g'), topics: [topic], from: 'committed' }, handler);
    await writer.publish(messagesOf(topic, 2));
    await waitFor(() => values().length === 2, 2_000);
    expect(values()).toEqual(['v0', 'v1']);
  });

  it('stops its consumers when closed, without reporting errors', async () => {
    const exchange = openExchange({ filename: file('closing.sqlite') });
    const topic = await newTopic(exchange, 'closing');
    const errors: unknown[] = [];
    const { values, handler } = collector();
    await exchange.subscribe({ groupId: uniqueName('g'), topics: [topic], from: 'committed', onError: (error) => errors.push(error) }, handler);
    await exchange.publish(messagesOf(topic, 1));
    await waitFor(() => values().length === 1);
    await exchange.close();
    await sleep(200);
    expect(errors).toEqual([]);
    await expect(exchange.publish(messagesOf(topic, 1))).rejects.toThrow('closed');
  });
});
