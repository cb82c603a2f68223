/**
 * Where one API node's CPU time goes under one HTTP scenario: runs the node with `--cpu-prof`,
 * drives it with autocannon, and prints the self time summed by function and by file (top 25).
 *   npx tsx tools/bench/profile-http.ts [--scenario register|append|health] [--connections 50] [--seconds 8] [--main dist/…/main.js]
 * The .cpuprofile is kept (its path is printed) for Chrome DevTools or speedscope.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildApi, startApiNode } from './api-node';
import { measure } from './http.bench';
import { appendScenario, healthScenario, prepareApprovedFamilies, registerScenario } from './http-scenarios';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const root = join(__dirname, '../..');

async function main() {
  const { values } = parseArgs({
    options: { scenario: { type: 'string', default: 'register' }, connections: { type: 'string', default: '50' }, seconds: { type: 'string', default: '8' }, main: { type: 'string' } },
  });
  const dir = mkdtempSync(join(tmpdir(), 'familybank-profile-'));
  const node = await startApiNode(values.main ? resolve(values.main) : buildApi(), ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  try {
    const auth = { token: node.token, runId: randomUUID() };
    const scenario =
      values.scenario === 'health'
        ? healthScenario
        : values.scenario === 'append'
          ? appendScenario(auth, await prepareApprovedFamilies(node.baseUrl, node.token, 50))
          : registerScenario(auth);
    const run = await measure(node.baseUrl, scenario, { connections: Number(values.connections), duration: Number(values.seconds), warmup: 1 });
    process.stdout.write(`${scenario.name}, ${run.connections} connections: ${Math.round(run.rate)} req/s, p50 ${run.p50.toFixed(1)} ms, p99 ${run.p99.toFixed(1)} ms, failed ${run.failed}\n`);
  } finally {
    await node.stop(); // SIGTERM: the node exits normally and writes its profile
  }
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`No .cpuprofile in ${dir}: did the node exit normally?`);
  process.stdout.write(`profile: ${join(dir, file)}\n\n${summarise(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Profile)}\n`);
}

/** Self time per node from the samples, then summed by function (name + file:line) and by file. */
export function summarise(profile: Profile): string {
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const total = [...self.values()].reduce((sum, value) => sum + value, 0);
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  for (const node of profile.nodes) {
    const us = self.get(node.id) ?? 0;
    if (us === 0) continue;
    const file = shorten(node.callFrame.url) || '(native)';
    const name = `${node.callFrame.functionName || '(anonymous)'}  ${file}:${node.callFrame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    byFile.set(file, (byFile.get(file) ?? 0) + us);
  }
  const top = (map: Map<string, number>, title: string) =>
    [
      `${title} (self time, % of ${(total / 1000).toFixed(0)} ms sampled)`,
      ...[...map.entries()]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 25)
        .map(([key, us]) => `${((100 * us) / total).toFixed(1).padStart(6)} %  ${key}`),
    ].join('\n');
  return `${top(byFunction, 'By function')}\n\n${top(byFile, 'By file')}`;
}

/** node_modules/<package>/… stays as is; the project's own files relative to the root. */
function shorten(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  return path.startsWith('/') ? relative(root, path) : path;
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${(error as Error).stack}\n`);
    process.exit(1);
  });
}
