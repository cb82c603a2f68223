import type { ContractContext } from './contract-fixtures';
import { newEvents, newStreamId, readAllOf } from './contract-fixtures';

export function describeDurability(ctx: ContractContext): void {
  const withReopen = ctx.harness.reopen ? describe : describe.skip;
  withReopen('durability', () => {
    it('keeps every appended event, stream revision and position across closing and reopening', async () => {
      const [a, b] = [newStreamId('a'), newStreamId('b')];
      const before = await ctx.store().lastPosition();
      await ctx.store().appendToStream(a, newEvents(3), { expectedRevision: 'no-stream' });
      await ctx.store().appendToStream(b, newEvents(2), { expectedRevision: 'no-stream' });
      const written = await readAllOf(ctx.store(), [a, b], before);

      const reopened = await ctx.reopen();

      expect(await readAllOf(reopened, [a, b], before)).toEqual(written);
      expect(await reopened.lastPosition()).toBeGreaterThanOrEqual(written[written.length - 1].position);
      const result = await reopened.appendToStream(a, newEvents(1), { expectedRevision: 2 });
      expect(result.nextExpectedRevision).toBe(3);
      expect(result.lastPosition).toBeGreaterThan(written[written.length - 1].position);
    });
  });
}
