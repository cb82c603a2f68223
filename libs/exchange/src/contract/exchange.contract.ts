import type { Exchange, ExchangeSubscription } from '../exchange.port';
import { describeCompaction } from './compaction.contract';
import type { ContractContext, ExchangeHarness } from './contract-fixtures';
import { describeDelivery } from './delivery.contract';
import { describeGroups } from './groups.contract';
import { describeRedelivery } from './redelivery.contract';

export type { ExchangeHarness } from './contract-fixtures';

/**
 * The behaviour every Exchange adapter must show. Call it from an adapter's spec file; it uses
 * Jest's globals (not `@jest/globals`) so that importing this module outside Jest stays harmless.
 * Topic and group names are unique per test, so it also runs against a shared Kafka broker.
 */
export function describeExchangeContract(adapterName: string, harness: ExchangeHarness): void {
  describe(`${adapterName} exchange contract`, () => {
    let current: Exchange | undefined;
    const open: ExchangeSubscription[] = [];
    const ctx: ContractContext = {
      harness,
      exchange: () => {
        if (!current) throw new Error('The exchange is not open yet');
        return current;
      },
      reopen: async () => {
        if (harness.reopen) {
          // Closing the exchange closes its subscriptions: forget them rather than close them twice.
          open.length = 0;
          current = await harness.reopen(ctx.exchange());
        }
        return ctx.exchange();
      },
      subscribe: async (options, handler, exchange = ctx.exchange()) => {
        const subscription = await exchange.subscribe(options, handler);
        open.push(subscription);
        return subscription;
      },
    };

    beforeAll(async () => {
      current = await harness.open();
    });

    afterEach(async () => {
      await Promise.all(open.splice(0).map((subscription) => subscription.close()));
    });

    afterAll(async () => {
      await current?.close();
      await harness.cleanup?.();
    });

    describeDelivery(ctx);
    describeRedelivery(ctx);
    describeCompaction(ctx);
    describeGroups(ctx);
  });
}
