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
