import type { Message } from '../exchange.port';
import type { ContractContext } from './contract-fixtures';
import { collector, messagesOf, newTopic, QUIET_PERIOD_MS, sleep, uniqueName, waitFor } from './contract-fixtures';

export function describeDelivery(ctx: ContractContext): void {
  describe('delivery', () => {
    it('keeps the order of every key when many keys are interleaved', async () => {
      const topic = await newTopic(ctx.exchange(), 'order');
      const keys = 20;
      const perKey = 25;
      // Round-robin over the keys, published in uneven chunks so chunk and key boundaries differ.
      const messages: Message[] = Array.from({ length: keys * perKey }, (_, n) => ({
        topic,
        key: `key-${n % keys}`,
        value: String(Math.floor(n / keys)),
      }));
      for (let start = 0; start < messages.length; start += 37) await ctx.exchange().publish(messages.slice(start, start + 37));

      const { received, handler } = collector();
      await ctx.subscribe({ groupId: uniqueName('g'), topics: [topic], from: 'beginning' }, handler);
      await waitFor(() => received.length === messages.length, 20_000, 'all messages delivered');

      const byKey = new Map<string, string[]>();
      received.forEach((message) => byKey.set(message.key, [...(byKey.get(message.key) ?? []), message.value!]));
      const expected = Array.from({ length: perKey }, (_, n) => String(n));
      expect(byKey.size).toBe(keys);
      byKey.forEach((values) => expect(values).toEqual(expected));
    });

    it('delivers past messages, then live ones, with headers, increasing offsets and timestamps', async () => {
      const topic = await newTopic(ctx.exchange(), 'live');
      await ctx.exchange().publish([{ topic, key: 'a', value: 'past', headers: { 'content-type': 'application/json' } }]);
      const { received, handler } = collector();
      await ctx.subscribe({ groupId: uniqueName('g'), topics: [topic], from: 'committed' }, handler);
      await waitFor(() => received.length === 1);
      await ctx.exchange().publish([{ topic, key: 'b', value: 'live' }]);
      await waitFor(() => received.length === 2);

      expect(received.map(({ topic: t, key, value, headers }) => ({ topic: t, key, value, headers }))).toEqual([
        { topic, key: 'a', value: 'past', headers: { 'content-type': 'application/json' } },
        { topic, key: 'b', value: 'live', headers: {} },
      ]);
      expect(received[1].offset).toBeGreaterThan(received[0].offset);
      received.forEach((message) => expect(Number.isNaN(Date.parse(message.timestamp))).toBe(false));
    });

    it('delivers tombstones as a null value', async () => {
      const topic = await newTopic(ctx.exchange(), 'tombstone');
      await ctx.exchange().publish([
        { topic, key: 'a', value: 'present' },
        { topic, key: 'a', value: null },
      ]);
      const { values, handler } = collector();
      await ctx.subscribe({ groupId: uniqueName('g'), topics: [topic], from: 'beginning' }, handler);
      await waitFor(() => values().length === 2);
      expect(values()).toEqual(['present', null]);
    });

    it('awaits the handler before delivering the next message', async () => {
      const topic = await newTopic(ctx.exchange(), 'serial');
      let inFlight = 0;
      let maxInFlight = 0;
      const { values, handler } = collector(async () => {
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        await sleep(5);
        inFlight -= 1;
      });
      await ctx.subscribe({ groupId: uniqueName('g'), topics: [topic], from: 'beginning' }, handler);
      await ctx.exchange().publish(messagesOf(topic, 10, () => 'same-key'));
      await waitFor(() => values().length === 10);
      expect(maxInFlight).toBe(1);
      expect(values()).toEqual(messagesOf(topic, 10).map((message) => message.value));
    });

    it('delivers 5,000 messages exactly once to a healthy consumer', async () => {
      const topic = await newTopic(ctx.exchange(), 'bulk');
      const count = 5_000;
      const { received, handler } = collector();
      await ctx.subscribe({ groupId: uniqueName('g'), topics: [topic], from: 'committed' }, handler);
      const messages = messagesOf(topic, count, (n) => `k${n % 100}`);
      for (let start = 0; start < count; start += 500) await ctx.exchange().publish(messages.slice(start, start + 500));
      await waitFor(() => received.length >= count, 60_000, `${count} deliveries`);
      await sleep(QUIET_PERIOD_MS);

      expect(received).toHaveLength(count);
      expect(new Set(received.map((message) => message.value)).size).toBe(count);
    }, 90_000);

    it('delivers nothing more once closed', async () => {
      const topic = await newTopic(ctx.exchange(), 'close');
      const { values, handler } = collector();
      const subscription = await ctx.subscribe({ groupId: uniqueName('g'), topics: [topic], from: 'beginning' }, handler);
      await ctx.exchange().publish(messagesOf(topic, 1));
      await waitFor(() => values().length === 1);
      await subscription.close();
      await ctx.exchange().publish(messagesOf(topic, 3));
      await sleep(QUIET_PERIOD_MS);
      expect(values()).toEqual(['v0']);
    });

    it('can be closed from inside its own handler', async () => {
      const topic = await newTopic(ctx.exchange(), 'self-close');
      await ctx.exchange().publish(messagesOf(topic, 3));
      const { values, handler } = collector(() => subscription.close());
      const subscription = await ctx.subscribe({ groupId: uniqueName('g'), topics: [topic], from: 'beginning' }, handler);
      await waitFor(() => values().length >= 1);
      await sleep(QUIET_PERIOD_MS);
      expect(values()).toEqual(['v0']);
    });
  });
}
