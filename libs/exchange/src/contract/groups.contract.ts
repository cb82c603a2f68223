import type { ContractContext } from './contract-fixtures';
import { collector, messagesOf, newTopic, QUIET_PERIOD_MS, sleep, uniqueName, waitFor } from './contract-fixtures';

export function describeGroups(ctx: ContractContext): void {
  describe('consumer groups', () => {
    it('keeps each group’s offsets and failures to itself', async () => {
      const topic = await newTopic(ctx.exchange(), 'groups');
      await ctx.exchange().publish(messagesOf(topic, 4));
      const [groupA, groupB] = [uniqueName('a'), uniqueName('b')];

      const a = collector((message) => {
        if (message.value === 'v1') throw new Error('group A fails on v1');
      });
      const b = collector();
      await ctx.subscribe({ groupId: groupA, topics: [topic], from: 'committed', onError: () => undefined }, a.handler);
      await ctx.subscribe({ groupId: groupB, topics: [topic], from: 'committed' }, b.handler);
      await waitFor(() => b.values().length === 4);
      await ctx.exchange().publish(messagesOf(topic, 5).slice(4));
      await waitFor(() => b.values().length === 5);
      await sleep(QUIET_PERIOD_MS / 5);

      expect(a.values()).toEqual(['v0', 'v1']);
      expect(b.values()).toEqual(['v0', 'v1', 'v2', 'v3', 'v4']);
    });

    it('does not move a group’s offset when another group consumes', async () => {
      const topic = await newTopic(ctx.exchange(), 'groups');
      await ctx.exchange().publish(messagesOf(topic, 3));
      const first = collector();
      const subscription = await ctx.subscribe({ groupId: uniqueName('first'), topics: [topic], from: 'committed' }, first.handler);
      await waitFor(() => first.values().length === 3);
      await subscription.close();

      const newcomer = collector();
      await ctx.subscribe({ groupId: uniqueName('newcomer'), topics: [topic], from: 'committed' }, newcomer.handler);
      await waitFor(() => newcomer.values().length === 3);
      expect(newcomer.values()).toEqual(['v0', 'v1', 'v2']);
    });
  });
}
