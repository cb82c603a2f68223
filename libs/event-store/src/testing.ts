// The shared contract suite, for adapters' spec files (uses Jest's globals): `@familybank/event-store/testing`.
export { describeEventStoreContract, type EventStoreHarness } from './contract/event-store.contract';
export { holdWalFsyncs } from './sqlite/wal-fsync-control';
