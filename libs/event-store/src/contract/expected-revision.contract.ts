import { WrongExpectedRevisionError } from '../errors';
import type { EventStore, ExpectedRevision } from '../event-store.port';
import type { ContractContext } from './contract-fixtures';
import { newEvent, newEvents, newStreamId } from './contract-fixtures';

async function expectRefused(store: EventStore, streamId: string, expected: ExpectedRevision, actual: number): Promise<void> {
  const append = store.appendToStream(streamId, [newEvent()], { expectedRevision: expected });
  await expect(append).rejects.toBeInstanceOf(WrongExpectedRevisionError);
  await expect(append).rejects.toMatchObject({ streamId, expected, actual });
}

export function describeExpectedRevision(ctx: ContractContext): void {
  describe('expected revision', () => {
    async function streamWith(count: number): Promise<string> {
      const streamId = newStreamId();
      await ctx.store().appendToStream(streamId, newEvents(count), { expectedRevision: 'no-stream' });
      return streamId;
    }

    it('append with expected revision no-stream, when the stream does not exist, succeeds', async () => {
      const result = await ctx.store().appendToStream(newStreamId(), [newEvent()], { expectedRevision: 'no-stream' });
      expect(result.nextExpectedRevision).toBe(0);
    });

    it('append with expected revision no-stream, when the stream exists, is refused', async () => {
      await expectRefused(ctx.store(), await streamWith(2), 'no-stream', 1);
    });

    it("append with the stream's exact last revision succeeds", async () => {
      const streamId = await streamWith(2);
      const result = await ctx.store().appendToStream(streamId, newEvents(2), { expectedRevision: 1 });
      expect(result.nextExpectedRevision).toBe(3);
    });

    it('append with a stale revision is refused and reports the actual revision', async () => {
      await expectRefused(ctx.store(), await streamWith(3), 1, 2);
    });

    it('append with a revision ahead of the stream is refused', async () => {
      await expectRefused(ctx.store(), await streamWith(1), 5, 0);
    });

    it('append with an exact revision to a missing stream is refused, reporting actual -1', async () => {
      await expectRefused(ctx.store(), newStreamId(), 0, -1);
    });

    it('append with expected revision any succeeds whether or not the stream exists', async () => {
      const streamId = newStreamId();
      expect((await ctx.store().appendToStream(streamId, [newEvent()], { expectedRevision: 'any' })).nextExpectedRevision).toBe(0);
      expect((await ctx.store().appendToStream(streamId, newEvents(2), { expectedRevision: 'any' })).nextExpectedRevision).toBe(2);
    });

    it('a refused append writes nothing', async () => {
      const streamId = await streamWith(2);
      await expect(ctx.store().appendToStream(streamId, newEvents(3), { expectedRevision: 0 })).rejects.toThrow(
        WrongExpectedRevisionError,
      );
      expect(await ctx.store().readStream(streamId)).toHaveLength(2);
    });

    it('an empty batch checks the expected revision and writes nothing', async () => {
      const streamId = await streamWith(2);
      const [, last] = await ctx.store().readStream(streamId);
      const result = await ctx.store().appendToStream(streamId, [], { expectedRevision: 1 });
      expect(result).toEqual({ nextExpectedRevision: 1, lastPosition: last.position });
      await expect(ctx.store().appendToStream(streamId, [], { expectedRevision: 'no-stream' })).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      expect(await ctx.store().readStream(streamId)).toHaveLength(2);
    });

    it('an empty batch on a missing stream accepts no-stream and leaves the stream missing', async () => {
      const streamId = newStreamId();
      expect(await ctx.store().appendToStream(streamId, [], { expectedRevision: 'no-stream' })).toEqual({
        nextExpectedRevision: -1,
        lastPosition: 0,
      });
      expect(await ctx.store().readStream(streamId)).toEqual([]);
    });
  });
}
