import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const root = join(__dirname, '../..');

/** Deletes the read models' SQLite file (and its WAL) from a stopped node's data directory. */
export function deleteReadModels(dataDir: string): void {
  expect(existsSync(join(dataDir, 'read-models.sqlite'))).toBe(true);
  for (const suffix of ['', '-wal', '-shm']) rmSync(join(dataDir, `read-models.sqlite${suffix}`), { force: true });
}

/** `npm run rebuild-projections` on a stopped node's data directory, with the node's configuration. */
export async function rebuildProjections(env: Record<string, string>): Promise<string> {
  const { stdout } = await promisify(execFile)(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'tools/rebuild-projections.ts'], {
    cwd: root,
    env: { ...process.env, ...env },
  });
  return stdout;
}

/** A digest of each named SQLite file and its WAL: equal digests mean nobody wrote to them. */
export function fileDigests(dataDir: string, names: readonly string[]): Record<string, string> {
  const digests: Record<string, string> = {};
  for (const name of names.flatMap((file) => [file, `${file}-wal`])) {
    const path = join(dataDir, name);
    digests[name] = existsSync(path) ? createHash('sha256').update(readFileSync(path)).digest('hex') : 'none';
  }
  return digests;
}
