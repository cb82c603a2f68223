import { MunicipalityCode } from '../common.schemas';
import { z } from '../zod';
import { defineMessage, defineTopic, type TopicMessage, type TopicMessageInput } from './topic';

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
export type MunicipalityAnnounced = z.infer<typeof MunicipalityAnnounced>;

const Fingerprint = z.string().regex(/^[0-9a-f]{4}( [0-9a-f]{4}){15}$/);

/**
 * A signing-key rotation, step 1: the municipality names the key that will succeed its current
 * one. The envelope is signed with the current key (which partners pinned); `proof` is the
 * successor's own signature over code and both fingerprints, so nobody can name a key it does not
 * hold. Partners then accept messages signed by either key.
 */
export const SigningKeySuccessorAnnounced = z
  .strictObject({
    code: MunicipalityCode,
    /** The fingerprint of the key this one succeeds: the key that signed the envelope. */
    currentFingerprint: Fingerprint,
    successorKey: z.string().min(40).max(1000),
    successorFingerprint: Fingerprint,
    /** Ed25519 signature by the successor key (see `successorProofBytes`), base64url. */
    proof: z.base64url().min(1),
  })
  .openapi('SigningKeySuccessorAnnounced');
export type SigningKeySuccessorAnnounced = z.infer<typeof SigningKeySuccessorAnnounced>;

/** Step 2, signed with the successor: the old key is retired, and partners stop accepting it. */
export const SigningKeyRetired = z
  .strictObject({ code: MunicipalityCode, retiredFingerprint: Fingerprint, signingKey: z.string().min(40).max(1000), fingerprint: Fingerprint })
  .openapi('SigningKeyRetired');
export type SigningKeyRetired = z.infer<typeof SigningKeyRetired>;

const between = z.strictObject({ from: MunicipalityCode, to: MunicipalityCode });
export const PartnershipProposedMessage = between.openapi('PartnershipProposedMessage');
export const PartnershipAcceptedMessage = between.openapi('PartnershipAcceptedMessage');
export const PartnershipDeclinedMessage = between.openapi('PartnershipDeclinedMessage');
export const PartnershipRevokedMessage = between.openapi('PartnershipRevokedMessage');
export type PartnershipStepMessage = z.infer<typeof between>;

/** One key per ordered pair of municipalities, so the steps between them stay in order. */
const stepKey = (step: PartnershipStepMessage) => `${step.from}-${step.to}`;

export const DirectoryTopic = defineTopic({
  kind: 'directory',
  /** The announcing municipality's code, or `<from>-<to>` for a partnership step. */
  key: z.string().regex(/^\d{4}(-\d{4})?$/),
  messages: [
    defineMessage('MunicipalityAnnounced', 1, MunicipalityAnnounced, (announcement) => announcement.code),
    defineMessage('PartnershipProposed', 1, PartnershipProposedMessage, stepKey),
    defineMessage('PartnershipAccepted', 1, PartnershipAcceptedMessage, stepKey),
    defineMessage('PartnershipDeclined', 1, PartnershipDeclinedMessage, stepKey),
    defineMessage('PartnershipRevoked', 1, PartnershipRevokedMessage, stepKey),
    defineMessage('SigningKeySuccessorAnnounced', 1, SigningKeySuccessorAnnounced, (succession) => succession.code),
    defineMessage('SigningKeyRetired', 1, SigningKeyRetired, (retirement) => retirement.code),
  ],
});
export type DirectoryTopicMessage = TopicMessage<typeof DirectoryTopic>;
export type DirectoryTopicMessageInput = TopicMessageInput<typeof DirectoryTopic>;

/** What a directory consumer understands, by message type and schema version. */
export const DIRECTORY_PAYLOADS = DirectoryTopic.payloads;
