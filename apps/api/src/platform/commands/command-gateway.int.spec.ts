import { DomainError } from '@familybank/domain-core';
import type { FamilyCommand, FamilyEvent } from '@familybank/domain-family';
import { available, NOW } from '@familybank/domain-family/testing';
import { SqliteEventStore, type EventStore, type NewEvent } from '@familybank/event-store';
import { CommandGateway, type CommandMeta } from './command-gateway';

const OWN = '0630';
const FAMILY = 'fam-1';
const STREAM = `family-${FAMILY}`;
const support = (n: number): FamilyCommand => ({ type: 'RecordSupport', data: { kind: 'supervision', on: '2026-03-10', note: `Meeting ${n}` } });
let counter = 0;
const meta = (overrides: Partial<CommandMeta> = {}): CommandMeta => {
  const commandId = `cmd-${++counter}`;
  return { municipality: OWN, actor: 'cw-1', commandId, correlationId: commandId, ...overrides };
};

/** Writes history straight to the store, as an earlier process would have. */
async function seed(store: EventStore, events: FamilyEvent[], from = -1): Promise<void> {
  const recorded: NewEvent[] = events.map((event, index) => ({
    eventId: `00000000-0000-4000-8000-${String(from + 1 + index).padStart(12, '0')}`,
    type: event.type,
    data: event.data,
    metadata: { actor: 'seed', municipality: OWN, correlationId: 'seed', causationId: 'seed', occurredAt: NOW.toISOString(), schemaVersion: 1 },
  }));
  await store.appendToStream(STREAM, recorded, { expectedRevision: from === -1 ? 'no-stream' : from });
}

describe('the command gateway', () => {
  let store: SqliteEventStore;
  let gateway: CommandGateway;

  beforeEach(async () => {
    store = SqliteEventStore.open({ filename: ':memory:' });
    gateway = new CommandGateway(store, () => NOW);
    await seed(store, available);
  });

  afterEach(() => store.close());

  it('decides on the whole stream the first time, then reads only the events after the cached revision', async () => {
    const history = Array.from({ length: 1_000 }, (): FamilyEvent => ({ type: 'SupportRecorded', data: { kind: 'course', on: '2026-03-10' } }));
    await seed(store, history, available.length - 1);
    const reads: Array<number | undefined> = [];
    const readStream = store.readStream.bind(store);
    jest.spyOn(store, 'readStream').mockImplementation((streamId, options) => {
      reads.push(options?.fromRevision);
      return readStream(streamId, options);
    });

    const first = await gateway.execute({ aggregate: 'family', id: FAMILY, command: support(1) }, meta());
    const second = await gateway.execute({ aggregate: 'family', id: FAMILY, command: support(2) }, meta());

    expect(reads).toEqual([0, first.revision + 1]);
    expect(second).toEqual(expect.objectContaining({ streamId: STREAM, revision: available.length + 1_000 + 1, appended: 1 }));
  });

  it('never decides on a stale cached state: events appended by another process are folded in first', async () => {
    const other = new CommandGateway(store, () => NOW);
    await gateway.execute({ aggregate: 'family', id: FAMILY, command: support(1) }, meta());
    await other.execute({ aggregate: 'family', id: FAMILY, command: { type: 'SuspendFamily', data: { reason: 'Moving house' } } }, meta());

    // The first gateway's cache still says "available"; the stream says "suspended".
    const refused = gateway.execute({ aggregate: 'family', id: FAMILY, command: { type: 'SuspendFamily', data: { reason: 'Again' } } }, meta());
    await expect(refused).rejects.toMatchObject({ code: 'FAMILY.WRONG_STAGE' });
  });

  it('a retried command (same command id) appends nothing, however much was appended after it', async () => {
    const retried = meta();
    const first = await gateway.execute({ aggregate: 'family', id: FAMILY, command: support(1) }, retried);
    await gateway.execute({ aggregate: 'family', id: FAMILY, command: support(2) }, meta());
    const again = await gateway.execute({ aggregate: 'family', id: FAMILY, command: support(1) }, retried);

    expect(again.appended).toBe(0);
    expect(again.revision).toBe(first.revision + 1);
    expect((await store.readStream(STREAM)).length).toBe(available.length + 2);
  });

  it('concurrent commands on one stream are all recorded, one after another', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, n) => gateway.execute({ aggregate: 'family', id: FAMILY, command: support(n) }, meta())));
    expect(results.map((result) => result.revision).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, n) => available.length + n));
  });

  it('If-Match with another revision is a precondition failure and appends nothing', async () => {
    const refused = gateway.execute({ aggregate: 'family', id: FAMILY, command: support(1) }, meta({ expectedRevision: 0 }));
    await expect(refused).rejects.toMatchObject({ code: 'FAMILY.REVISION_MISMATCH', kind: 'precondition', details: { expected: 0, actual: available.length - 1 } });
    expect((await store.readStream(STREAM)).length).toBe(available.length);
  });

  it("another municipality's stream does not exist for the caller", async () => {
    const refused = gateway.execute({ aggregate: 'family', id: FAMILY, command: support(1) }, meta({ municipality: '0265' }));
    await expect(refused).rejects.toBeInstanceOf(DomainError);
    await expect(refused).rejects.toMatchObject({ code: 'FAMILY.NOT_FOUND' });
  });

  it('a command other than the creating one on a missing stream is not found', async () => {
    await expect(gateway.execute({ aggregate: 'request', id: 'nope', command: { type: 'WithdrawRequest', data: { reason: 'x' } } }, meta())).rejects.toMatchObject({
      code: 'REQUEST.NOT_FOUND',
    });
  });

  it('tells its listeners after a command that appended, and only then', async () => {
    const heard: number[] = [];
    gateway.onCommitted((result) => heard.push(result.position));
    const retried = meta();
    const done = await gateway.execute({ aggregate: 'family', id: FAMILY, command: support(1) }, retried);
    await gateway.execute({ aggregate: 'family', id: FAMILY, command: support(1) }, retried);
    expect(heard).toEqual([done.position]);
  });

  it('partnership streams are per own municipality and partner', async () => {
    const result = await gateway.execute({ aggregate: 'partnership', id: '0265', command: { type: 'ProposePartnership', data: { partner: '0265' } } }, meta());
    expect(result.streamId).toBe('partnership-0630-0265');
  });
});
