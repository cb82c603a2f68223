import { openJson, sealJson, type Ciphertext } from './field-cipher';
import type { KeyStore } from './key-store';
import { personalFieldsOf, type FieldPath } from './personal-fields';

/** Where a personal value was, in the stored data: the value itself is in `$enc`. */
export const ENCRYPTED = '[encrypted]';
/** What a personal value reads once its subject's key is destroyed. */
export const ERASED = '[erased]';

/** The stored form: the data with each personal value replaced by ENCRYPTED, and the values sealed here. */
export interface EncryptedFields extends Ciphertext {
  subject: string;
  v: 1;
}

type Data = Record<string, unknown>;
const isRecord = (value: unknown): value is Data => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Calls `replace` on every value at `path` in `data`, in a fixed order, and writes back what it
 * returns (a copy: the caller's object is left alone). Absent optional fields are skipped.
 */
export function mapPath(data: unknown, path: FieldPath, replace: (value: unknown) => unknown): unknown {
  const [head, ...rest] = path.split('.');
  if (head === undefined || !isRecord(data)) return data;
  const each = head.endsWith('[]');
  const key = each ? head.slice(0, -2) : head;
  if (!(key in data) || data[key] === undefined) return data;
  const inner = (value: unknown) => (rest.length === 0 ? replace(value) : mapPath(value, rest.join('.'), replace));
  const current = data[key];
  const next = each ? (Array.isArray(current) ? current.map(inner) : current) : inner(current);
  return { ...data, [key]: next };
}

function mapPaths(data: unknown, paths: readonly FieldPath[], replace: (value: unknown) => unknown): unknown {
  return paths.reduce((current, path) => mapPath(current, path, replace), data);
}

/** Binds the ciphertext to its event: moved to another event or subject, it does not open. */
const aadOf = (subject: string, eventId: string) => `${subject}|${eventId}`;

/** The data as stored: personal values sealed with the subject's key; other events unchanged. */
export async function encryptEventData(keys: KeyStore, streamId: string, event: { eventId: string; type: string; data: unknown }): Promise<unknown> {
  const fields = personalFieldsOf(streamId, event.type, event.data);
  if (!fields) return event.data;
  const values: unknown[] = [];
  const redacted = mapPaths(event.data, fields.paths, (value) => {
    values.push(value);
    return ENCRYPTED;
  });
  if (values.length === 0) return event.data;
  const key = await keys.keyForWriting(fields.subject);
  const sealed: EncryptedFields = { subject: fields.subject, v: 1, ...sealJson(key, values, aadOf(fields.subject, event.eventId)) };
  return { ...(redacted as Data), $enc: sealed };
}

/**
 * The data as the domain wrote it; once the subject's key is destroyed, each personal value reads
 * ERASED. Events written before encryption (no `$enc`) are returned as they are. A ciphertext that
 * does not open with the subject's key (tampered, or the wrong key) throws: never silently erased.
 */
export async function decryptEventData(keys: KeyStore, streamId: string, event: { eventId: string; type: string; data: unknown }): Promise<unknown> {
  if (!isRecord(event.data) || !isRecord(event.data['$enc'])) return event.data;
  const { $enc, ...stored } = event.data as Data & { $enc: EncryptedFields };
  const fields = personalFieldsOf(streamId, event.type, stored);
  const paths = fields?.paths ?? [];
  const key = await keys.keyForReading($enc.subject);
  if (!key) return mapPaths(stored, paths, (value) => (value === ENCRYPTED ? ERASED : value));
  const values = openJson(key, $enc, aadOf($enc.subject, event.eventId));
  if (!Array.isArray(values)) throw new Error(`The personal fields of event ${event.eventId} are malformed`);
  let next = 0;
  return mapPaths(stored, paths, (value) => (value === ENCRYPTED ? values[next++] : value));
}
