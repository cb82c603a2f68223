import { setImmediate as nextTurn } from 'node:timers/promises';
import { GroupCommitQueue } from './group-commit-queue';

interface Item {
  name: string;
  weight: number;
}

function queueRecordingGroups(limits = { maxItems: 3, maxWeight: 10 }, onFlush: (group: Item[]) => void = () => undefined) {
  const groups: string[][] = [];
  const queue = new GroupCommitQueue<Item>(
    (group) => {
      groups.push(group.map((item) => item.name));
      onFlush(group);
    },
    (item) => item.weight,
    limits,
  );
  const enqueue = (...names: string[]) => names.forEach((name) => queue.enqueue({ name, weight: 1 }));
  return { queue, groups, enqueue };
}

/** Enough turns of the event loop for every scheduled flush to have run. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 5; turn += 1) await nextTurn();
}

describe('GroupCommitQueue', () => {
  it('flushes what is queued in the same turn as one group, in arrival order, on the next turn', async () => {
    const { groups, enqueue } = queueRecordingGroups();
    enqueue('a', 'b', 'c');
    expect(groups).toEqual([]);
    await settle();
    expect(groups).toEqual([['a', 'b', 'c']]);
  });

  it('stops a group at the item limit; the rest follow in the next group', async () => {
    const { groups, enqueue } = queueRecordingGroups({ maxItems: 2, maxWeight: 100 });
    enqueue('a', 'b', 'c', 'd', 'e');
    await settle();
    expect(groups).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
  });

  it('stops a group before it would exceed the weight limit, but sends a heavier item alone rather than never', async () => {
    const { queue, groups } = queueRecordingGroups({ maxItems: 10, maxWeight: 10 });
    for (const [name, weight] of [['a', 4], ['b', 5], ['c', 2], ['huge', 50], ['d', 1]] as const) queue.enqueue({ name, weight });
    await settle();
    expect(groups).toEqual([['a', 'b'], ['c'], ['huge'], ['d']]);
  });

  it('puts items queued while a group is flushed (its callers continuing) into the next group', async () => {
    let continued = false;
    const { queue, groups } = queueRecordingGroups(undefined, () => {
      if (continued) return;
      continued = true;
      queue.enqueue({ name: 'continuation', weight: 1 });
    });
    queue.enqueue({ name: 'first', weight: 1 });
    await settle();
    expect(groups).toEqual([['first'], ['continuation']]);
  });

  it('drains everything now, group by group, leaving nothing for a later turn', async () => {
    const { queue, groups, enqueue } = queueRecordingGroups({ maxItems: 2, maxWeight: 100 });
    enqueue('a', 'b', 'c');
    queue.drain();
    expect(groups).toEqual([['a', 'b'], ['c']]);
    await settle();
    expect(groups).toHaveLength(2);
  });
});
