import { Logger } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import { DirectoryTopic, type DirectoryTopicMessage, type Envelope } from '@familybank/contracts';
import { assertNever, DomainError } from '@familybank/domain-core';
import { DIRECTORY_OWNER, type Announcement, type DirectoryCommand } from '@familybank/domain-partner-facts';
import type { PartnershipCommand } from '@familybank/domain-partnership';
import { DIRECTORY_TOPIC, decodeTopicMessage, verifyEnvelope, verifySuccession, type DeadLetterStore, type DeliveredMessage, type Exchange, type ExchangeSubscription } from '@familybank/exchange';
import { DIRECTORY, DIRECTORY_MUNICIPALITY, type DirectoryEntry, type DocumentStore } from '@familybank/read-models';
import type { CommandExecutor } from '../platform/commands/command-gateway';
import type { ReadSide } from '../platform/commands/read-side';
import type { MunicipalityIdentities } from './municipality-identities';

const ANNOUNCEMENT_NAMESPACE = '8f2a4c6e-1b3d-4e5f-9a7b-0c1d2e3f4a5b';

/** A partnership step on the directory: everything on it but announcements and key rotations. */
export type PartnershipStep = Exclude<DirectoryTopicMessage, { type: 'MunicipalityAnnounced' | 'SigningKeySuccessorAnnounced' | 'SigningKeyRetired' }>;

/**
 * The partnerships capability's mapping of a partner's step (verified: its sender is `partner`) to
 * what we record on our partnership stream; `announced` is the partner's directory entry, if any.
 */
export type PartnershipStepMapper = (step: PartnershipStep, partner: string, announced: DirectoryEntry | undefined) => PartnershipCommand | undefined;

/**
 * The one shared topic, read once per node: announcements (recorded on the node's directory,
 * trust on first use) and partnership steps addressed to the municipalities the node serves
 * (recorded on their partnership streams). Every message is verified against the directory.
 */
export class DirectoryConsumer {
  private readonly logger = new Logger('Directory');
  private subscription?: ExchangeSubscription;

  constructor(
    private readonly nodeId: string,
    private readonly exchange: Exchange,
    private readonly documents: DocumentStore,
    private readonly deadLetters: DeadLetterStore,
    private readonly gateway: CommandExecutor,
    private readonly readSide: ReadSide,
    private readonly identities: MunicipalityIdentities,
    /** A partnership step may open or close a partner's subscriptions. */
    private readonly afterPartnerStep: () => Promise<void>,
    private readonly partnershipStep: PartnershipStepMapper,
  ) {}

  async start(): Promise<void> {
    await this.exchange.ensureTopic(DIRECTORY_TOPIC, { compacted: false });
    this.subscription = await this.exchange.subscribe(
      { groupId: `${this.nodeId}.directory`, topics: [DIRECTORY_TOPIC], from: 'committed', onError: (error) => this.logger.error(`Directory consumer stopped: ${String(error)}`) },
      (message) => this.onMessage(message),
    );
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
  }

  entries(): DirectoryEntry[] {
    return this.documents.all<DirectoryEntry>(DIRECTORY, DIRECTORY_MUNICIPALITY).sort((a, b) => a.code.localeCompare(b.code));
  }

  entry(code: string): DirectoryEntry | undefined {
    return this.documents.get<DirectoryEntry>(DIRECTORY, code)?.body;
  }

  private async onMessage(message: DeliveredMessage): Promise<void> {
    if (message.value === null) return;
    const result = decodeTopicMessage(message.value, DirectoryTopic, (source) => this.trustedDirectoryKey(source, message.value!));
    if (!result.ok) {
      this.deadLetters.record({ topic: message.topic, offset: message.offset, key: message.key, rawValue: message.value, reason: result.reason, detail: result.detail });
      return;
    }
    const { envelope, message: directoryMessage } = result;
    switch (directoryMessage.type) {
      case 'MunicipalityAnnounced': {
        const { code, name, signingKey, fingerprint, encryptionKey } = directoryMessage.payload;
        if (code !== envelope.source) return this.deadLetter(message, 'forged', 'An announcement names another municipality than its signer');
        return this.recordAnnouncement(envelope, { code, name, signingKey, fingerprint, encryptionKey, announcedAt: envelope.occurredAt });
      }
      case 'SigningKeySuccessorAnnounced': {
        const { code, currentFingerprint, successorKey, successorFingerprint, proof } = directoryMessage.payload;
        const known = this.entry(code);
        if (code !== envelope.source || !known) return this.deadLetter(message, 'forged', 'A successor key announced by another municipality than its signer, or before it announced itself');
        // Only the current key may name a successor (not a successor naming the next one), and the successor must prove itself.
        if (!verifyEnvelope(envelope, known.signingKey) || currentFingerprint !== known.fingerprint) return this.deadLetter(message, 'forged', `A successor key not vouched for by ${code}'s current key`);
        if (!verifySuccession({ code, currentFingerprint, successorFingerprint }, successorKey, proof)) return this.deadLetter(message, 'forged', 'The successor key does not prove its succession');
        return this.recordKeyChange(envelope, { type: 'RecordKeySuccessor', data: { code, currentFingerprint, signingKey: successorKey, fingerprint: successorFingerprint, announcedAt: envelope.occurredAt } });
      }
      case 'SigningKeyRetired': {
        const { code, retiredFingerprint, signingKey } = directoryMessage.payload;
        const successor = this.entry(code)?.successor;
        if (code !== envelope.source || !successor) return this.deadLetter(message, 'forged', 'A key retirement by another municipality than its signer, or without an announced successor');
        // Signed by the successor itself: the old key cannot retire itself in favour of nobody.
        if (signingKey !== successor.signingKey || !verifyEnvelope(envelope, successor.signingKey)) return this.deadLetter(message, 'forged', `A key retirement not signed by ${code}'s announced successor`);
        // When the exchange accepted the retirement: messages it accepted before stay valid (see trustedSigningKeys).
        return this.recordKeyChange(envelope, { type: 'RecordKeyRetirement', data: { code, retiredFingerprint, retiredAt: message.timestamp } });
      }
      case 'PartnershipProposed':
      case 'PartnershipAccepted':
      case 'PartnershipDeclined':
      case 'PartnershipRevoked': {
        const { from, to: own } = directoryMessage.payload;
        if (from !== envelope.source) return this.deadLetter(message, 'forged', 'A partnership step names another sender than its signer');
        if (!this.identities.served().includes(own)) return;
        await this.recordPartnerStep(own, envelope.source, directoryMessage, envelope.messageId, envelope.correlationId);
        return;
      }
      default:
        return assertNever(directoryMessage);
    }
  }

