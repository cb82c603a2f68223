import { WrongExpectedRevisionError } from '../errors';
import type { EventStore } from '../event-store.port';
import type { ContractContext } from './contract-fixtures';
import { newEvent, newStreamId, settle } from './contract-fixtures';

const WRITERS = 20;

async function raceAtRevision(writers: readonly EventStore[], streamId: string, expected: 'no-stream' | number) {
  const appends = Array.from({ length: WRITERS }, (_, n) =>
    writers[n % writers.length].appendToStream(streamId, [newEvent({ data: { writer: n } })], { expectedRevision: expected }),
  );
  return settle(appends);
}

export function describeConcurrency(ctx: ContractContext): void {
  describe('concurrent appends', () => {
    it(`${WRITERS} parallel appends at the same expected revision: exactly one succeeds, the others are refused`, async () => {
      const streamId = newStreamId();
      await ctx.store().appendToStream(streamId, [newEvent()], { expectedRevision: 'no-stream' });
      const { fulfilled, rejected } = await raceAtRevision([ctx.store()], streamId, 0);
      expect(fulfilled).toHaveLength(1);
      expect(rejected).toHaveLength(WRITERS - 1);
      rejected.forEach((error) => expect(error).toBeInstanceOf(WrongExpectedRevisionError));
      expect(await ctx.store().readStream(streamId)).toHaveLength(2);
    });

    it(`${WRITERS} parallel appends creating the same stream: exactly one succeeds`, async () => {
      const streamId = newStreamId();
      const { fulfilled, rejected } = await raceAtRevision([ctx.store()], streamId, 'no-stream');
      expect(fulfilled).toHaveLength(1);
      rejected.forEach((error) => expect(error).toBeInstanceOf(WrongExpectedRevisionError));
    });

    it('parallel appends with expected revision any all succeed, without gaps in the revisions', async () => {
      const streamId = newStreamId();
      const appends = Array.from({ length: WRITERS }, () => ctx.store().appendToStream(streamId, [newEvent()], { expectedRevision: 'any' }));
      const results = await Promise.all(appends);
      expect(results.map((result) => result.nextExpectedRevision).sort((a, b) => a - b)).toEqual([...Array(WRITERS).keys()]);
      const stored = await ctx.store().readStream(streamId);
      expect(stored.map((event) => event.revision)).toEqual([...Array(WRITERS).keys()]);
    });

    // Shown as skipped, not passed, for adapters without a second connection.
    const withAnotherConnection = ctx.harness.openAnother ? describe : describe.skip;
    withAnotherConnection('through two connections', () => {
      let other: EventStore;
      beforeAll(async () => {
        other = ctx.track(await ctx.harness.openAnother!());
      });

      it('parallel appends at the same expected revision: exactly one succeeds, the others are refused', async () => {
        const streamId = newStreamId();
        await ctx.store().appendToStream(streamId, [newEvent()], { expectedRevision: 'no-stream' });
        const { fulfilled, rejected } = await raceAtRevision([ctx.store(), other], streamId, 0);
        expect(fulfilled).toHaveLength(1);
        rejected.forEach((error) => expect(error).toBeInstanceOf(WrongExpectedRevisionError));
        expect(await other.readStream(streamId)).toHaveLength(2);
      });

      it('a writer on one connection continues a stream written through the other', async () => {
        const streamId = newStreamId();
        await ctx.store().appendToStream(streamId, [newEvent()], { expectedRevision: 'no-stream' });
        const result = await other.appendToStream(streamId, [newEvent()], { expectedRevision: 0 });
        expect(result.nextExpectedRevision).toBe(1);
        expect((await ctx.store().readStream(streamId)).map((event) => event.position)).toEqual(
          (await other.readStream(streamId)).map((event) => event.position),
        );
      });
    });
  });
}
