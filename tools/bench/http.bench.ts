/**
 * Requests per second and latency of one real API node over HTTP, measured with autocannon:
 * the health check (no auth, no store) as the baseline beside registering families and appending
 * support records, at 10 and at 50 connections; then the append scenario held at half of its
 * maximum rate, to show the latency a node gives when it is not saturated.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { buildApi, startApiNode } from './api-node';
import { pinBenchmark } from './cpu-pinning';
import { appendScenario, healthScenario, prepareApprovedFamilies, registerScenario, type Scenario } from './http-scenarios';

export const CONNECTIONS = [10, 50] as const;
/** Above this share of failed requests a run's figures mean nothing, so the benchmark fails. */
export const MAX_FAILED_SHARE = 0.01;
const FAMILIES = 50;

export interface HttpRun {
  scenario: string;
  /** which round of the benchmark it belongs to (1…) */
  round?: number;
  connections: number;
  overallRate?: number;
  /** 2xx responses per second */
  rate: number;
  /** of 2xx responses, in ms */
  p50: number;
  p99: number;
  ok: number;
  /** non-2xx responses by status, plus `socket` for connection errors and timeouts */
  failures: Record<string, number>;
  failed: number;
  /** the first few failed responses, to tell why a run failed */
  samples: string[];
  /**
   * CPU time the node spent per request (warm-up included), from /proc: on a machine shared with
   * other work it moves less than the rates do. Undefined where /proc is not there.
   */
  cpuPerRequestMs?: number;
}

export interface HttpBenchResult {
  /** Every run, round by round; within a round health and commands alternate at each concurrency. */
  runs: HttpRun[];
  rounds: number;
  sustained: HttpRun;
  /** the median append rate at 50 connections that the sustained run halves */
  maxAppendRate: number;
  /** how the node and autocannon were placed on the cores */
  pinning: string;
}

export interface HttpBenchOptions {
  duration: number;
  warmup: number;
  rounds: number;
  log: (line: string) => void;
  main?: string;
}

/**
 * Rounds of interleaved runs (at 10 connections: health, register, append; then the same at 50),
 * so that every command figure has a health figure measured right beside it under the same
 * conditions; the report gives medians over the rounds and their spread.
 */
