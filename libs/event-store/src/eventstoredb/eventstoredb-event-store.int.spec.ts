import { describeEventStoreContract } from '../contract/event-store.contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

/** e.g. esdb://admin:changeit@localhost:2113?tls=false — the user must be allowed to read $all. */
const connectionString = process.env['EVENTSTOREDB_CONNECTION_STRING'];

if (connectionString) {
  const connect = () => EventStoreDbEventStore.connect(connectionString);
  // Each connection is an independent gRPC client; the server keeps the data, so reopening
  // is reconnecting. Event ids are not checked store-wide by EventStoreDB (strictEventIds off).
  describeEventStoreContract('EventStoreDB', {
    open: connect,
    openAnother: connect,
    reopen: async (store) => {
      await store.close();
      return connect();
    },
  });
} else {
  describe('EventStoreDB event store contract', () => {
    it.skip('skipped: EVENTSTOREDB_CONNECTION_STRING is not set (set it to run the contract suite against a server)', () => undefined);
  });
}
