import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore, type EventStore, type NewEvent, type ReadAllOptions, type RecordedEvent } from '@familybank/event-store';
import { EncryptingEventStore } from './encrypting-event-store';
import { ERASED } from './personal-data-codec';
import { MemoryKeyStore } from './testing/memory-key-store';

let counter = 0;
const registered = (familyId: string, fullName: string): NewEvent => ({
  eventId: `7f1d6c2e-0000-5000-8000-${String(++counter).padStart(12, '0')}`,
  type: 'FamilyRegistered',
  data: {
    familyId,
    sourceChannel: 'campaign',
    adults: [{ adultId: 'a1', fullName }],
    contact: { street: 'Lærkevej 17', postalCode: '7100', city: 'Vejle' },
    region: 'DK-83',
    languages: ['da'],
    competences: [],
    interestedIn: ['respite'],
    registeredAt: '2026-03-01T10:00:00.000Z',
  },
  metadata: { actor: 'cw', municipality: '0630', correlationId: 'c', causationId: 'c', occurredAt: '2026-03-01T10:00:00.000Z', schemaVersion: 1 },
});

/** Counts the reads that reach the stored log; `hold` keeps their answers back (as a read waiting for an fsync does). */
function counting(inner: EventStore) {
  const reads: ReadAllOptions[] = [];
  const gate: { hold?: Promise<void> } = {};
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      if (property === 'readAll')
        return async (options?: ReadAllOptions) => {
          reads.push(options ?? {});
          const events = await target.readAll(options);
          await gate.hold;
          return events;
        };
      const value = Reflect.get(target, property, receiver) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  return { store, reads, gate };
}

describe('EncryptingEventStore: every reader of the log sees the same plaintext, opened once', () => {
  let dir: string;
  let sqlite: SqliteEventStore;
  let keys: MemoryKeyStore;
  let reads: ReadAllOptions[];
  let gate: { hold?: Promise<void> };
  let store: EncryptingEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'familybank-encrypting-'));
    sqlite = SqliteEventStore.open({ filename: join(dir, 'events.sqlite') });
    keys = new MemoryKeyStore();
    const counted = counting(sqlite);
    reads = counted.reads;
    gate = counted.gate;
    store = new EncryptingEventStore(counted.store, keys);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const names = (events: RecordedEvent[]) => events.map((event) => (event.data as { adults: Array<{ fullName: string }> }).adults[0]!.fullName);

  it('a second reader of the same new events is answered from memory, equal to what the log holds, and reads only what follows', async () => {
    await store.appendToStream('family-f1', [registered('f1', 'Ada Quillfeather')], { expectedRevision: 'no-stream' });
    await store.appendToStream('family-f2', [registered('f2', 'Bo Lind')], { expectedRevision: 'no-stream' });
    const first = await store.readAll({ after: 0, limit: 100 });
    expect(names(first)).toEqual(['Ada Quillfeather', 'Bo Lind']);
    const second = await store.readAll({ after: 0, limit: 100 });
    expect(second).toEqual(first);
    // The second reader asked the log only for what comes after the opened stretch.
    expect(reads).toEqual([{ after: 0, limit: 100 }, { after: first[1]!.position, limit: 98 }]);
    const fromLog = new EncryptingEventStore(sqlite, keys);
    expect(await fromLog.readAll({ after: 0 })).toEqual(first);

    await store.appendToStream('family-f3', [registered('f3', 'Cai Holm')], { expectedRevision: 'no-stream' });
    expect(names(await store.readAll({ after: first[0]!.position, limit: 100 }))).toEqual(['Bo Lind', 'Cai Holm']);
    expect(names(await store.readAll({ after: first[0]!.position, limit: 1 }))).toEqual(['Bo Lind']);
  });

  it('readers woken by one commit, asking at once from the same position, share one read of the log', async () => {
    await store.appendToStream('family-f1', [registered('f1', 'Ada Quillfeather')], { expectedRevision: 'no-stream' });
    const [a, b, c] = await Promise.all([store.readAll({ after: 0, limit: 100 }), store.readAll({ after: 0, limit: 100 }), store.readAll({ after: 0, limit: 5 })]);
    expect(names(a)).toEqual(['Ada Quillfeather']);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    expect(reads).toEqual([{ after: 0, limit: 100 }]);
    // One asking for more than the read under way reads for itself.
    await Promise.all([store.readAll({ after: a[0]!.position, limit: 1 }), store.readAll({ after: a[0]!.position, limit: 2 })]);
    expect(reads.slice(1)).toEqual([{ after: a[0]!.position, limit: 1 }, { after: a[0]!.position, limit: 2 }]);
  });

  it('a read under way when an append completes is not shared with a reader who asks after it: that reader sees the new event', async () => {
    await store.appendToStream('family-f1', [registered('f1', 'Ada Quillfeather')], { expectedRevision: 'no-stream' });
    let release!: () => void;
    gate.hold = new Promise((resolve) => (release = resolve));
    // The relay's read began before the command's append completed; it answers from its snapshot.
    const early = store.readAll({ after: 0, limit: 100 });
    await new Promise((resolve) => setImmediate(resolve));
    await store.appendToStream('family-f2', [registered('f2', 'Bo Lind')], { expectedRevision: 'no-stream' });
    // The response of that command asks the read models to catch up: they must see Bo.
    const late = store.readAll({ after: 0, limit: 100 });
    release();
    expect(names(await early)).toEqual(['Ada Quillfeather']);
    expect(names(await late)).toEqual(['Ada Quillfeather', 'Bo Lind']);
    expect(reads).toHaveLength(2);
  });

  it('after an erasure nothing decrypted is served from memory: the erased values read "[erased]"', async () => {
    await store.appendToStream('family-f1', [registered('f1', 'Ada Quillfeather')], { expectedRevision: 'no-stream' });
    expect(names(await store.readAll({ after: 0 }))).toEqual(['Ada Quillfeather']);
    await keys.destroy('family:f1');
    store.forgetOpened();
    const after = await store.readAll({ after: 0 });
    expect(names(after)).toEqual([ERASED]);
    expect(JSON.stringify(after)).not.toContain('Ada Quillfeather');
  });
});
