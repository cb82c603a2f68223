import { Logger } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import {
  ProfilesViewedContent,
  type AcceptanceRequested,
  type ChildNeeds,
  type DisclosuresTopicMessage,
  type Envelope,
  type OffersTopicMessage,
  type RequestsTopicMessage,
  type SealedBoxMessage,
} from '@familybank/contracts';
import { assertNever, DomainError } from '@familybank/domain-core';
import type { RequestCommand } from '@familybank/domain-request';
import type { EventStore } from '@familybank/event-store';
import { encryptionKeyFingerprint } from '@familybank/exchange';
import { offersProjection, type DocumentStore, type OfferDocument, type ProjectionRunner } from '@familybank/read-models';
import { executeFamilyCommand } from '../families/family-commands';
import { executeOfferCommand } from '../inbox/offer-commands';
import type { Clock } from '../infrastructure/tokens';
import { executeRequestCommand } from '../requests/request-commands';
import type { DirectoryEntry, PartnerMessageHandler } from './federation-consumer';
import { profileViewsAad, recordProfileViews } from './profile-views';

export const INBOX = 'inbox';
const STEP_NAMESPACE = '5b0c3f49-1d7e-4a38-9b2f-6e1a7c9d0e23';

/** A request of a partner, as the receiving municipality's inbox holds it. */
export interface InboxEntry {
  requester: string;
  requestId: string;
  needs: ChildNeeds;
  responseDeadline: string;
  status: 'open' | 'closed';
  closedReason?: string;
  receivedAt: string;
}

const inboxId = (own: string, requester: string, requestId: string) => `${own}:${requester}:${requestId}`;

/**
 * Acts on partners' requests, offers and disclosures for one municipality this node serves. Each
 * step is a command whose id derives from the message id, so a redelivered message changes nothing.
 */
export class PartnerMessages implements PartnerMessageHandler {
  private readonly logger = new Logger('PartnerMessages');

  constructor(
    private readonly events: EventStore,
    private readonly documents: DocumentStore,
    private readonly projections: ProjectionRunner,
    private readonly clock: Clock,
    private readonly directoryEntry: (code: string) => DirectoryEntry | undefined,
    private readonly afterChange: () => void,
    /** Opens a box sealed to one of this node's municipalities. */
    private readonly openSealed: (own: string, box: SealedBoxMessage, associatedData: string) => Buffer,
  ) {}

  async onRequestMessage(own: string, envelope: Envelope, message: RequestsTopicMessage): Promise<void> {
    const requester = envelope.source;
    switch (message.type) {
      case 'RequestPublished': {
        const { requestId, audience, needs, responseDeadline } = message.payload;
        if (!audience.includes(own)) return;
        const entry: InboxEntry = { requester, requestId, needs, responseDeadline, status: 'open', receivedAt: envelope.occurredAt };
        this.documents.put(INBOX, inboxId(own, requester, requestId), own, entry);
        return;
      }
      case 'RequestClosed': {
        const { requestId, reason } = message.payload;
        const id = inboxId(own, requester, requestId);
        const entry = this.documents.get<InboxEntry>(INBOX, id)?.body;
        if (entry) this.documents.put(INBOX, id, own, { ...entry, status: 'closed', closedReason: reason });
        // A request withdrawn or expired wants none of our offers: decline them, and free a place
        // reserved for an acceptance that the requester will never record.
        if (reason !== 'filled') {
          for (const offer of this.offersFor(own, requester, requestId)) {
            await this.onDeclined(own, requester, offer.offerId, `The request was ${reason}`, `${envelope.messageId}:${offer.offerId}`);
          }
        }
        return;
      }
      case 'AcceptanceRequested':
        if (message.payload.to === own) await this.reserveForAcceptance(own, requester, message.payload, envelope.messageId);
        return;
      case 'ProfilesViewed': {
        // Signed by the viewer and read only from an active partner's topic: the source is the viewer.
        const { owner, sealed } = message.payload;
        if (owner === own) {
          const content = ProfilesViewedContent.parse(JSON.parse(this.openSealed(own, sealed, profileViewsAad(requester, own)).toString('utf8')));
          recordProfileViews(this.documents, own, requester, envelope.messageId, { owner: own, ...content });
        }
        return;
      }
      case 'OfferDeclined':
        if (message.payload.to === own) await this.onDeclined(own, requester, message.payload.offerId, message.payload.reason, envelope.messageId);
        return;
      default:
        return assertNever(message);
    }
  }

  async onOfferMessage(own: string, envelope: Envelope, message: OffersTopicMessage): Promise<void> {
    if (message.payload.requester !== own) return;
    const partner = envelope.source;
    const command = recordAnswer(message, partner);
    await this.step(() => executeRequestCommand(this.events, this.clock, own, message.payload.requestId, command, this.context(partner, envelope.messageId, 'request')));
  }

  async onDisclosureMessage(own: string, envelope: Envelope, message: DisclosuresTopicMessage): Promise<void> {
    if (message.payload.requester !== own) return;
    const command = recordDisclosure(message);
    await this.step(() => executeRequestCommand(this.events, this.clock, own, message.payload.requestId, command, this.context(envelope.source, envelope.messageId, 'disclosure')));
  }

