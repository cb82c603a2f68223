/** Raised when the stream's revision is not the one the writer expected. */
export class WrongExpectedRevisionError extends Error {
  override readonly name = 'WrongExpectedRevisionError';
  constructor(
    readonly streamId: string,
    readonly expected: number | 'no-stream' | 'any',
    /** -1 when the stream does not exist. */
    readonly actual: number,
  ) {
    super(`Stream ${streamId} is at revision ${actual === -1 ? '(none)' : actual}, expected ${expected}`);
  }
}

/** Raised when some, but not all, of the appended event ids were already stored. */
export class DuplicateEventIdError extends Error {
  override readonly name = 'DuplicateEventIdError';
  constructor(readonly streamId: string, readonly eventId: string) {
    super(`Event ${eventId} is already stored and cannot be appended to ${streamId} again`);
  }
}

/**
 * Raised when the storage cannot take or serve the call now (disk full, read-only or missing
 * files, I/O errors, a lock held too long, an unreachable server). The API answers it with 503
 * and Retry-After. When `nothingRecorded` is true, which it is for every SQLite failure, the
 * caller knows that none of the append's events were stored. It is false only when a write may
 * have reached a server before the failure (an EventStoreDB deadline or dropped connection):
 * then the outcome is unknown, and retrying with the same event ids is recognised as a retry.
 */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
  constructor(
    /** The storage's own code: SQLite's extended code (`SQLITE_FULL`, `SQLITE_IOERR_WRITE`, …) or EventStoreDB's error type. */
    readonly code: string,
    cause: unknown,
    readonly nothingRecorded = true,
  ) {
    super(
      nothingRecorded
        ? `The event store cannot be used now (${code}); nothing of this append was recorded`
        : `The event store could not confirm the append (${code}); it may or may not be recorded, and a retry with the same event ids is recognised`,
      { cause },
    );
  }
}
