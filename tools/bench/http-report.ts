/**
 * The HTTP benchmark's table: per scenario and concurrency, the median over the rounds and the
 * spread (lowest–highest), and the rate as a share of `GET /health` measured in the same round.
 */
import { type HttpBenchResult, type HttpRun, median } from './http.bench';
import { healthScenario } from './http-scenarios';

const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const rate = (value: number) => Math.round(value).toLocaleString('en');
const failures = (run: HttpRun) => (run.failed === 0 ? '0' : Object.entries(run.failures).map(([status, count]) => `${count}×${status}`).join(' '));

/** "median (lowest–highest)", or just the value for a single round. */
function spread(values: readonly number[], format: (value: number) => string): string {
  if (values.length === 1) return format(values[0]!);
  return `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`;
}

export function formatHttpReport({ runs, rounds, sustained, maxAppendRate, pinning }: HttpBenchResult): string {
  const healthOf = new Map(runs.filter((run) => run.scenario === healthScenario.name).map((run) => [`${run.round}/${run.connections}`, run.rate]));
  const groups = new Map<string, HttpRun[]>();
  for (const run of runs) groups.set(`${run.scenario}\u0000${run.connections}`, [...(groups.get(`${run.scenario}\u0000${run.connections}`) ?? []), run]);
  const rows = [['scenario', 'conns', 'req/s (2xx)', 'p50 ms', 'p99 ms', 'vs /health', 'CPU ms/req', 'failed']];
  for (const group of [...groups.values()].sort((a, b) => a[0]!.connections - b[0]!.connections)) {
    const { scenario, connections } = group[0]!;
    const ratios = group.map((run) => run.rate / (healthOf.get(`${run.round}/${run.connections}`) ?? Number.NaN));
    const cpu = group.map((run) => run.cpuPerRequestMs).filter((value): value is number => value !== undefined);
    rows.push([
      scenario,
      String(connections),
      spread(group.map((run) => run.rate), rate),
      spread(group.map((run) => run.p50), ms),
      spread(group.map((run) => run.p99), ms),
      scenario === healthScenario.name ? '' : spread(ratios, (value) => `${(value * 100).toFixed(0)} %`),
      cpu.length ? spread(cpu, (value) => value.toFixed(2)) : '–',
      group.every((run) => run.failed === 0) ? '0' : group.map(failures).join(' / '),
    ]);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const table = rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd());
  return [
    pinning,
    `${rounds} round(s); each figure is the median over the rounds, (lowest–highest) beside it. \n'vs /health' divides each round's rate by the health rate of the same round and concurrency (measured just before it).`,
    '',
    ...table,
    '',
    `Sustained rate at half load: ${sustained.scenario}, ${sustained.connections} connections, overallRate ${sustained.overallRate} req/s (half of the median ${rate(maxAppendRate)}), spread over each second`,
    `  achieved ${sustained.rate.toFixed(1)} req/s (2xx), p50 ${ms(sustained.p50)} ms, p99 ${ms(sustained.p99)} ms, failed ${failures(sustained)}`,
  ].join('\n');
}
