/**
 * Two builds of the API under the same load at the same moment: on a machine shared with other
 * work, runs made one after the other see different machines, while two nodes measured side by
 * side see the same one. Prints each scenario's rate, latency and CPU time per request for both,
 * and the second's rate as a multiple of the first's.
 *   npm run build && rm -rf tmp/baseline-dist && cp -r dist tmp/baseline-dist   # (on the commit to compare against)
 *   npx tsx tools/bench/compare-builds.ts tmp/baseline-dist/apps/api/src/main.js [<main.js>, default: this checkout's dist] [--seconds 8]
 * Keep the copy inside the checkout (tmp/ is ignored): the build finds its packages in the
 * checkout's node_modules, so a copy elsewhere (/tmp) stops at its first require.
 */
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startApiNode, type ApiNode } from './api-node';
import { pinBenchmark } from './cpu-pinning';
import { cpuMsOf, measure } from './http.bench';
import { appendScenario, healthScenario, prepareApprovedFamilies, registerScenario, type Scenario } from './http-scenarios';

async function main() {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { seconds: { type: 'string', default: '8' } } });
  if (positionals.length < 1) throw new Error('Usage: compare-builds.ts <baseline main.js> [<main.js>] [--seconds N]');
  const builds = [resolve(positionals[0]!), resolve(positionals[1] ?? join(__dirname, '../../dist/apps/api/src/main.js'))];
  const seconds = Number(values.seconds);
  // Both nodes on the same core, autocannon on the other: whatever else runs hits both alike.
  const pinning = pinBenchmark();
  const nodes = await Promise.all(builds.map((main) => startApiNode(main, [], pinning.nodeCpu)));
  try {
    const families = await Promise.all(nodes.map((node) => prepareApprovedFamilies(node.baseUrl, node.token, 50)));
    const scenarios = (node: ApiNode, index: number): Scenario[] => {
      const auth = { token: node.token, runId: randomUUID() };
      return [healthScenario, registerScenario(auth), appendScenario(auth, families[index]!)];
    };
    const perNode = nodes.map(scenarios);
    process.stdout.write(`A: ${builds[0]}\nB: ${builds[1]}\n${seconds} s per run, both nodes at once; ${pinning.note.replace('API node', 'both API nodes')}\n\n`);
    for (const [which, scenario] of perNode[0]!.entries()) {
      for (const connections of [10, 50]) {
        const results = await Promise.all(
          nodes.map(async (node, index) => {
            const before = cpuMsOf(node.pid) ?? Number.NaN;
            const run = await measure(node.baseUrl, perNode[index]![which]!, { connections, duration: seconds, warmup: 0 });
            return { run, cpu: ((cpuMsOf(node.pid) ?? Number.NaN) - before) / Math.max(1, run.ok + run.failed) };
          }),
        );
        const cell = ({ run, cpu }: (typeof results)[number]) =>
          `${Math.round(run.rate).toLocaleString('en').padStart(6)}/s p50 ${run.p50.toFixed(1).padStart(6)} p99 ${run.p99.toFixed(1).padStart(7)} CPU ${cpu.toFixed(2)} ms/req${run.failed ? ` failed ${run.failed}` : ''}`;
        const ratio = results[1]!.run.rate / results[0]!.run.rate;
        process.stdout.write(`${scenario.name.padEnd(31)} ${String(connections).padStart(3)}  A ${cell(results[0]!)} | B ${cell(results[1]!)} | B/A ${ratio.toFixed(2)}\n`);
      }
    }
  } finally {
    await Promise.all(nodes.map((node) => node.stop()));
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
