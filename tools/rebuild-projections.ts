/**
 * `npm run rebuild-projections`: drops every read model and rebuilds it from the event log, using
 * the same configuration (DATA_DIR, EVENT_STORE, …) as the API. Stop the API first.
 */
import { loadConfig } from '../apps/api/src/config/config';
import { openRuntime } from '../apps/api/src/infrastructure/runtime';

async function main() {
  const runtime = await openRuntime(loadConfig());
  const started = Date.now();
  const position = await runtime.projections.rebuild();
  await runtime.close();
  process.stdout.write(`Rebuilt read models from ${position.toLocaleString('en')} events in ${((Date.now() - started) / 1000).toFixed(1)} s (${runtime.config.DATA_DIR})\n`);
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
