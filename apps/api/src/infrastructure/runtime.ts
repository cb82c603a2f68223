import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EventStoreDbEventStore, SqliteEventStore, type EventStore } from '@familybank/event-store';
import { ALL_PROJECTIONS, DocumentStore, FamilyQueries, ProjectionRunner } from '@familybank/read-models';
import { loadOrCreateDevKeys, type DevKeys } from '../auth/dev-keys';
import { devTokenVerifier, type TokenVerifier } from '../auth/token-verifier';
import type { AppConfig } from '../config/config';
import { IdempotencyStore } from '../http/idempotency.store';
import type { Clock } from './tokens';

/** Everything with a file handle or connection: created before Nest starts, closed after it stops. */
export interface Runtime {
  config: AppConfig;
  clock: Clock;
  eventStore: EventStore;
  documents: DocumentStore;
  projections: ProjectionRunner;
  queries: FamilyQueries;
  idempotency: IdempotencyStore;
  devKeys: DevKeys;
  tokenVerifier: TokenVerifier;
  close(): Promise<void>;
}

export async function openRuntime(config: AppConfig, clock: Clock = () => new Date()): Promise<Runtime> {
  mkdirSync(config.DATA_DIR, { recursive: true });
  const eventStore = await openEventStore(config);
  const documents = new DocumentStore(join(config.DATA_DIR, 'read-models.sqlite'), { synchronous: config.SQLITE_SYNCHRONOUS });
  const projections = new ProjectionRunner(eventStore, documents, ALL_PROJECTIONS);
  const idempotency = new IdempotencyStore(join(config.DATA_DIR, 'idempotency.sqlite'));
  const devKeys = await loadOrCreateDevKeys(config.DATA_DIR);
  const tokenVerifier = devTokenVerifier(devKeys, { issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE });
  return {
    config,
    clock,
    eventStore,
    documents,
    projections,
    queries: new FamilyQueries(documents, clock),
    idempotency,
    devKeys,
    tokenVerifier,
    async close() {
      await projections.catchUp().catch(() => undefined);
      await eventStore.close();
      documents.close();
      idempotency.close();
    },
  };
}

function openEventStore(config: AppConfig): Promise<EventStore> | EventStore {
  if (config.EVENT_STORE === 'eventstoredb') return EventStoreDbEventStore.connect(config.EVENTSTOREDB_CONNECTION_STRING!);
  return SqliteEventStore.open({ filename: join(config.DATA_DIR, 'events.sqlite'), synchronous: config.SQLITE_SYNCHRONOUS });
}
