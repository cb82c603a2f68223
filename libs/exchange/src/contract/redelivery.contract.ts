import type { DeliveredMessage } from '../exchange.port';
import type { ContractContext } from './contract-fixtures';
import { collector, deferred, messagesOf, newTopic, QUIET_PERIOD_MS, sleep, uniqueName, waitFor } from './contract-fixtures';

/** At-least-once: a group's offset moves past a message only after its handler resolved. */
export function describeRedelivery(ctx: ContractContext): void {
  describe('commits and redelivery', () => {
    it('stops the topic when the handler throws, reports it, and redelivers from the failed message', async () => {
      const topic = await newTopic(ctx.exchange(), 'failing');
      const groupId = uniqueName('g');
      await ctx.exchange().publish(messagesOf(topic, 5));
      const failure = new Error('handler failed');
      const errors: Array<{ error: unknown; failed?: DeliveredMessage }> = [];
      const first = collector((message) => {
        if (message.value === 'v2') throw failure;
      });
      await ctx.subscribe({ groupId, topics: [topic], from: 'committed', onError: (error, failed) => errors.push({ error, failed }) }, first.handler);
      await waitFor(() => errors.length === 1);
      await sleep(QUIET_PERIOD_MS);
      expect(first.values()).toEqual(['v0', 'v1', 'v2']);
      expect(errors).toEqual([{ error: failure, failed: expect.objectContaining({ topic, key: 'k2', value: 'v2' }) }]);

      const second = collector();
      await ctx.subscribe({ groupId, topics: [topic], from: 'committed' }, second.handler);
      await waitFor(() => second.values().length === 3);
      await sleep(QUIET_PERIOD_MS / 5);
      expect(second.values()).toEqual(['v2', 'v3', 'v4']);
    });

    it('keeps delivering the subscription’s other topics after one topic failed', async () => {
      const [failing, healthy] = [await newTopic(ctx.exchange(), 'failing'), await newTopic(ctx.exchange(), 'healthy')];
      const errors: unknown[] = [];
      const { received, handler } = collector((message) => {
        if (message.topic === failing) throw new Error('handler failed');
      });
      await ctx.subscribe({ groupId: uniqueName('g'), topics: [failing, healthy], from: 'beginning', onError: (error) => errors.push(error) }, handler);
      await ctx.exchange().publish([...messagesOf(failing, 3), ...messagesOf(healthy, 3)]);
      await waitFor(() => received.filter((message) => message.topic === healthy).length === 3);
      await ctx.exchange().publish(messagesOf(healthy, 1, () => 'later'));
      await waitFor(() => received.filter((message) => message.topic === healthy).length === 4);
      await sleep(QUIET_PERIOD_MS / 5);
      expect(received.filter((message) => message.topic === failing).map((message) => message.value)).toEqual(['v0']);
      expect(errors).toHaveLength(1);
    });

    it('redelivers the message in flight when the consumer stops before its handler finished, and nothing before it', async () => {
      const topic = await newTopic(ctx.exchange(), 'crash');
      const groupId = uniqueName('g');
      await ctx.exchange().publish(messagesOf(topic, 5));
      const reachedV2 = deferred();
      const stopping = deferred();
      const first = collector(async (message) => {
        if (message.value !== 'v2') return;
        reachedV2.resolve();
        // Fails only once the consumer is going away, like a process killed mid-handler:
        // no adapter may commit it (an adapter that waits for the handler on close sees it fail).
        await stopping.promise;
        throw new Error('process went away');
      });
      const subscription = await ctx.subscribe({ groupId, topics: [topic], from: 'committed', onError: () => undefined }, first.handler);
      await reachedV2.promise;
      // A restart where the harness can reopen; otherwise the consumer's own close.
      const restarting = ctx.harness.reopen ? ctx.reopen() : subscription.close().then(() => ctx.exchange());
      stopping.resolve();
      const exchange = await restarting;

      const second = collector();
      await ctx.subscribe({ groupId, topics: [topic], from: 'committed' }, second.handler, exchange);
      await waitFor(() => second.values().length === 3);
      await sleep(QUIET_PERIOD_MS / 5);
      expect(first.values()).toEqual(['v0', 'v1', 'v2']);
      expect(second.values()).toEqual(['v2', 'v3', 'v4']);
    });

    it('resumes after the committed offset, also after the exchange was reopened', async () => {
      const topic = await newTopic(ctx.exchange(), 'resume');
      const groupId = uniqueName('g');
      await ctx.exchange().publish(messagesOf(topic, 3));
      const first = collector();
      const subscription = await ctx.subscribe({ groupId, topics: [topic], from: 'committed' }, first.handler);
      await waitFor(() => first.values().length === 3);
      // A handler's completion and its commit are not one step: give the last commit time to land.
      await sleep(QUIET_PERIOD_MS / 5);
      await subscription.close();

      const exchange = await ctx.reopen();
      await exchange.publish(messagesOf(topic, 5).slice(3));
      const second = collector();
      await ctx.subscribe({ groupId, topics: [topic], from: 'committed' }, second.handler, exchange);
      await waitFor(() => second.values().length === 2);
      await sleep(QUIET_PERIOD_MS);
      expect(second.values()).toEqual(['v3', 'v4']);
    });

    it("reads everything from 'beginning' whatever the group committed, and from the start with no commit", async () => {
      const topic = await newTopic(ctx.exchange(), 'from');
      const groupId = uniqueName('g');
      await ctx.exchange().publish(messagesOf(topic, 3));
      const fresh = collector();
      const subscription = await ctx.subscribe({ groupId, topics: [topic], from: 'committed' }, fresh.handler);
      await waitFor(() => fresh.values().length === 3);
      await sleep(QUIET_PERIOD_MS / 5);
      await subscription.close();

      const again = collector();
      await ctx.subscribe({ groupId, topics: [topic], from: 'beginning' }, again.handler);
      await waitFor(() => again.values().length === 3);
      expect(fresh.values()).toEqual(['v0', 'v1', 'v2']);
      expect(again.values()).toEqual(['v0', 'v1', 'v2']);
    });
  });
}
