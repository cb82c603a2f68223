/**
 * On a small machine the API node and autocannon compete for the same cores, and the scheduler
 * moves them around from one run to the next: a rate then says as much about the scheduler as
 * about the node. Pinning the node to one core and the load generator to another (util-linux's
 * `taskset`) makes runs comparable; where that is not possible the benchmark says so and runs
 * unpinned.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';

export interface Pinning {
  /** The core the API node runs on (`taskset -c`), or undefined when unpinned. */
  nodeCpu?: number;
  /** One line for the report: how the run was placed on the machine. */
  note: string;
}

/** Pins this process (autocannon runs in it) to core 0 and plans the node for core 1. */
export function pinBenchmark(): Pinning {
  const cores = availableParallelism();
  if (process.platform !== 'linux') return { note: `not pinned (taskset is Linux-only); node and autocannon share ${cores} cores` };
  if (cores < 2) return { note: 'not pinned (one core): node and autocannon share it' };
  // -a: every thread of this process (libuv's pool included), not only the main one.
  const self = spawnSync('taskset', ['-a', '-c', '-p', '0', String(process.pid)], { encoding: 'utf8' });
  if (self.error || self.status !== 0) {
    const why = self.error ? 'taskset not found (util-linux)' : `taskset failed: ${self.stderr.trim()}`;
    return { note: `not pinned (${why}); node and autocannon share ${cores} cores` };
  }
  return { nodeCpu: 1, note: `pinned with taskset: API node on core 1, autocannon on core 0${cores > 2 ? ` (of ${cores})` : ''}; other work on the machine still shares both` };
}

/** The command that starts a node on `cpu` (taskset execs it, so the pid is the node's). */
export function pinnedCommand(cpu: number | undefined, command: string, args: readonly string[]): [string, string[]] {
  return cpu === undefined ? [command, [...args]] : ['taskset', ['-c', String(cpu), command, ...args]];
}
