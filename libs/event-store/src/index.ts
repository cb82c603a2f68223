export * from './event-store.port';
export * from './errors';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export { PRIVATE_FILE_MODE, preparePrivateFile } from './sqlite/private-file';
export { PAGE_CACHE_KIB } from './sqlite/sqlite-schema';
export { WalSync } from './sqlite/wal-sync';
// Importing this adapter loads nothing of the EventStoreDB client until `connect` is called.
export { EventStoreDbEventStore } from './eventstoredb/eventstoredb-event-store';