  /**
   * The node's directory is recorded on `directory-<code>` (trust on first use: see the directory
   * decider). The next directory message is verified against it, so it waits for the read model.
   */
  private async recordAnnouncement(envelope: Envelope, announcement: Announcement): Promise<void> {
    const commandId = uuidv5(`${envelope.messageId}:announced`, ANNOUNCEMENT_NAMESPACE);
    try {
      const target = { aggregate: 'directory' as const, id: announcement.code, command: { type: 'RecordAnnouncement' as const, data: announcement } };
      const result = await this.gateway.execute(target, { municipality: DIRECTORY_OWNER, actor: `partner:${announcement.code}`, commandId, correlationId: envelope.correlationId });
      if (result.appended === 0) return;
      const visibility = await this.readSide.waitFor(result.position);
      if (!visibility.visible) this.logger.warn(`The directory shows ${announcement.code}'s announcement only once the read models catch up: ${visibility.reason}`);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`Ignored the announcement of ${announcement.code}: ${error.code}: ${error.message}`);
    }
  }

  /** A step of a partner's key rotation, on its directory stream; consumers read the keys from there (see trustedSigningKeys). */
  private async recordKeyChange(envelope: Envelope, command: Extract<DirectoryCommand, { type: 'RecordKeySuccessor' | 'RecordKeyRetirement' }>): Promise<void> {
    const commandId = uuidv5(`${envelope.messageId}:${command.type}`, ANNOUNCEMENT_NAMESPACE);
    try {
      const result = await this.gateway.execute({ aggregate: 'directory', id: command.data.code, command }, { municipality: DIRECTORY_OWNER, actor: `partner:${command.data.code}`, commandId, correlationId: envelope.correlationId });
      // The next message of this municipality may be signed by the new key: the read model must show it first.
      if (result.appended > 0) await this.readSide.waitFor(result.position);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`Ignored ${command.type} of ${command.data.code}: ${error.code}: ${error.message}`);
    }
  }

  private async recordPartnerStep(own: string, partner: string, step: PartnershipStep, messageId: string, correlationId: string): Promise<void> {
    const command = this.partnershipStep(step, partner, this.entry(partner));
    if (!command) return;
    try {
      // The message id is the command id: a redelivered step is recognised and appends nothing.
      await this.gateway.execute({ aggregate: 'partnership', id: partner, command }, { municipality: own, actor: `partner:${partner}`, commandId: messageId, correlationId });
    } catch (error) {
      // A step that does not fit our view (e.g. an acceptance nobody asked for) changes nothing.
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`Ignored ${step.type} from ${partner} for ${own}: ${error.code}`);
    }
    await this.afterPartnerStep();
  }

  /**
   * Directory trust: a municipality's first announcement is self-signed (trust on first use; its
   * fingerprint is shown to partners before they accept); afterwards only the announced key counts,
   * and its successor once the current key named it.
   */
  private trustedDirectoryKey(source: string, raw: string): string | string[] | undefined {
    const known = this.entry(source);
    // During a rotation's overlap, the announced successor signs too.
    if (known) return known.successor ? [known.signingKey, known.successor.signingKey] : known.signingKey;
    try {
      const parsed = JSON.parse(raw) as { type?: string; payload?: { signingKey?: unknown } };
      return parsed.type === 'MunicipalityAnnounced' && typeof parsed.payload?.signingKey === 'string' ? parsed.payload.signingKey : undefined;
    } catch {
      return undefined;
    }
  }

  private deadLetter(message: DeliveredMessage, reason: 'forged', detail: string): void {
    this.deadLetters.record({ topic: message.topic, offset: message.offset, key: message.key, rawValue: message.value, reason, detail });
  }
}
