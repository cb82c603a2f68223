/**
 * `npm run bench` — figures beside baselines measured in the same run. No thresholds: these
 * machines are noisy, so the numbers are for reading, not for failing a build.
 *   npm run bench                    # full size (1,000,000 events for the rebuild)
 *   npm run bench -- --quick         # a tenth of the size, for a quick look
 */
import { parseArgs } from 'node:util';
import { benchEventStore, type BenchResult } from './bench/event-store.bench';
import { benchGateway } from './bench/gateway.bench';
import { benchKafka } from './bench/kafka.bench';
import { benchMatching } from './bench/matching.bench';
import { benchProjections } from './bench/projections.bench';

async function main() {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
  const scale = values.quick ? 0.1 : 1;
  const print = (results: BenchResult[]) => {
    for (const result of results) {
      const value = result.value < 100 ? result.value.toFixed(1) : Math.round(result.value).toLocaleString('en');
      process.stdout.write(`  ${result.name.padEnd(72)} ${value.padStart(12)} ${result.unit}\n`);
      if (result.baseline) process.stdout.write(`  ${''.padEnd(72)} ${result.baseline}\n`);
    }
  };
  process.stdout.write(`familybank benchmarks (${new Date().toISOString()}, node ${process.version})\n\nEvent store (SQLite, WAL, synchronous=FULL)\n`);
  print(await benchEventStore({ events: Math.round(20_000 * scale) }));
  process.stdout.write('\nCommands through the gateway (one family stream, synchronous=FULL)\n');
  print(await benchGateway({ commands: Math.round(1_000 * scale) }));
  process.stdout.write('\nProjections\n');
  print(await benchProjections({ events: Math.round(1_000_000 * scale) }));
  process.stdout.write('\nMatching (top 20 with explanations)\n');
  print(await benchMatching({ profiles: 100_000, requests: Math.round(200 * Math.max(scale, 0.5)) }));
  process.stdout.write('\nFederation over the real Kafka broker (two API processes)\n');
  print(await benchKafka({ changes: Math.round(1_000 * scale) }));
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
