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

export function isStorageUnavailable(error: unknown): error is InstanceType<typeof Database.SqliteError> {
  return error instanceof Database.SqliteError && isStorageUnavailableCode(error.code);
}

/** Wraps what the storage refused in our typed error; anything else passes through unchanged. */
export function toStorageError(error: unknown): unknown {
  return isStorageUnavailable(error) ? new StorageUnavailableError(error.code, error) : error;
}
