import { chmodSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVATE_FILE_MODE } from '@familybank/event-store';

/** Owner only: nobody else on the machine may list or open what the node keeps. */
export const PRIVATE_DIRECTORY_MODE = 0o700;

/**
 * Creates DATA_DIR with mode 700, and tightens what an earlier release left readable: DATA_DIR
 * and its directories to 700, their files to 600. Each SQLite opener creates its file 600 itself
 * (`preparePrivateFile`), and key files are written 600, so this matters for older data directories.
 */
export function preparePrivateDataDirectory(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true, mode: PRIVATE_DIRECTORY_MODE });
  tighten(dataDir, 2);
}

function tighten(directory: string, depth: number): void {
  chmodSync(directory, PRIVATE_DIRECTORY_MODE);
  for (const name of readdirSync(directory)) {
    const path = join(directory, name);
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (stat.isDirectory() && depth > 1) tighten(path, depth - 1);
    else if (stat.isFile()) chmodSync(path, PRIVATE_FILE_MODE);
  }
}
