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
  ],
});
export type DirectoryTopicMessage = TopicMessage<typeof DirectoryTopic>;
export type DirectoryTopicMessageInput = TopicMessageInput<typeof DirectoryTopic>;

/** What a directory consumer understands, by message type and schema version. */
export const DIRECTORY_PAYLOADS = DirectoryTopic.payloads;
