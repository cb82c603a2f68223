import { describeEventStoreContract } from '../contract/event-store.contract';
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
