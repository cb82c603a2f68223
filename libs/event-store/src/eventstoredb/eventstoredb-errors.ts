import { StorageUnavailableError } from '../errors';

type EsdbModule = typeof import('@eventstore/db-client');

/**
 * The client's errors that mean the server cannot be used now become StorageUnavailableError.
 * Only a refusal by a follower (not the leader) proves that an append stored nothing: after a
 * deadline, a timeout or an unavailable channel the request may have reached the leader, so the
 * append's outcome is unknown (`nothingRecorded: false`), which the caller must not hide.
 */
export function toStorageError(esdb: EsdbModule, error: unknown, { writing }: { writing: boolean }): unknown {
  if (error instanceof esdb.NotLeaderError) return new StorageUnavailableError(error.type, error, true);
  const outcomeUnknown =
    error instanceof esdb.UnavailableError || error instanceof esdb.DeadlineExceededError || error instanceof esdb.TimeoutError;
  if (outcomeUnknown) return new StorageUnavailableError(error.type, error, !writing);
  return error;
}
