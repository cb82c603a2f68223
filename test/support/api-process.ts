import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');
export const PROCESS_BUILD_DIR = join(root, 'tmp/e2e-dist');

/** Compiles the API once (swc, a second or so) so that tests can run it as a real separate process. */
export function buildApiForProcessTests(): string {
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/@swc/cli/bin/swc.js'), 'apps/api/src', 'libs', 'contracts/src', '-d', PROCESS_BUILD_DIR, '--ignore', '**/*.spec.ts,**/testing/**,**/testing.ts,**/contract/**,**/*.fixture.ts,**/fake-*.ts', '-q'],
    { cwd: root, stdio: 'pipe' },
  );
  return join(PROCESS_BUILD_DIR, 'apps/api/src/main.js');
}

export const NO_RATE_LIMITS = { RATE_LIMIT_PER_ADDRESS: '0', RATE_LIMIT_PER_TOKEN: '0', RATE_LIMIT_VIEWS_PER_TOKEN: '0' } as const;

export interface ApiProcess {
  child: ChildProcess;
  baseUrl: string;
  output(): string;
}

/**
 * Starts `main.js` with the given environment and resolves once it prints where it listens; a
 * process that does not within `timeoutMs` is killed.
 */
export function startApiProcess(mainJs: string, env: Record<string, string>, timeoutMs = 30_000): Promise<ApiProcess> {
  // Rate limits off unless a test sets them: tests poll (eventually) faster than any client should,
  // for as long as a broker outage lasts; the limits have their own tests (rate-limits.e2e).
  const child = spawn(process.execPath, [mainJs], { cwd: root, env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn', ...NO_RATE_LIMITS, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`API did not start within ${timeoutMs / 1000} s:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, baseUrl: match[1]!, output: () => output });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`API exited with ${code} before listening:\n${output}`));
    });
  });
}

export function waitForExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));
}
