import type { ContractContext } from './contract-fixtures';
import { newEvent, newEvents, newStreamId } from './contract-fixtures';

export function describeFindEvent(ctx: ContractContext): void {
  describe('finding an event by id (the already-applied check)', () => {
    it('finds a stored event in its stream, with its revision and position', async () => {
      const streamId = newStreamId();
      const events = newEvents(3);
      await ctx.store().appendToStream(streamId, events, { expectedRevision: 'no-stream' });
      const stored = await ctx.store().readStream(streamId);
      expect(await ctx.store().findEvent(streamId, events[1].eventId)).toEqual({ revision: 1, position: stored[1].position });
      expect(await ctx.store().findEvent(streamId, events[2].eventId)).toEqual({ revision: 2, position: stored[2].position });
    });

    it('finds the newest event of a long stream', async () => {
      const streamId = newStreamId();
      await ctx.store().appendToStream(streamId, newEvents(1_200), { expectedRevision: 'no-stream' });
      const event = newEvent();
      const result = await ctx.store().appendToStream(streamId, [event], { expectedRevision: 1_199 });
      expect(await ctx.store().findEvent(streamId, event.eventId)).toEqual({ revision: 1_200, position: result.lastPosition });
    }, 30_000);

    it('does not find an event that is stored in another stream', async () => {
      const [streamId, other] = [newStreamId(), newStreamId('other')];
      const event = newEvent();
      await ctx.store().appendToStream(streamId, [event], { expectedRevision: 'no-stream' });
      await ctx.store().appendToStream(other, [newEvent()], { expectedRevision: 'no-stream' });
      expect(await ctx.store().findEvent(other, event.eventId)).toBeUndefined();
    });

    it('does not find an id that was never stored, in an existing or a missing stream', async () => {
      const streamId = newStreamId();
      await ctx.store().appendToStream(streamId, newEvents(2), { expectedRevision: 'no-stream' });
      expect(await ctx.store().findEvent(streamId, newEvent().eventId)).toBeUndefined();
      expect(await ctx.store().findEvent(newStreamId('missing'), newEvent().eventId)).toBeUndefined();
    });

    it('does not find the events of a refused append', async () => {
      const streamId = newStreamId();
      await ctx.store().appendToStream(streamId, newEvents(1), { expectedRevision: 'no-stream' });
      const refused = newEvent();
      await expect(ctx.store().appendToStream(streamId, [refused], { expectedRevision: 5 })).rejects.toThrow();
      expect(await ctx.store().findEvent(streamId, refused.eventId)).toBeUndefined();
    });
  });
}
