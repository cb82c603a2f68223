import { Logger } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import {
  ProfilesViewedContent,
  type DisclosuresTopicMessage,
  type Envelope,
  type OffersTopicMessage,
  type RequestsTopicMessage,
  type SealedBoxMessage,
} from '@familybank/contracts';
import { assertNever, DomainError } from '@familybank/domain-core';
import type { RequestCommand } from '@familybank/domain-request';
import type { AggregateCommand } from '@familybank/domain-workflows';
import type { CommandExecutor } from '../platform/commands/command-gateway';
import type { PartnerMessageHandler } from './federation-consumer';
import { profileViewsAad } from './sealing';

// The inbox is a projection of the partner-request streams; re-exported where the app used to find it.
export { INBOX, type InboxEntry } from '@familybank/read-models';

const STEP_NAMESPACE = '5b0c3f49-1d7e-4a38-9b2f-6e1a7c9d0e23';

/**
 * Records what partners send to one municipality this node serves, each message as one command
 * whose id derives from the message id (a redelivered message changes nothing): requests in our
 * inbox and their closing, views of our families, and the requester's steps on our offers. What
 * follows (declining our offers for a closed request, reserving the family, confirming,
 * disclosing, releasing a place) is the workflows' work.
 */
export class PartnerMessages implements PartnerMessageHandler {
  private readonly logger = new Logger('PartnerMessages');

  constructor(
    private readonly gateway: CommandExecutor,
    /** Opens a box sealed to one of this node's municipalities. */
    private readonly openSealed: (own: string, box: SealedBoxMessage, associatedData: string) => Buffer,
  ) {}

  async onRequestMessage(own: string, envelope: Envelope, message: RequestsTopicMessage): Promise<void> {
    const requester = envelope.source;
    switch (message.type) {
      case 'RequestPublished': {
        const { requestId, audience, needs, responseDeadline } = message.payload;
        if (!audience.includes(own)) return;
        const received = { requester, requestId, needs, responseDeadline, receivedAt: envelope.occurredAt };
        await this.record(own, envelope, 'received', { aggregate: 'partner-request', id: `${requester}/${requestId}`, command: { type: 'RecordPartnerRequest', data: received } });
        return;
      }
      case 'RequestClosed': {
        // The closed-partner-request workflow declines our offers for a withdrawn or expired request.
        const { requestId, audience, reason } = message.payload;
        if (!audience.includes(own)) return;
        await this.record(own, envelope, 'closed', { aggregate: 'partner-request', id: `${requester}/${requestId}`, command: { type: 'RecordPartnerRequestClosed', data: { requester, requestId, reason } } });
        return;
      }
      case 'AcceptanceRequested': {
        const { to, offerId, requestId, acceptanceId } = message.payload;
        // The owner-acceptance workflow reserves the family, confirms and discloses, or withdraws the offer.
        if (to === own) await this.record(own, envelope, 'receive', { aggregate: 'offer', id: offerId, command: { type: 'ReceiveAcceptance', data: { acceptanceId, from: { municipality: requester, requestId } } } });
        return;
      }
      case 'ProfilesViewed': {
        // Signed by the viewer and read only from an active partner's topic: the source is the viewer.
        const { owner, sealed } = message.payload;
        if (owner !== own) return;
        const { pseudonyms, viewedAt } = ProfilesViewedContent.parse(JSON.parse(this.openSealed(own, sealed, profileViewsAad(requester, own)).toString('utf8')));
        const report = { viewer: requester, messageId: envelope.messageId, pseudonyms, viewedAt };
        await this.record(own, envelope, 'views', { aggregate: 'reported-views', id: requester, command: { type: 'RecordProfileViews', data: report } });
        return;
      }
      case 'OfferDeclined': {
        const { to, offerId, requestId, reason } = message.payload;
        if (to === own) await this.record(own, envelope, 'declined', { aggregate: 'offer', id: offerId, command: { type: 'RecordOfferDeclined', data: { reason, from: { municipality: requester, requestId } } } });
        return;
      }
      default:
        return assertNever(message);
    }
  }

  async onOfferMessage(own: string, envelope: Envelope, message: OffersTopicMessage): Promise<void> {
    if (message.payload.requester !== own) return;
    await this.record(own, envelope, 'request', { aggregate: 'request', id: message.payload.requestId, command: recordAnswer(message, envelope.source) });
  }

  async onDisclosureMessage(own: string, envelope: Envelope, message: DisclosuresTopicMessage): Promise<void> {
    if (message.payload.requester !== own) return;
    await this.record(own, envelope, 'disclosure', { aggregate: 'request', id: message.payload.requestId, command: recordDisclosure(message, envelope.source) });
  }

  /**
   * One command in the partner's name; a command the aggregate refuses is logged, not retried:
   * retrying cannot change the answer. Its id names the receiving municipality too: one request
   * shared with two municipalities of this node is two commands (event ids are unique in the log).
   */
  private async record(own: string, envelope: Envelope, step: string, target: AggregateCommand): Promise<void> {
    const partner = envelope.source;
    try {
      await this.gateway.execute(target, { municipality: own, actor: `partner:${partner}`, commandId: uuidv5(`${envelope.messageId}:${own}:${step}`, STEP_NAMESPACE), correlationId: envelope.messageId });
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`${envelope.type} from ${partner} for ${own} refused: ${error.code}: ${error.message}`);
    }
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
function recordDisclosure(message: DisclosuresTopicMessage, partner: string): RequestCommand {
  switch (message.type) {
    case 'ContactDetailsDisclosed':
      return { type: 'RecordDisclosure', data: { assignmentId: message.payload.assignmentId, sealed: message.payload.sealed, partner } };
    default:
      // A one-member union narrows by its type only, not as a whole.
      return assertNever(message.type);
  }
}
