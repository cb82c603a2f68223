import type { ZodType } from 'zod';
import { Envelope } from '@familybank/contracts';
import type { DeliveredMessage } from '../exchange.port';
import { type KeyInput, verifyEnvelope } from './signing';

export type RejectionReason = 'malformed' | 'unsigned' | 'unknown-source' | 'forged' | 'unknown-type' | 'unknown-version' | 'invalid-payload';

export interface DecodeOptions {
  /**
   * The key pinned for a municipality when the partnership was accepted; undefined if none is.
   * Several keys (the current and its announced successor, during a key rotation's overlap) are
   * each accepted. `message` (when the caller has it) lets a retired key still count for what
   * the exchange accepted before it was retired.
   */
  trustedKeyOf(source: string, message?: DeliveredMessage): KeyInput | readonly KeyInput[] | undefined;
  /** Payload schema per message type and schema version: what this consumer understands. */
  payloadSchemas: Readonly<Record<string, Readonly<Record<number, ZodType>>>>;
}

export type DecodeResult<Payload = unknown> = { ok: true; envelope: Envelope; payload: Payload } | Rejection;

/** Validates before serializing, so an envelope that its consumers would refuse is never sent. */
export function encodeEnvelope(envelope: Envelope): string {
  return JSON.stringify(Envelope.parse(envelope));
}

/**
 * Turns a raw message value into a trusted envelope, or says why not. The order matters: the
 * signature is checked against the source's pinned key before the payload is looked at, so
 * nothing an unauthenticated sender wrote gets further than the envelope's shape.
 */
export function decodeEnvelope(raw: string, options: DecodeOptions): DecodeResult {
  const signed = decodeSigned(raw, options.trustedKeyOf);
  if (!signed.ok) return signed;
  const { envelope } = signed;

  const versions = Object.hasOwn(options.payloadSchemas, envelope.type) ? options.payloadSchemas[envelope.type] : undefined;
  if (!versions) return reject('unknown-type', `Unknown message type ${envelope.type}`);
  const schema = Object.hasOwn(versions, envelope.schemaVersion) ? versions[envelope.schemaVersion] : undefined;
  if (!schema) return reject('unknown-version', `${envelope.type} has no schema version ${envelope.schemaVersion} here (known: ${Object.keys(versions).join(', ')})`);

  const payload = schema.safeParse(envelope.payload);
  if (!payload.success) return reject('invalid-payload', describeIssues(payload.error.issues));
  return { ok: true, envelope, payload: payload.data };
}

/** The envelope's shape and signature, checked against the key pinned for its source; the payload is not looked at. */
export function decodeSigned(raw: string, trustedKeyOf: DecodeOptions['trustedKeyOf']): { ok: true; envelope: Envelope } | Rejection {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    return reject('malformed', `Not JSON: ${(error as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return reject('malformed', 'Not a JSON object');
  if (!('signature' in json) || json.signature === null || json.signature === '') return reject('unsigned', 'The envelope has no signature');

  const parsed = Envelope.safeParse(json);
  if (!parsed.success) return reject('malformed', describeIssues(parsed.error.issues));
  const envelope = parsed.data;

  const keys = trustedKeys(trustedKeyOf(envelope.source));
  if (keys.length === 0) return reject('unknown-source', `No key is pinned for municipality ${envelope.source}`);
  // A signature made by another municipality's key, with its `source` rewritten, fails here too.
  if (!keys.some((key) => verifyEnvelope(envelope, key))) return reject('forged', `The signature does not verify with the key pinned for ${envelope.source}`);
  return { ok: true, envelope };
}

/** What trustedKeyOf answered, as a list (empty: no key is pinned). */
export function trustedKeys(answer: KeyInput | readonly KeyInput[] | undefined): readonly KeyInput[] {
  if (answer === undefined) return [];
  return Array.isArray(answer) ? answer : [answer as KeyInput];
}

export interface Rejection {
  ok: false;
  reason: RejectionReason;
  detail: string;
}

export function reject(reason: RejectionReason, detail: string): Rejection {
  return { ok: false, reason, detail };
}

/** Paths and messages only: a detail is stored with the dead letter (or logged) and must not copy values out of it. */
export function describeIssues(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 10)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
}
