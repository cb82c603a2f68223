import { WrongExpectedRevisionError } from '../errors';
import type { EventStore } from '../event-store.port';
import type { ContractContext } from './contract-fixtures';
import { newEvent, newEvents, newStreamId, settle, settleEach } from './contract-fixtures';

const WRITERS = 20;

async function raceAtRevision(writers: readonly EventStore[], streamId: string, expected: 'no-stream' | number) {
  const appends = Array.from({ length: WRITERS }, (_, n) =>
    writers[n % writers.length].appendToStream(streamId, [newEvent({ data: { writer: n } })], { expectedRevision: expected }),
  );
  return settle(appends);
}

function expectConflict(outcome: { fulfilled: unknown } | { rejected: unknown }, details: Partial<WrongExpectedRevisionError>): void {
  const error = 'rejected' in outcome ? outcome.rejected : undefined;
  expect(error).toBeInstanceOf(WrongExpectedRevisionError);
  expect(error).toMatchObject(details);
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

    it('100 appends to 100 streams made at once all succeed and are all readable', async () => {
      const streamIds = Array.from({ length: 100 }, () => newStreamId('many'));
      const batches = streamIds.map(() => newEvents(2));
      const appends = streamIds.map((streamId, n) => ctx.store().appendToStream(streamId, batches[n], { expectedRevision: 'no-stream' }));
      const results = await Promise.all(appends);
      expect(results.every((result) => result.nextExpectedRevision === 1)).toBe(true);
      for (const [n, streamId] of streamIds.entries()) {
        const stored = await ctx.store().readStream(streamId);
        expect(stored.map((event) => event.eventId)).toEqual(batches[n].map((event) => event.eventId));
        expect(stored[1].position).toBe(results[n].lastPosition);
      }
      expect(new Set(results.map((result) => result.lastPosition)).size).toBe(100);
    });

    it('appends made at once with a wrong expected revision fail alone, with their own error, and the others are stored', async () => {
      const streamIds = Array.from({ length: 30 }, () => newStreamId('mixed'));
      for (const streamId of streamIds) await ctx.store().appendToStream(streamId, [newEvent()], { expectedRevision: 'no-stream' });
      const isWrong = (n: number) => n % 3 === 1;
      const { results } = await settleEach(
        streamIds.map((streamId, n) => ctx.store().appendToStream(streamId, newEvents(2), { expectedRevision: isWrong(n) ? 7 : 0 })),
      );
      for (const [n, streamId] of streamIds.entries()) {
        if (isWrong(n)) expectConflict(results[n], { streamId, expected: 7, actual: 0 });
        else expect(results[n]).toEqual({ fulfilled: { nextExpectedRevision: 2, lastPosition: expect.any(Number) } });
        expect(await ctx.store().readStream(streamId)).toHaveLength(isWrong(n) ? 1 : 3);
      }
    });

    it('two appends made at once to one stream at the same expected revision: one is stored, the other conflicts', async () => {
      const streamId = newStreamId();
      await ctx.store().appendToStream(streamId, [newEvent()], { expectedRevision: 'no-stream' });
      const [first, second] = [newEvents(2), newEvents(2)];
      const { results } = await settleEach([first, second].map((events) => ctx.store().appendToStream(streamId, events, { expectedRevision: 0 })));
      const winner = results.findIndex((result) => 'fulfilled' in result);
      expect(winner).toBeGreaterThanOrEqual(0);
      expectConflict(results[1 - winner], { streamId, expected: 0, actual: 2 });
      const stored = await ctx.store().readStream(streamId);
      expect(stored.slice(1).map((event) => event.eventId)).toEqual([first, second][winner].map((event) => event.eventId));
    });

    it('an append retried while its original is still in flight is recognised: both get the same result, the events are stored once', async () => {
      const streamId = newStreamId();
      const events = newEvents(2);
      const [original, retried] = await Promise.all([
        ctx.store().appendToStream(streamId, events, { expectedRevision: 'no-stream' }),
        ctx.store().appendToStream(streamId, events, { expectedRevision: 'no-stream' }),
      ]);
      expect(retried).toEqual(original);
      expect((await ctx.store().readStream(streamId)).map((event) => event.eventId)).toEqual(events.map((event) => event.eventId));
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
