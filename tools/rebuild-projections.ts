/**
 * `npm run rebuild-projections`: drops every read model and rebuilds it from the event log, using
 * the same configuration (DATA_DIR, EVENT_STORE, …) as the API. Stop the API first.
 * It opens only the event log and the read models: the relay's records (outbox.sqlite), the
 * workflows' state (workflows.sqlite) and the exchange are not read models and stay as they are.
 */
import { join } from 'node:path';
import { ALL_PROJECTIONS, DocumentStore, ProjectionRunner } from '@familybank/read-models';
import { loadConfig } from '../apps/api/src/platform/config/config';
import { openEventStore, READ_MODELS_FILE } from '../apps/api/src/infrastructure/runtime';

async function main() {
  const config = loadConfig();
  const events = await openEventStore(config);
  const documents = new DocumentStore(join(config.DATA_DIR, READ_MODELS_FILE));
  try {
    const started = Date.now();
    const position = await new ProjectionRunner(events, documents, ALL_PROJECTIONS).rebuild();
    process.stdout.write(`Rebuilt read models from ${position.toLocaleString('en')} events in ${((Date.now() - started) / 1000).toFixed(1)} s (${config.DATA_DIR})\n`);
  } finally {
    documents.close();
    await events.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
