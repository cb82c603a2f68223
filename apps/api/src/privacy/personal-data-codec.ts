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

/** A path split once into its steps: the key, and whether `[]` walks every element of an array. */
type Step = { key: string; each: boolean };
const splitPaths = new Map<FieldPath, readonly Step[]>();
function stepsOf(path: FieldPath): readonly Step[] {
  let steps = splitPaths.get(path);
  if (!steps) {
    steps = path.split('.').map((head) => (head.endsWith('[]') ? { key: head.slice(0, -2), each: true } : { key: head, each: false }));
    splitPaths.set(path, steps); // paths come from the fixed map in personal-fields.ts: a bounded set
  }
  return steps;
}

/**
 * Calls `replace` on every value at each path, path after path in the order given (ciphertexts
 * store the values in this order), and writes back what it returns. The caller's data is left
 * alone: each object or array on the way is copied once, however many paths pass through it (the
 * profile of registering a family showed a copy of the whole event per path). Absent optional
 * fields are skipped.
 */
export function mapPaths(data: unknown, paths: readonly FieldPath[], replace: (value: unknown) => unknown): unknown {
  const copies = new Set<object>();
  const root = { data };
  for (const path of paths) walk(root, 'data', stepsOf(path), 0, replace, copies);
  return root.data;
}

/** Applies the steps from `index` to `holder[field]` (a copy already), copying what it changes. */
function walk(holder: Data | unknown[], field: string | number, steps: readonly Step[], index: number, replace: (value: unknown) => unknown, copies: Set<object>): void {
  const value = (holder as Data)[field as string];
  if (index === steps.length) {
    (holder as Data)[field as string] = replace(value);
    return;
  }
  const { key, each } = steps[index]!;
  if (!isRecord(value) || !(key in value) || value[key] === undefined) return;
  const record = ownCopy(holder, field, value, copies) as Data;
  if (!each) return walk(record, key, steps, index + 1, replace, copies);
  const items = record[key];
  if (!Array.isArray(items)) return;
  const list = ownCopy(record, key, items, copies) as unknown[];
  for (let i = 0; i < list.length; i++) walk(list, i, steps, index + 1, replace, copies);
}

/** `value` as a copy this call made (made now, and put in its holder's place, on first change). */
function ownCopy(holder: Data | unknown[], field: string | number, value: Data | unknown[], copies: Set<object>): Data | unknown[] {
  if (copies.has(value)) return value;
  const copy = Array.isArray(value) ? [...value] : { ...value };
  copies.add(copy);
  (holder as Data)[field as string] = copy;
  return copy;
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
