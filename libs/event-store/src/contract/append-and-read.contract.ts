import { WrongExpectedRevisionError } from '../errors';
import type { ContractContext } from './contract-fixtures';
import { newEvent, newEvents, newMetadata, newStreamId, readAllOf } from './contract-fixtures';

export function describeOrderingAndReading(ctx: ContractContext): void {
  describe('ordering', () => {
    it('numbers the events of a new stream 0..n-1 in the order given', async () => {
      const streamId = newStreamId();
      const events = newEvents(3);
      await ctx.store().appendToStream(streamId, events, { expectedRevision: 'no-stream' });
      const stored = await ctx.store().readStream(streamId);
      expect(stored.map((event) => event.revision)).toEqual([0, 1, 2]);
      expect(stored.map((event) => event.eventId)).toEqual(events.map((event) => event.eventId));
      expect(stored.every((event) => event.streamId === streamId)).toBe(true);
    });

    it('gives strictly increasing global positions across appends', async () => {
      const streamId = newStreamId();
      await ctx.store().appendToStream(streamId, newEvents(2), { expectedRevision: 'no-stream' });
      await ctx.store().appendToStream(streamId, newEvents(2), { expectedRevision: 1 });
      const positions = (await ctx.store().readStream(streamId)).map((event) => event.position);
      positions.forEach((position, index) => {
        expect(position).toBeGreaterThan(index === 0 ? 0 : positions[index - 1]);
      });
    });

    it('reads all streams interleaved in the order they were appended', async () => {
      const [a, b] = [newStreamId('a'), newStreamId('b')];
      const before = await ctx.store().lastPosition();
      const [a1, b1, a2] = [newEvent(), newEvent(), newEvent()];
      await ctx.store().appendToStream(a, [a1], { expectedRevision: 'no-stream' });
      await ctx.store().appendToStream(b, [b1], { expectedRevision: 'no-stream' });
      await ctx.store().appendToStream(a, [a2], { expectedRevision: 0 });
      const all = await readAllOf(ctx.store(), [a, b], before);
      expect(all.map((event) => event.eventId)).toEqual([a1.eventId, b1.eventId, a2.eventId]);
      expect(all.map((event) => [event.streamId, event.revision])).toEqual([[a, 0], [b, 0], [a, 1]]);
    });

    it('reports the stream revision and global position of the last appended event', async () => {
      const streamId = newStreamId();
      const result = await ctx.store().appendToStream(streamId, newEvents(3), { expectedRevision: 'no-stream' });
      const stored = await ctx.store().readStream(streamId);
      expect(result).toEqual({ nextExpectedRevision: 2, lastPosition: stored[2].position });
      expect(await ctx.store().lastPosition()).toBeGreaterThanOrEqual(result.lastPosition);
    });

    it('reports the last appended position as the last position of the store', async () => {
      const result = await ctx.store().appendToStream(newStreamId(), [newEvent()], { expectedRevision: 'no-stream' });
      // A shared server may have received later events from elsewhere, never earlier ones.
      expect(await ctx.store().lastPosition()).toBeGreaterThanOrEqual(result.lastPosition);
    });
  });

  describe('reading', () => {
    it('reads an unknown stream as empty', async () => {
      expect(await ctx.store().readStream(newStreamId('missing'))).toEqual([]);
    });

    it('reads a stream from a revision onwards', async () => {
      const streamId = newStreamId();
      await ctx.store().appendToStream(streamId, newEvents(5), { expectedRevision: 'no-stream' });
      const fromThree = await ctx.store().readStream(streamId, { fromRevision: 3 });
      expect(fromThree.map((event) => event.revision)).toEqual([3, 4]);
      expect(await ctx.store().readStream(streamId, { fromRevision: 5 })).toEqual([]);
    });

    it('reads a stream from revision 0 as the whole stream, and from past its end or of a missing stream as empty', async () => {
      const streamId = newStreamId();
      await ctx.store().appendToStream(streamId, newEvents(3), { expectedRevision: 'no-stream' });
      expect(await ctx.store().readStream(streamId, { fromRevision: 0 })).toEqual(await ctx.store().readStream(streamId));
      expect(await ctx.store().readStream(streamId, { fromRevision: 50 })).toEqual([]);
      expect(await ctx.store().readStream(newStreamId('missing'), { fromRevision: 2 })).toEqual([]);
    });

    it('reads from a revision exactly the tail a full read returns, events appended later included', async () => {
      const streamId = newStreamId();
      await ctx.store().appendToStream(streamId, newEvents(4), { expectedRevision: 'no-stream' });
      await ctx.store().appendToStream(streamId, newEvents(2), { expectedRevision: 3 });
      const all = await ctx.store().readStream(streamId);
      expect(await ctx.store().readStream(streamId, { fromRevision: 2 })).toEqual(all.slice(2));
    });

    it('reads all events strictly after a position', async () => {
      const streamId = newStreamId();
      await ctx.store().appendToStream(streamId, newEvents(4), { expectedRevision: 'no-stream' });
      const stored = await ctx.store().readStream(streamId);
      const after = await readAllOf(ctx.store(), [streamId], stored[1].position);
      expect(after.map((event) => event.revision)).toEqual([2, 3]);
    });

    it('reads at most `limit` events, continuing from the last one read', async () => {
      const streamId = newStreamId();
      const before = await ctx.store().lastPosition();
      await ctx.store().appendToStream(streamId, newEvents(5), { expectedRevision: 'no-stream' });
      const firstPage = await ctx.store().readAll({ after: before, limit: 2 });
      expect(firstPage).toHaveLength(2);
      const secondPage = await ctx.store().readAll({ after: firstPage[1].position, limit: 2 });
      expect(secondPage).toHaveLength(2);
      expect(secondPage[0].position).toBeGreaterThan(firstPage[1].position);
    });

    it('round-trips data and metadata exactly, including unicode and nested values', async () => {
      const streamId = newStreamId();
      const data = {
        name: 'Åse Ødegård 🏡 — «fosterhjem» 日本語',
        nested: { list: [1, 2.5, -3, { deep: [null, true, false] }], empty: {}, emptyList: [] },
        zero: 0,
        escapes: 'quote " backslash \\ newline \n tab \t',
      };
      const metadata = newMetadata({ actor: 'user:ø-ß-ç', municipality: '5001', schemaVersion: 3 });
      await ctx.store().appendToStream(streamId, [newEvent({ type: 'FamilyRegistered', data, metadata })], { expectedRevision: 'no-stream' });
      const [stored] = await ctx.store().readStream(streamId);
      expect(stored.type).toBe('FamilyRegistered');
      expect(stored.data).toEqual(data);
      expect(stored.metadata).toEqual(metadata);
      expect(new Date(stored.recordedAt).toISOString()).toBe(stored.recordedAt);
    });

    it('appends a batch of 10,000 events at once and reads them back in order', async () => {
      const streamId = newStreamId('large');
      const events = newEvents(10_000);
      const result = await ctx.store().appendToStream(streamId, events, { expectedRevision: 'no-stream' });
      expect(result.nextExpectedRevision).toBe(9_999);
      const stored = await ctx.store().readStream(streamId);
      expect(stored).toHaveLength(10_000);
      expect(stored.every((event, index) => event.revision === index && event.eventId === events[index].eventId)).toBe(true);
      expect(stored[9_999].position).toBe(result.lastPosition);
    }, 60_000);

    it('appends a large batch atomically: a refused one leaves nothing behind', async () => {
      const streamId = newStreamId('large');
      await ctx.store().appendToStream(streamId, [newEvent()], { expectedRevision: 'no-stream' });
      await expect(ctx.store().appendToStream(streamId, newEvents(1_000), { expectedRevision: 'no-stream' })).rejects.toBeInstanceOf(
        WrongExpectedRevisionError,
      );
      expect(await ctx.store().readStream(streamId)).toHaveLength(1);
    }, 30_000);
  });
}
