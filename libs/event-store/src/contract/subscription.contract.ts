import type { EventStore, RecordedEvent, Subscription, SubscriptionHandler } from '../event-store.port';
import type { ContractContext } from './contract-fixtures';
import { newEvent, newEvents, newStreamId, readAllOf, sleep, waitFor } from './contract-fixtures';

/** Longer than any adapter's poll interval, so a missed stop would show up. */
const QUIET_PERIOD_MS = 500;

/** Collects the events of the given streams only: a shared store may deliver anything else too. */
function collector(streamIds: readonly string[], onEvent: SubscriptionHandler = () => undefined) {
  const wanted = new Set(streamIds);
  const received: RecordedEvent[] = [];
  const handler: SubscriptionHandler = async (event) => {
    if (!wanted.has(event.streamId)) return;
    received.push(event);
    await onEvent(event);
  };
  return { received, handler };
}

export function describeSubscriptions(ctx: ContractContext): void {
  describe('subscriptions', () => {
    const open: Subscription[] = [];
    const subscribe = (store: EventStore, handler: SubscriptionHandler, after: number, onError?: (error: unknown) => void) => {
      const subscription = store.subscribeToAll(handler, { after, onError });
      open.push(subscription);
      return subscription;
    };
    afterEach(async () => {
      await Promise.all(open.splice(0).map((subscription) => subscription.close()));
    });

    it('delivers past events, then live ones, in global order', async () => {
      const [a, b] = [newStreamId('a'), newStreamId('b')];
      const before = await ctx.store().lastPosition();
      await ctx.store().appendToStream(a, newEvents(2), { expectedRevision: 'no-stream' });
      await ctx.store().appendToStream(b, newEvents(1), { expectedRevision: 'no-stream' });
      const { received, handler } = collector([a, b]);
      subscribe(ctx.store(), handler, before);
      await waitFor(() => received.length === 3);
      await ctx.store().appendToStream(b, newEvents(1), { expectedRevision: 0 });
      await ctx.store().appendToStream(a, newEvents(2), { expectedRevision: 1 });
      await waitFor(() => received.length === 6);
      const expected = await readAllOf(ctx.store(), [a, b], before);
      expect(received.map((event) => event.eventId)).toEqual(expected.map((event) => event.eventId));
      expect(received).toEqual(expected);
    });

    it('from a checkpoint, delivers only the events after it', async () => {
      const streamId = newStreamId();
      await ctx.store().appendToStream(streamId, newEvents(3), { expectedRevision: 'no-stream' });
      const [, second] = await ctx.store().readStream(streamId);
      const { received, handler } = collector([streamId]);
      subscribe(ctx.store(), handler, second.position);
      await ctx.store().appendToStream(streamId, [newEvent()], { expectedRevision: 2 });
      await waitFor(() => received.length === 2);
      await sleep(QUIET_PERIOD_MS / 5);
      expect(received.map((event) => event.revision)).toEqual([2, 3]);
    });

    it('awaits the handler before delivering the next event', async () => {
      const streamId = newStreamId();
      let inFlight = 0;
      let maxInFlight = 0;
      const { received, handler } = collector([streamId], async () => {
        maxInFlight = Math.max(maxInFlight, ++inFlight);
        await sleep(5);
        inFlight -= 1;
      });
      subscribe(ctx.store(), handler, await ctx.store().lastPosition());
      await ctx.store().appendToStream(streamId, newEvents(10), { expectedRevision: 'no-stream' });
      await waitFor(() => received.length === 10);
      expect(maxInFlight).toBe(1);
      expect(received.map((event) => event.revision)).toEqual([...Array(10).keys()]);
    });

    it('delivers nothing more once closed', async () => {
      const streamId = newStreamId();
      const { received, handler } = collector([streamId]);
      const subscription = subscribe(ctx.store(), handler, await ctx.store().lastPosition());
      await ctx.store().appendToStream(streamId, [newEvent()], { expectedRevision: 'no-stream' });
      await waitFor(() => received.length === 1);
      await subscription.close();
      await ctx.store().appendToStream(streamId, newEvents(3), { expectedRevision: 0 });
      await sleep(QUIET_PERIOD_MS);
      expect(received).toHaveLength(1);
    });

    it('can be closed from inside its own handler', async () => {
      const streamId = newStreamId();
      const { received, handler } = collector([streamId], () => subscription.close());
      const subscription = subscribe(ctx.store(), handler, await ctx.store().lastPosition());
      await ctx.store().appendToStream(streamId, newEvents(3), { expectedRevision: 'no-stream' });
      await waitFor(() => received.length >= 1);
      await sleep(QUIET_PERIOD_MS / 5);
      expect(received).toHaveLength(1);
    });

    it('stops after a handler error and reports it to onError', async () => {
      const streamId = newStreamId();
      const failure = new Error('projection failed');
      const errors: unknown[] = [];
      const { received, handler } = collector([streamId], () => {
        throw failure;
      });
      subscribe(ctx.store(), handler, await ctx.store().lastPosition(), (error) => errors.push(error));
      await ctx.store().appendToStream(streamId, newEvents(3), { expectedRevision: 'no-stream' });
      await waitFor(() => errors.length === 1);
      await sleep(QUIET_PERIOD_MS / 5);
      expect(errors).toEqual([failure]);
      expect(received).toHaveLength(1);
    });

    const withAnotherConnection = ctx.harness.openAnother ? it : it.skip;
    withAnotherConnection('delivers events appended through another connection', async () => {
      const other = ctx.track(await ctx.harness.openAnother!());
      const streamId = newStreamId();
      const { received, handler } = collector([streamId]);
      subscribe(ctx.store(), handler, await ctx.store().lastPosition());
      await ctx.store().appendToStream(streamId, [newEvent()], { expectedRevision: 'no-stream' });
      // Caught up and idle: only noticing the other connection's commit can deliver what follows.
      await waitFor(() => received.length === 1);
      await sleep(QUIET_PERIOD_MS / 5);
      await other.appendToStream(streamId, newEvents(2), { expectedRevision: 0 });
      await waitFor(() => received.length === 3);
      expect(received.map((event) => event.revision)).toEqual([0, 1, 2]);
    });
  });
}
