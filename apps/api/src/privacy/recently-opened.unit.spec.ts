import type { RecordedEvent } from '@familybank/event-store';
import { RecentlyOpened } from './recently-opened';

const event = (position: number): RecordedEvent =>
  ({ position, revision: 0, streamId: `s-${position}`, eventId: `e-${position}`, type: 'T', data: {}, metadata: {}, recordedAt: '' }) as unknown as RecordedEvent;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => event(from + index));
const positions = (events: RecordedEvent[] | undefined) => events?.map((e) => e.position);

describe('RecentlyOpened: the newest events, opened once for every reader of the log', () => {
  it('given nothing read yet, when a reader asks, then it must read the log', () => {
    expect(new RecentlyOpened().after(0, 10)).toBeUndefined();
  });

  it('given a read of (4, 8], when another reader asks after 5, then it gets 6..8 and after 8 an empty, known-complete stretch', () => {
    const recent = new RecentlyOpened();
    recent.add(recent.begin(), 4, range(5, 8));
    expect(positions(recent.after(5, 10))).toEqual([6, 7, 8]);
    expect(positions(recent.after(4, 2))).toEqual([5, 6]);
    expect(recent.after(8, 10)).toEqual([]);
  });

  it('given a read of (4, 8], when a reader asks outside it (before 4, after 8), then it must read the log', () => {
    const recent = new RecentlyOpened();
    recent.add(recent.begin(), 4, range(5, 8));
    expect(recent.after(3, 10)).toBeUndefined();
    expect(recent.after(9, 10)).toBeUndefined();
  });

  it('given gaps in the positions, when a reader asks inside the stretch, then it gets exactly what the log returned', () => {
    const recent = new RecentlyOpened();
    recent.add(recent.begin(), 10, [event(12), event(15), event(16)]);
    expect(positions(recent.after(10, 10))).toEqual([12, 15, 16]);
    expect(positions(recent.after(13, 10))).toEqual([15, 16]);
  });

  it('given a stretch, when the next read continues it, then both are served as one', () => {
    const recent = new RecentlyOpened();
    recent.add(recent.begin(), 0, range(1, 3));
    recent.add(recent.begin(), 3, range(4, 6));
    expect(positions(recent.after(0, 10))).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('given a stretch, when a newer read does not continue it, then the newer one replaces it', () => {
    const recent = new RecentlyOpened();
    recent.add(recent.begin(), 0, range(1, 3));
    recent.add(recent.begin(), 10, range(11, 12));
    expect(recent.after(2, 10)).toBeUndefined();
    expect(positions(recent.after(10, 10))).toEqual([11, 12]);
  });

  it('given the newest stretch, when a reader far behind reads an older one, then the newest stays', () => {
    const recent = new RecentlyOpened();
    recent.add(recent.begin(), 100, range(101, 103));
    recent.add(recent.begin(), 0, range(1, 5));
    expect(positions(recent.after(100, 10))).toEqual([101, 102, 103]);
    expect(recent.after(0, 10)).toBeUndefined();
  });

  it('given more than its capacity, when it trims, then the oldest go and asking for them reads the log', () => {
    const recent = new RecentlyOpened(3);
    recent.add(recent.begin(), 0, range(1, 2));
    recent.add(recent.begin(), 2, range(3, 5));
    expect(recent.after(1, 10)).toBeUndefined();
    expect(positions(recent.after(2, 10))).toEqual([3, 4, 5]);
    const big = new RecentlyOpened(3);
    big.add(big.begin(), 0, range(1, 10));
    expect(big.after(6, 10)).toBeUndefined();
    expect(positions(big.after(7, 10))).toEqual([8, 9, 10]);
  });

  it('given a forget (an erasure), when a read that began before it ends, then nothing it opened is kept', () => {
    const recent = new RecentlyOpened();
    recent.add(recent.begin(), 0, range(1, 3));
    const before = recent.begin();
    recent.forget();
    expect(recent.after(0, 10)).toBeUndefined();
    recent.add(before, 3, range(4, 5));
    expect(recent.after(3, 10)).toBeUndefined();
    recent.add(recent.begin(), 3, range(4, 5));
    expect(positions(recent.after(3, 10))).toEqual([4, 5]);
  });
});
