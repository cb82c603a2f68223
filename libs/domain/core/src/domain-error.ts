/**
 * How the shell should treat a refused command:
 * - `not-found`: the thing addressed does not exist;
 * - `conflict`: the command does not fit the aggregate's current state (retry after re-reading);
 * - `rule`: the command breaks a business rule (the request itself must change);
 * - `precondition`: the caller decided on a revision that is no longer current.
 */
export type DomainErrorKind = 'not-found' | 'conflict' | 'rule' | 'precondition';

/** A refused command. `code` is stable (e.g. `FAMILY.CHECKS_NOT_CLEAR`) and part of the API contract. */
export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: string,
    readonly kind: DomainErrorKind,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** A business rule, read as a sentence: `rule(capacityIsWithinApproval, ...)`. */
export function ensure(condition: boolean, error: () => DomainError): asserts condition {
  if (!condition) throw error();
}
