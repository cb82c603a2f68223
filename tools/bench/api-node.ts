/**
 * One real API node for the HTTP benchmark: built the way `npm start` builds it, run as a child
 * process on the embedded default in a fresh temporary DATA_DIR, and removed again afterwards,
 * also when the benchmark fails or is interrupted.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateDevKeys, signDevToken } from '../../apps/api/src/platform/auth/dev-keys';
import { pinnedCommand } from './cpu-pinning';

const root = join(__dirname, '../..');
const MUNICIPALITY = '0630';

export interface ApiNode {
  baseUrl: string;
  /** caseworker+approver of municipality 0630, signed with the node's own dev key. */
  token: string;
  municipality: string;
  /** The node's process id (to read its CPU time). */
  pid: number;
  /** The node's recent output, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

/** `nx run api:build`, as `npm start` runs it; swc rebuilds dist in a second or two. */
export function buildApi(): string {
  const build = spawnSync(process.execPath, [join(root, 'node_modules/nx/bin/nx.js'), 'run', 'api:build', '--outputStyle=stream'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { NX_DAEMON: 'false', NX_NO_CLOUD: 'true', ...process.env },
  });
  if (build.status !== 0) throw new Error(`nx run api:build failed with exit code ${build.status}`);
  return join(root, 'dist/apps/api/src/main.js');
}

/**
 * `nodeArgs`: extra flags for the node process, e.g. `--cpu-prof` to see where a run's time goes;
 * `cpu`: the core to pin the node to (see cpu-pinning.ts).
 */
export async function startApiNode(mainJs: string, nodeArgs: readonly string[] = [], cpu?: number): Promise<ApiNode> {
  const dataDir = mkdtempSync(join(tmpdir(), 'familybank-bench-http-'));
  const [command, args] = pinnedCommand(cpu, process.execPath, [...nodeArgs, mainJs]);
  const child = spawn(command, args, {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Pinned, not inherited: the figures are for the embedded default with durable commits.
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      EVENT_STORE: 'sqlite',
      SQLITE_SYNCHRONOUS: 'FULL',
      EXCHANGE: 'inprocess',
      EXCHANGE_FILE: join(dataDir, 'exchange.sqlite'),
      SEED_DEMO_DATA: 'false',
      // The benchmark measures the node, not its rate limits (one client sends thousands of requests a second).
      RATE_LIMIT_PER_ADDRESS: '0',
      RATE_LIMIT_PER_TOKEN: '0',
      RATE_LIMIT_VIEWS_PER_TOKEN: '0',
      MUNICIPALITIES: MUNICIPALITY,
      NODE_ID: 'bench-http',
      LOG_LEVEL: 'warn',
    },
  });
  let output = '';
  const remember = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000));
  child.stdout!.on('data', remember);
  child.stderr!.on('data', remember);

  // Last resort: whatever ends this process, the node and its files go with it.
  const dispose = () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
  process.once('exit', dispose);
  const stop = async () => {
    process.removeListener('exit', dispose);
    await terminate(child);
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    const baseUrl = await listening(child, () => output);
    const keys = await loadOrCreateDevKeys(dataDir);
    const token = await signDevToken(keys, { municipality: MUNICIPALITY, roles: ['caseworker', 'approver'], issuer: 'familybank-dev', audience: 'familybank-api' });
    return { baseUrl, token, municipality: MUNICIPALITY, pid: child.pid!, output: () => output, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function listening(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The API did not start within 30 s:\n${output()}`)), 30_000);
    const settle = () => {
      clearTimeout(timer);
      child.stdout!.removeListener('data', onData);
      child.stderr!.removeListener('data', onData);
      child.removeListener('exit', onExit);
    };
    const onData = () => {
      const match = /listening on (http:\/\/\S+)/.exec(output());
      if (!match) return;
      settle();
      resolve(match[1]!);
    };
    const onExit = (code: number | null) => {
      settle();
      reject(new Error(`The API exited with ${code} before listening:\n${output()}`));
    };
    // Registered after the output collectors, so the chunk is already in `output()`.
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', onExit);
  });
}

/** SIGTERM lets Nest close the SQLite files; a node that hangs for 5 s is killed. */
async function terminate(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
