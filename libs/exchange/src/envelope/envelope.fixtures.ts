import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { UnsignedEnvelope } from '@familybank/contracts';
import type { DecodeOptions } from './envelope-codec';
import { generateSigningKeys, type SigningKeys } from './signing';

/** Test data for the envelope specs: two municipalities with keys, and a consumer that knows one message type. */
export const keysOf: Record<'0630' | '0101', SigningKeys> = { '0630': generateSigningKeys(), '0101': generateSigningKeys() };

export const PoolEntryV1 = z.strictObject({ pseudonym: z.string().min(22), freeCapacity: z.number().int().min(0) });

/** A consumer in a third municipality that pinned both keys and understands PoolEntryPublished v1. */
export const decodeOptions: DecodeOptions = {
  trustedKeyOf: (source) => (source === '0630' || source === '0101' ? keysOf[source].publicKey : undefined),
  payloadSchemas: { PoolEntryPublished: { 1: PoolEntryV1 } },
};

export function unsignedEnvelope(overrides: Partial<UnsignedEnvelope> = {}): UnsignedEnvelope {
  return {
    messageId: randomUUID(),
    type: 'PoolEntryPublished',
    schemaVersion: 1,
    occurredAt: '2026-11-27T09:30:00.000Z',
    source: '0630',
    correlationId: randomUUID(),
    payload: { pseudonym: 'q1w2e3r4t5y6u7i8o9p0as', freeCapacity: 2 },
    ...overrides,
  };
}
