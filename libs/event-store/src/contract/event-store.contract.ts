import type { EventStore } from '../event-store.port';
import { describeOrderingAndReading } from './append-and-read.contract';
import { describeConcurrency } from './concurrency.contract';
import type { ContractContext, EventStoreHarness } from './contract-fixtures';
import { describeDurability } from './durability.contract';
import { describeExpectedRevision } from './expected-revision.contract';
import { describeFindEvent } from './find-event.contract';
import { describeIdempotency } from './idempotency.contract';
import { describeSubscriptions } from './subscription.contract';

export type { EventStoreHarness } from './contract-fixtures';

/**
 * The behaviour every EventStore adapter must show. Call it from an adapter's spec file; it uses
 * Jest's globals (not `@jest/globals`) so that importing this module outside Jest stays harmless.
 * Stream ids are unique per test, so it also runs against a shared, non-empty server.
 */
export function describeEventStoreContract(adapterName: string, harness: EventStoreHarness): void {
  describe(`${adapterName} event store contract`, () => {
    let current: EventStore | undefined;
    const tracked = new Set<EventStore>();
    const ctx: ContractContext = {
      harness,
      store: () => {
        if (!current) throw new Error('The store is not open yet');
        return current;
      },
      track: (store) => {
        tracked.add(store);
        return store;
      },
      reopen: async () => {
        const previous = ctx.store();
        tracked.delete(previous);
        current = ctx.track(await harness.reopen!(previous));
        return current;
      },
    };

    beforeAll(async () => {
      current = ctx.track(await harness.open());
    });

    afterAll(async () => {
      await Promise.all([...tracked].map((store) => store.close()));
      await harness.cleanup?.();
    });

    describeOrderingAndReading(ctx);
    describeExpectedRevision(ctx);
    describeIdempotency(ctx);
    describeFindEvent(ctx);
    describeConcurrency(ctx);
    describeSubscriptions(ctx);
    describeDurability(ctx);
  });
}
