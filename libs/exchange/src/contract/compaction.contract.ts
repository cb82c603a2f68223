import type { DeliveredMessage, Message } from '../exchange.port';
import type { ContractContext } from './contract-fixtures';
import { newTopic, uniqueName, waitFor } from './contract-fixtures';

const END = 'zz-end-of-test';

/** Folds deliveries as a partner's pool would: the latest value per key, tombstones delete. */
function latestPerKey() {
  const state = new Map<string, string>();
  let ended = false;
  const handler = (message: DeliveredMessage) => {
    if (message.key === END) ended = true;
    else if (message.value === null) state.delete(message.key);
    else state.set(message.key, message.value);
  };
  return { state, handler, ended: () => ended };
}

export function describeCompaction(ctx: ContractContext): void {
  describe('compacted topics', () => {
    it('bootstraps a new group from the beginning to the latest value per key, without tombstoned keys', async () => {
      const topic = await newTopic(ctx.exchange(), 'pool', true);
      const put = (key: string, value: string | null): Message => ({ topic, key, value });
      const keys = Array.from({ length: 10 }, (_, n) => `family-${n}`);
      await ctx.exchange().publish(keys.map((key) => put(key, `${key}@1`)));
      await ctx.exchange().publish(keys.slice(0, 5).map((key) => put(key, `${key}@2`)));
      await ctx.exchange().publish([put('family-1', null), put('family-2', `family-2@3`), put('family-7', null)]);
      // A key deleted and then published again is present with its new value.
      await ctx.exchange().publish([put('family-9', null), put('family-9', 'family-9@2')]);
      await ctx.exchange().publish([put(END, 'end')]);

      const partner = latestPerKey();
      await ctx.subscribe({ groupId: uniqueName('bootstrap'), topics: [topic], from: 'beginning' }, partner.handler);
      await waitFor(partner.ended, 10_000, 'end marker delivered');

      expect(Object.fromEntries([...partner.state].sort())).toEqual({
        'family-0': 'family-0@2',
        'family-2': 'family-2@3',
        'family-3': 'family-3@2',
        'family-4': 'family-4@2',
        'family-5': 'family-5@1',
        'family-6': 'family-6@1',
        'family-8': 'family-8@1',
        'family-9': 'family-9@2',
      });
    });

    it('tells a consumer that had read a key about its deletion', async () => {
      const topic = await newTopic(ctx.exchange(), 'pool', true);
      const partner = latestPerKey();
      const seen: Array<string | null> = [];
      await ctx.subscribe({ groupId: uniqueName('live'), topics: [topic], from: 'committed' }, (message) => {
        seen.push(message.value);
        partner.handler(message);
      });
      await ctx.exchange().publish([{ topic, key: 'family-1', value: 'family-1@1' }]);
      await waitFor(() => partner.state.has('family-1'));
      await ctx.exchange().publish([
        { topic, key: 'family-1', value: null },
        { topic, key: END, value: 'end' },
      ]);
      await waitFor(partner.ended);
      expect(seen).toEqual(['family-1@1', null, 'end']);
      expect(partner.state.size).toBe(0);
    });
  });
}
