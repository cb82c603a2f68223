import { MunicipalityCode } from '../common.schemas';
import { z } from '../zod';

/**
 * Messages on the one shared topic, familybank.directory.v1. They hold no personal data: who
 * the municipalities are, their public keys, and partnership proposals and answers.
 */
export const MunicipalityAnnounced = z
  .strictObject({
    code: MunicipalityCode,
    name: z.string().min(1).max(100),
    /** Ed25519 public key, PEM (SPKI). Self-signed: the announcement is signed with the matching private key. */
    signingKey: z.string().min(40).max(1000),
    fingerprint: z.string().regex(/^[0-9a-f]{4}( [0-9a-f]{4}){15}$/),
    /** X25519 public key, PEM (SPKI): partners seal disclosures to it. */
    encryptionKey: z.string().min(40).max(1000),
  })
  .openapi('MunicipalityAnnounced');

const between = z.strictObject({ from: MunicipalityCode, to: MunicipalityCode });
export const PartnershipProposedMessage = between.openapi('PartnershipProposedMessage');
export const PartnershipAcceptedMessage = between.openapi('PartnershipAcceptedMessage');
export const PartnershipDeclinedMessage = between.openapi('PartnershipDeclinedMessage');
export const PartnershipRevokedMessage = between.openapi('PartnershipRevokedMessage');

/** What a directory consumer understands, by message type and schema version. */
export const DIRECTORY_PAYLOADS = {
  MunicipalityAnnounced: { 1: MunicipalityAnnounced },
  PartnershipProposed: { 1: PartnershipProposedMessage },
  PartnershipAccepted: { 1: PartnershipAcceptedMessage },
  PartnershipDeclined: { 1: PartnershipDeclinedMessage },
  PartnershipRevoked: { 1: PartnershipRevokedMessage },
} as const;
