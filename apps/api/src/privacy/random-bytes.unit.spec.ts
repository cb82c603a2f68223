import { randomBytesPooled } from './random-bytes';

describe('randomBytesPooled', () => {
  it('gives the size asked for, never the same bytes twice, each in memory of its own', () => {
    const taken = Array.from({ length: 2_000 }, (_, index) => randomBytesPooled(index % 2 === 0 ? 12 : 32));
    expect(taken.every((bytes, index) => bytes.length === (index % 2 === 0 ? 12 : 32))).toBe(true);
    expect(new Set(taken.map((bytes) => bytes.toString('hex'))).size).toBe(taken.length);
    // Copies, not views of one pool: changing one changes no other.
    const before = taken.map((bytes) => bytes.toString('hex'));
    taken[0]!.fill(0);
    expect(taken.slice(1).map((bytes) => bytes.toString('hex'))).toEqual(before.slice(1));
  });

  it('looks uniformly random: every byte value turns up, none far more often than the others', () => {
    const counts = new Array<number>(256).fill(0);
    for (let i = 0; i < 4_000; i++) for (const byte of randomBytesPooled(16)) counts[byte]!++;
    const expected = (4_000 * 16) / 256;
    expect(Math.min(...counts)).toBeGreaterThan(expected * 0.6);
    expect(Math.max(...counts)).toBeLessThan(expected * 1.4);
  });

  it('large sizes come straight from the CSPRNG', () => {
    const big = randomBytesPooled(10_000);
    expect(big.length).toBe(10_000);
    expect(new Set(big).size).toBeGreaterThan(200);
  });
});
