import { chmodSync, closeSync, existsSync, openSync } from 'node:fs';

/** Owner read/write only: the files hold personal data (the log, read models, answers kept for retries). */
export const PRIVATE_FILE_MODE = 0o600;

/**
 * Makes a SQLite file private before it is opened: created empty with mode 600 when missing (an
 * empty file is a new database), and tightened to 600 with its WAL and shared-memory files when an
 * earlier release left them readable. SQLite gives the WAL and -shm files it creates later the
 * main file's mode, so they are private too. `:memory:` and URI names are left alone.
 */
export function preparePrivateFile(filename: string): void {
  if (filename === ':memory:' || filename === '' || filename.startsWith('file:')) return;
  closeSync(openSync(filename, 'a', PRIVATE_FILE_MODE));
  for (const path of [filename, `${filename}-wal`, `${filename}-shm`]) {
    if (existsSync(path)) chmodSync(path, PRIVATE_FILE_MODE);
  }
}
