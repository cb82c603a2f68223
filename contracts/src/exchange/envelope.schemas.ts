import { MunicipalityCode } from '../common.schemas';
import { z } from '../zod';

/**
 * The fields of every message a municipality publishes on the exchange (DESIGN §5), before the
 * source signs them. The signature covers exactly these fields, so none may be added without a
 * new envelope version.
 */
export const UnsignedEnvelope = z.strictObject({
  /** Consumers deduplicate by it: a redelivered message has the same id. */
  messageId: z.uuid(),
  /** What the payload is, e.g. `PoolEntryPublished`; with schemaVersion it selects the payload schema. */
  type: z.string().min(1).max(100),
  schemaVersion: z.number().int().min(1),
  /** UTC, as `Date.prototype.toISOString` writes it. */
  occurredAt: z.iso.datetime(),
  /** The municipality that published and signed the message; its pinned key must verify the signature. */
  source: MunicipalityCode,
  correlationId: z.string().min(1).max(200),
  /** Validated by the consumer against the schema of (type, schemaVersion) only after the signature checked out. */
  payload: z.record(z.string(), z.unknown()),
});
export type UnsignedEnvelope = z.infer<typeof UnsignedEnvelope>;

export const Envelope = UnsignedEnvelope.extend({
  /** Ed25519 signature by the source over the canonical form of the other fields, base64url without padding. */
  signature: z.base64url().min(1),
});
export type Envelope = z.infer<typeof Envelope>;