  /**
   * The owner's half of the acceptance saga (DESIGN §5): record the acceptance on the offer,
   * reserve the family on its own stream (optimistic concurrency: of two acceptances for the same
   * place, one wins), then confirm and disclose, or withdraw the offer with the reason.
   */
  private async reserveForAcceptance(own: string, requester: string, acceptance: AcceptanceRequested, messageId: string): Promise<void> {
    const { offerId } = acceptance;
    const offer = this.offer(offerId);
    if (!offer || offer.requester !== requester || offer.requestId !== acceptance.requestId) {
      this.logger.warn(`Acceptance from ${requester} for unknown offer ${offerId} ignored`);
      return;
    }
    const context = (step: string) => this.context(requester, messageId, step);
    await this.step(() => executeOfferCommand(this.events, this.clock, own, offerId, { type: 'ReceiveAcceptance', data: { acceptanceId: acceptance.acceptanceId } }, context('receive')));
    if (this.offer(offerId)?.status !== 'acceptance-received') return;
    const assignmentId = `as-${offerId}`.slice(0, 64);
    try {
      await executeFamilyCommand(this.events, this.clock, own, offer.familyId, {
        type: 'ReserveFamily',
        data: { assignmentId, requester: { municipality: requester, requestId: offer.requestId }, period: offer.period, children: offer.children },
      }, context('reserve'));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await this.step(() => executeOfferCommand(this.events, this.clock, own, offerId, { type: 'WithdrawOffer', data: { reason: error.message, code: error.code } }, context('withdraw')));
      return;
    }
    await this.step(() => executeOfferCommand(this.events, this.clock, own, offerId, { type: 'ConfirmAssignment', data: { assignmentId } }, context('confirm')));
    const recipient = this.directoryEntry(requester);
    if (recipient) {
      const recipientKeyFingerprint = encryptionKeyFingerprint(recipient.encryptionKey);
      await this.step(() => executeOfferCommand(this.events, this.clock, own, offerId, { type: 'RecordDisclosure', data: { assignmentId, recipientKeyFingerprint } }, context('disclose')));
    }
  }

  /**
   * The requester declined the offer, or cancelled its acceptance. If the family was already
   * reserved and confirmed for it (the cancellation crossed the confirmation), the place is freed:
   * the assignment ends on the family's stream and on the offer.
   */
  private async onDeclined(own: string, requester: string, offerId: string, reason: string, messageId: string): Promise<void> {
    const offer = this.offer(offerId);
    if (!offer || offer.requester !== requester) return;
    const context = (step: string) => this.context(requester, messageId, step);
    if (offer.status !== 'confirmed' || !offer.assignmentId || offer.assignmentEnded) {
      await this.step(() => executeOfferCommand(this.events, this.clock, own, offerId, { type: 'RecordOfferDeclined', data: { reason } }, context('declined')));
      return;
    }
    const ending = { assignmentId: offer.assignmentId, reason: `Released: ${reason}`.slice(0, 200), wantsNewAssignment: true };
    await this.step(() => executeFamilyCommand(this.events, this.clock, own, offer.familyId, { type: 'EndAssignment', data: ending }, context('release-family')));
    await this.step(() => executeOfferCommand(this.events, this.clock, own, offerId, { type: 'EndAssignment', data: ending }, context('release-offer')));
  }

  private offersFor(own: string, requester: string, requestId: string): OfferDocument[] {
    return this.documents.all<OfferDocument>(offersProjection.collection, own).filter((offer) => offer.requester === requester && offer.requestId === requestId);
  }

  private offer(offerId: string): OfferDocument | undefined {
    return this.documents.get<OfferDocument>(offersProjection.collection, offerId)?.body;
  }

  /** Runs one step; a step the aggregate refuses is logged, not retried: retrying cannot change the answer. */
  private async step(run: () => Promise<unknown>): Promise<void> {
    try {
      await run();
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`Partner message step refused: ${error.code}: ${error.message}`);
    }
    await this.projections.catchUp();
    this.afterChange();
  }

  private context(partner: string, messageId: string, step: string) {
    return { actor: `partner:${partner}`, commandId: uuidv5(`${messageId}:${step}`, STEP_NAMESPACE), correlationId: messageId };
  }
}

/** What the requester records of an owner's answer to its request. */
function recordAnswer(message: OffersTopicMessage, partner: string): RequestCommand {
  switch (message.type) {
    case 'OfferMade':
      return { type: 'RecordOffer', data: { offerId: message.payload.offerId, partner, pseudonym: message.payload.pseudonym } };
    case 'NoMatch':
      return { type: 'RecordNoMatch', data: { partner } };
    case 'OfferWithdrawn':
      return { type: 'RecordOfferWithdrawn', data: { offerId: message.payload.offerId, reason: message.payload.reason } };
    case 'AssignmentConfirmed':
      return { type: 'RecordAssignmentConfirmed', data: { offerId: message.payload.offerId, assignmentId: message.payload.assignmentId } };
    case 'AssignmentEnded':
      return { type: 'RecordAssignmentEnded', data: { assignmentId: message.payload.assignmentId, reason: message.payload.reason } };
    default:
      return assertNever(message);
  }
}

/** What the requester records of an owner's disclosure: the sealed box, opened only when read. */
function recordDisclosure(message: DisclosuresTopicMessage): RequestCommand {
  switch (message.type) {
    case 'ContactDetailsDisclosed':
      return { type: 'RecordDisclosure', data: { assignmentId: message.payload.assignmentId, sealed: message.payload.sealed } };
    default:
      // A one-member union narrows by its type only, not as a whole.
      return assertNever(message.type);
  }
}
