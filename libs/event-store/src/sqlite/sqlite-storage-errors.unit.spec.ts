import Database from 'better-sqlite3';
import { StorageUnavailableError, WrongExpectedRevisionError } from '../errors';
import { isStorageUnavailableCode, toStorageError } from './sqlite-storage-errors';

describe('SQLite storage errors', () => {
  it.each([
    'SQLITE_FULL',
    'SQLITE_READONLY',
    'SQLITE_READONLY_DBMOVED',
    'SQLITE_IOERR',
    'SQLITE_IOERR_FSYNC',
    'SQLITE_BUSY',
    'SQLITE_BUSY_SNAPSHOT',
    'SQLITE_CANTOPEN',
    'SQLITE_PERM',
  ])('%s means the storage cannot write now', (code) => {
    expect(isStorageUnavailableCode(code)).toBe(true);
  });

  it.each(['SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_ERROR', 'SQLITE_TOOBIG', 'SQLITE_FULLY_INVENTED', 'SQLITE_BUSYNESS'])(
    '%s is not a storage outage',
    (code) => {
      expect(isStorageUnavailableCode(code)).toBe(false);
    },
  );

  it('wraps an outage with its code and cause, saying that nothing was recorded', () => {
    const cause = new Database.SqliteError('database or disk is full', 'SQLITE_FULL');
    const wrapped = toStorageError(cause);
    expect(wrapped).toBeInstanceOf(StorageUnavailableError);
    expect(wrapped).toMatchObject({ code: 'SQLITE_FULL', cause, nothingRecorded: true });
    expect((wrapped as Error).message).toContain('nothing of this append was recorded');
  });

  it('passes any other error through unchanged', () => {
    const constraint = new Database.SqliteError('UNIQUE constraint failed', 'SQLITE_CONSTRAINT_UNIQUE');
    const conflict = new WrongExpectedRevisionError('s', 1, 2);
    expect(toStorageError(constraint)).toBe(constraint);
    expect(toStorageError(conflict)).toBe(conflict);
  });
});
