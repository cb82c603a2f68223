import { DuplicateEventIdError, WrongExpectedRevisionError } from '../errors';
import type { ExpectedRevision } from '../event-store.port';
import type { ContractContext } from './contract-fixtures';
import { newEvent, newEvents, newStreamId } from './contract-fixtures';

export function describeIdempotency(ctx: ContractContext): void {
  describe('idempotent appends', () => {
    it.each<[string, ExpectedRevision, number]>([
      ['no-stream', 'no-stream', 0],
      ['an exact revision', 1, 2],
      ['any', 'any', 2],
    ])('re-appending the same events with expected revision %s returns the original result and writes nothing', async (_, expected, seed) => {
      const streamId = newStreamId();
      if (seed > 0) await ctx.store().appendToStream(streamId, newEvents(seed), { expectedRevision: 'no-stream' });
      const events = newEvents(3);
      const original = await ctx.store().appendToStream(streamId, events, { expectedRevision: expected });
      const retried = await ctx.store().appendToStream(streamId, events, { expectedRevision: expected });
      expect(retried).toEqual(original);
      expect(await ctx.store().readStream(streamId)).toHaveLength(seed + 3);
    });

    it('re-appending after the stream moved on still returns the original result', async () => {
      const streamId = newStreamId();
      const events = newEvents(2);
      const original = await ctx.store().appendToStream(streamId, events, { expectedRevision: 'no-stream' });
      await ctx.store().appendToStream(streamId, newEvents(2), { expectedRevision: 1 });
      expect(await ctx.store().appendToStream(streamId, events, { expectedRevision: 'no-stream' })).toEqual(original);
      expect(await ctx.store().readStream(streamId)).toHaveLength(4);
    });

    it('a batch mixing stored and new event ids is refused as a duplicate', async () => {
      const streamId = newStreamId();
      const events = newEvents(2);
      await ctx.store().appendToStream(streamId, events, { expectedRevision: 'no-stream' });
      const mixed = [...events, newEvent()];
      await expect(ctx.store().appendToStream(streamId, mixed, { expectedRevision: 'no-stream' })).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      expect(await ctx.store().readStream(streamId)).toHaveLength(2);
    });

    it('new events with a stale expected revision are still refused as a conflict', async () => {
      const streamId = newStreamId();
      await ctx.store().appendToStream(streamId, newEvents(2), { expectedRevision: 'no-stream' });
      await expect(ctx.store().appendToStream(streamId, newEvents(2), { expectedRevision: 'no-stream' })).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
    });

    // EventStoreDB has no index by event id, so only stores that check ids store-wide promise these.
    const withStrictIds = ctx.harness.strictEventIds ? describe : describe.skip;
    withStrictIds('when event ids are checked across the whole store', () => {
      it('re-appending stored events at the current revision returns the original result', async () => {
        const streamId = newStreamId();
        const events = newEvents(2);
        const original = await ctx.store().appendToStream(streamId, events, { expectedRevision: 'no-stream' });
        expect(await ctx.store().appendToStream(streamId, events, { expectedRevision: 1 })).toEqual(original);
        expect(await ctx.store().readStream(streamId)).toHaveLength(2);
      });

      it('an event id stored in another stream is refused as a duplicate', async () => {
        const event = newEvent();
        await ctx.store().appendToStream(newStreamId(), [event], { expectedRevision: 'no-stream' });
        const elsewhere = newStreamId();
        await expect(ctx.store().appendToStream(elsewhere, [event], { expectedRevision: 'any' })).rejects.toBeInstanceOf(
          DuplicateEventIdError,
        );
        expect(await ctx.store().readStream(elsewhere)).toEqual([]);
      });

      it('an id reused in another stream, among appends made at once, fails alone as a duplicate', async () => {
        const reused = newEvent();
        const [owner, thief, bystander] = [newStreamId('owner'), newStreamId('thief'), newStreamId('bystander')];
        const [owned, stolen, unrelated] = await Promise.allSettled([
          ctx.store().appendToStream(owner, [reused], { expectedRevision: 'no-stream' }),
          ctx.store().appendToStream(thief, [newEvent(), reused], { expectedRevision: 'no-stream' }),
          ctx.store().appendToStream(bystander, [newEvent()], { expectedRevision: 'no-stream' }),
        ]);
        expect([owned.status, unrelated.status]).toEqual(['fulfilled', 'fulfilled']);
        expect(stolen.status === 'rejected' && stolen.reason).toBeInstanceOf(DuplicateEventIdError);
        expect(await ctx.store().readStream(thief)).toEqual([]);
        expect(await ctx.store().findEvent(owner, reused.eventId)).toMatchObject({ revision: 0 });
      });

      it('stored events re-sent in another order are refused as a duplicate', async () => {
        const streamId = newStreamId();
        const events = newEvents(2);
        await ctx.store().appendToStream(streamId, events, { expectedRevision: 'no-stream' });
        await expect(ctx.store().appendToStream(streamId, [...events].reverse(), { expectedRevision: 'any' })).rejects.toBeInstanceOf(
          DuplicateEventIdError,
        );
      });

      it('a new event followed by a stored one is refused as a duplicate', async () => {
        const streamId = newStreamId();
        const stored = newEvent();
        await ctx.store().appendToStream(streamId, [stored], { expectedRevision: 'no-stream' });
        await expect(ctx.store().appendToStream(streamId, [newEvent(), stored], { expectedRevision: 0 })).rejects.toBeInstanceOf(
          DuplicateEventIdError,
        );
        expect(await ctx.store().readStream(streamId)).toHaveLength(1);
      });
    });

    it('a batch repeating the same event id is refused as a duplicate', async () => {
      const event = newEvent();
      const streamId = newStreamId();
      await expect(ctx.store().appendToStream(streamId, [event, event], { expectedRevision: 'no-stream' })).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      expect(await ctx.store().readStream(streamId)).toEqual([]);
    });
  });
}
