/**
 * `npm run bench:http` — one real API node under autocannon. Figures beside the health check
 * measured in the same run; the run fails only when the benchmark itself is broken (over 1% of a
 * run's requests failed), never on the figures, since these machines are noisy.
 * The node runs pinned to one core and autocannon to another where `taskset` allows, and the
 * health and command runs alternate over several rounds (median and spread are printed).
 *   npm run bench:http               # 3 rounds, 5 s per run
 *   npm run bench:http -- --quick    # 3 rounds, 2 s per run, for a quick look
 *   npm run bench:http -- --rounds 5 --seconds 10
 *   npm run bench:http -- --main other/dist/apps/api/src/main.js   # a build kept aside (a baseline), not rebuilt
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatHttpReport } from './bench/http-report';
import { benchHttp, MAX_FAILED_SHARE, runFailed } from './bench/http.bench';

async function main() {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean', default: false }, main: { type: 'string' }, rounds: { type: 'string', default: '3' }, seconds: { type: 'string' } },
  });
  const duration = Number(values.seconds ?? (values.quick ? 2 : 5));
  const rounds = Math.max(1, Number(values.rounds));
  // Ctrl-C or a kill goes through process.exit, so the API node and its temp dir are removed.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  const autocannonVersion = (JSON.parse(readFileSync(require.resolve('autocannon/package.json'), 'utf8')) as { version: string }).version;
  // Other work on the machine moves these figures more than anything measured: say how busy it was.
  const cores = availableParallelism(); // before pinning narrows what this process sees
  const load = loadavg().map((value) => value.toFixed(2)).join(' ');
  const main = values.main && resolve(values.main);
  const result = await benchHttp({ duration, rounds, warmup: values.quick ? 1 : 2, main, log: (line) => process.stderr.write(`… ${line}\n`) });
  process.stdout.write(
    `familybank HTTP benchmark (${new Date().toISOString()}, node ${process.version}, autocannon ${autocannonVersion})\n` +
      `One API node${main ? ` (${main})` : ''}, embedded SQLite (WAL, SQLITE_SYNCHRONOUS=FULL), ${duration} s per run over loopback.\n` +
      `${cores} cores; load average before the run ${load} (1, 5, 15 min), after ${loadavg().map((value) => value.toFixed(2)).join(' ')}.\n\n` +
      `${formatHttpReport(result)}\n`,
  );
  const broken = [...result.runs, result.sustained].filter(runFailed);
  if (broken.length === 0) return;
  for (const run of broken) {
    process.stderr.write(`\nFAILED: ${run.scenario} at ${run.connections} connections: ${run.failed} of ${run.ok + run.failed} requests failed (${JSON.stringify(run.failures)})\n`);
    for (const sample of run.samples) process.stderr.write(`  ${sample}\n`);
  }
  process.stderr.write(`\nMore than ${MAX_FAILED_SHARE * 100}% of requests failed in ${broken.length} run(s): the figures above are not valid.\n`);
  process.exitCode = 1;
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
