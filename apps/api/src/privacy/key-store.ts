import { DomainError } from '@familybank/domain-core';

/**
 * Data keys per subject (a family, a person of a child's network), for envelope encryption of the
 * personal fields in events. The port a KMS can replace: the default adapter keeps each key
 * wrapped under the node's master key in its own SQLite file (`SqliteKeyStore`).
 */
export interface KeyStore {
  /** The subject's data key, created on first use; refused once the subject was erased. */
  keyForWriting(subject: string): Promise<Buffer>;
  /** The subject's data key, or undefined when it was destroyed (or never existed). */
  keyForReading(subject: string): Promise<Buffer | undefined>;
  /** Destroys the subject's key for good: what it encrypted can never be read again. Idempotent. */
  destroy(subject: string): Promise<void>;
  close(): void;
}

/** Writing personal data for a subject whose key was destroyed would bring it back: refused like a rule (409). */
export class SubjectErasedError extends DomainError {
  constructor(readonly subject: string) {
    super('PRIVACY.SUBJECT_ERASED', 'conflict', `The personal data of ${subject.split(':')[0]} was erased; nothing new is recorded for it`);
  }
}

/** Subjects: whose key encrypts a field. A family's key also covers its support records. */
export const familySubject = (familyId: string) => `family:${familyId}`;
export const networkPersonSubject = (requestId: string, personId: string) => `network-person:${requestId}/${personId}`;
/** Free texts of a child's request (visits, endings): at rest under the request's own key. */
export const requestSubject = (requestId: string) => `request:${requestId}`;
