import { DeadlineExceededError, NotLeaderError, UnavailableError } from '@eventstore/db-client';
import { newEvent, newStreamId } from '../contract/contract-fixtures';
import { describeEventStoreContract } from '../contract/event-store.contract';
import { StorageUnavailableError } from '../errors';
import { EventStoreDbEventStore } from './eventstoredb-event-store';
import { FakeEventStoreDbServer } from './fake-eventstoredb-server';

// The adapter's own logic (position mapping, paging past system events, conflict resolution,
// subscription lifecycle) against a modelled server; the real server runs in the .int.spec.
let server: FakeEventStoreDbServer;
const connect = () => EventStoreDbEventStore.fromClient(server.client());

beforeAll(() => {
  server = new FakeEventStoreDbServer();
});

describeEventStoreContract('EventStoreDB adapter over a fake server', {
  open: connect,
  openAnother: connect,
  reopen: async (store) => {
    await store.close();
    return connect();
  },
});

describe('EventStoreDB adapter when the server cannot be used', () => {
  let outageServer: FakeEventStoreDbServer;
  let store: EventStoreDbEventStore;
  const append = (streamId: string) => store.appendToStream(streamId, [newEvent()], { expectedRevision: 'any' });

  beforeEach(async () => {
    outageServer = new FakeEventStoreDbServer();
    store = await EventStoreDbEventStore.fromClient(outageServer.client());
  });
  afterEach(() => store.close());

  it('refuses an append to an unavailable server as storage unavailable, with the outcome unknown, and appends again after', async () => {
    const streamId = newStreamId();
    const unavailable = new UnavailableError(undefined, 'connection refused');
    outageServer.failWith(unavailable);
    const refused = append(streamId);
    await expect(refused).rejects.toBeInstanceOf(StorageUnavailableError);
    // The request may have reached the leader before the channel failed: the adapter cannot promise nothing was stored.
    await expect(refused).rejects.toMatchObject({ code: 'unavailable', nothingRecorded: false, cause: unavailable });
    outageServer.failWith(undefined);
    await expect(append(streamId)).resolves.toMatchObject({ nextExpectedRevision: 0 });
  });

  it('refuses an append past its deadline as storage unavailable, with the outcome unknown', async () => {
    outageServer.failWith(new DeadlineExceededError(undefined, 'deadline exceeded'));
    await expect(append(newStreamId())).rejects.toMatchObject({ name: 'StorageUnavailableError', code: 'deadline-exceeded', nothingRecorded: false });
  });

  it('says nothing was recorded when a follower refused the append', async () => {
    const leader = { 'leader-endpoint-host': 'leader.example', 'leader-endpoint-port': '2113' };
    outageServer.failWith(new NotLeaderError({ metadata: { getMap: () => leader } } as unknown as ConstructorParameters<typeof NotLeaderError>[0]));
    await expect(append(newStreamId())).rejects.toMatchObject({ name: 'StorageUnavailableError', code: 'not-leader', nothingRecorded: true });
  });

  it('refuses reads from an unavailable server as storage unavailable', async () => {
    outageServer.failWith(new UnavailableError(undefined, 'connection refused'));
    await expect(store.readStream(newStreamId())).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(store.findEvent(newStreamId(), newEvent().eventId)).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(store.readAll()).rejects.toBeInstanceOf(StorageUnavailableError);
    await expect(store.lastPosition()).rejects.toBeInstanceOf(StorageUnavailableError);
  });
});
