import Database from 'better-sqlite3';
import { StorageUnavailableError } from '../errors';

/**
 * SQLite result codes (primary, or the prefix of extended ones) that say the storage cannot
 * write now, rather than that this append broke a rule: full disk, read-only or vanished files,
 * I/O failures, a write lock held by another connection past the busy timeout, permissions.
 */
const UNAVAILABLE_PRIMARY_CODES = ['SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_IOERR', 'SQLITE_BUSY', 'SQLITE_CANTOPEN', 'SQLITE_PERM'];

export function isStorageUnavailableCode(code: string): boolean {
  return UNAVAILABLE_PRIMARY_CODES.some((primary) => code === primary || code.startsWith(`${primary}_`));
}

/**
 * The SQLite result code of an error from better-sqlite3, else undefined. Recognised by shape,
 * not `instanceof`: the native addon keeps the SqliteError class of the first copy of the module
 * loaded in the process, and Jest loads a copy per test file, each in its own realm.
 */
export function sqliteCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return name === Database.SqliteError.name && typeof code === 'string' ? code : undefined;
}

export function isStorageUnavailable(error: unknown): boolean {
  const code = sqliteCode(error);
  return code !== undefined && isStorageUnavailableCode(code);
}

/** Wraps what the storage refused in our typed error; anything else passes through unchanged. */
export function toStorageError(error: unknown): unknown {
  const code = sqliteCode(error);
  return code !== undefined && isStorageUnavailableCode(code) ? new StorageUnavailableError(code, error) : error;
}