export async function benchHttp(opts: HttpBenchOptions): Promise<HttpBenchResult> {
  if (!opts.main) opts.log('building the API (nx run api:build)');
  const mainJs = opts.main ?? buildApi();
  const pinning = pinBenchmark();
  opts.log(pinning.note);
  const node = await startApiNode(mainJs, [], pinning.nodeCpu);
  try {
    opts.log(`API node on ${node.baseUrl}; preparing ${FAMILIES} approved families`);
    const auth = { token: node.token, runId: randomUUID() };
    const familyIds = await prepareApprovedFamilies(node.baseUrl, node.token, FAMILIES);
    const scenarios = [healthScenario, registerScenario(auth), appendScenario(auth, familyIds)];
    const runs: HttpRun[] = [];
    for (let round = 1; round <= opts.rounds; round++) {
      for (const connections of CONNECTIONS) {
        for (const scenario of scenarios) {
          opts.log(`round ${round}/${opts.rounds}: ${scenario.name}, ${connections} connections, ${opts.duration} s`);
          const warmup = round === 1 && connections === CONNECTIONS[0] ? opts.warmup : 0;
          const cpuBefore = cpuMsOf(node.pid);
          const measured = await measure(node.baseUrl, scenario, { connections, duration: opts.duration, warmup });
          runs.push({ ...measured, round, cpuPerRequestMs: perRequest((cpuMsOf(node.pid) ?? Number.NaN) - (cpuBefore ?? Number.NaN), measured) });
        }
      }
    }
    const append = scenarios[2]!;
    const maxAppendRate = median(runs.filter((run) => run.scenario === append.name && run.connections === 50).map((run) => run.rate));
    const overallRate = Math.max(1, Math.round(maxAppendRate / 2));
    opts.log(`${append.name}, 50 connections held at ${overallRate} req/s, ${opts.duration} s`);
    const sustained = await measure(node.baseUrl, append, { connections: 50, duration: opts.duration, warmup: 0, overallRate });
    return { runs, rounds: opts.rounds, sustained, maxAppendRate, pinning: pinning.note };
  } finally {
    await node.stop();
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

interface RunPlan {
  connections: number;
  duration: number;
  warmup: number;
  overallRate?: number;
}

/**
 * autocannon's rate limiter gives each connection its quota at the start of every second, all
 * connections at the same moment: at half load that is a burst at full concurrency, then idle time,
 * and the latency is that of a saturated node. So a rate-limited run is one autocannon instance per
 * connection, started evenly spread over the first second: requests arrive spread over each second.
 */
export async function measure(baseUrl: string, scenario: Scenario, plan: RunPlan): Promise<HttpRun> {
  // autocannon lowers the connections to the rate when the rate is smaller; so does the split.
  const connections = plan.overallRate ? Math.min(plan.connections, plan.overallRate) : plan.connections;
  const latencies: number[] = [];
  const samples: string[] = [];
  const instances = plan.overallRate ? connections : 1;
  const results = await Promise.all(
    Array.from({ length: instances }, async (_, instance) => {
      await new Promise((resolve) => setTimeout(resolve, (instance * 1000) / instances));
      const share = plan.overallRate && Math.floor(plan.overallRate / instances) + (instance < plan.overallRate % instances ? 1 : 0);
      return run(baseUrl, scenario, { ...plan, connections: connections / instances, overallRate: share }, { first: instance, of: connections }, latencies, samples);
    }),
  );
  const failures: Record<string, number> = {};
  const add = (status: string, count: number) => (failures[status] = (failures[status] ?? 0) + count);
  for (const result of results) {
    for (const [status, { count }] of Object.entries(result.statusCodeStats)) if (!status.startsWith('2')) add(status, count);
    if (result.errors > 0) add('socket', result.errors);
  }
  const sum = (pick: (result: autocannon.Result) => number) => results.reduce((total, result) => total + pick(result), 0);
  const sorted = Float64Array.from(latencies).sort();
  const percentile = (p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : Number.NaN);
  return {
    scenario: scenario.name,
    connections,
    overallRate: plan.overallRate,
    rate: sum((result) => result['2xx'] / result.duration),
    p50: percentile(50),
    p99: percentile(99),
    ok: sum((result) => result['2xx']),
    failures,
    failed: sum((result) => result.non2xx + result.errors),
    samples,
  };
}

/** One autocannon instance; its connections are numbers `first`… of the run's `of`. */
async function run(
  baseUrl: string,
  scenario: Scenario,
  plan: RunPlan,
  numbering: { first: number; of: number },
  latencies: number[],
  samples: string[],
): Promise<autocannon.Result> {
  let clients = 0;
  const instance = autocannon({
    url: baseUrl,
    connections: plan.connections,
    duration: plan.duration,
    overallRate: plan.overallRate,
    warmup: plan.warmup > 0 ? { connections: plan.connections, duration: plan.warmup } : undefined,
    setupClient: (client) => {
      const next = scenario.connection(numbering.first + (clients++ % plan.connections), numbering.of);
      client.setRequests([
        {
          setupRequest: (request) => ({ ...request, ...next() }),
          onResponse: (status, body) => {
            if ((status < 200 || status > 299) && samples.length < 3) samples.push(`${status} ${body.slice(0, 300)}`);
          },
        },
      ]);
    },
  });
  // Own record of 2xx response times: autocannon's histogram keeps whole milliseconds, and with a
  // rate its coordinated-omission correction assumes a 1 ms interval and adds a sample for every
  // millisecond below each response time, which drags the median towards zero.
  instance.on('response', (_client, statusCode, _bytes, responseTime) => {
    if (statusCode >= 200 && statusCode <= 299) latencies.push(responseTime);
  });
  return instance;
}

/** User and system CPU time of a process so far, in ms (Linux /proc; undefined elsewhere). */
export function cpuMsOf(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

export const perRequest = (cpuMs: number | undefined, run: HttpRun) => (cpuMs === undefined || Number.isNaN(cpuMs) ? undefined : cpuMs / Math.max(1, run.ok + run.failed));

/** A run fails when it got no 2xx at all, or more than 1% of its requests failed. */
export const runFailed = (run: HttpRun) => run.ok === 0 || run.failed / (run.ok + run.failed) > MAX_FAILED_SHARE;
