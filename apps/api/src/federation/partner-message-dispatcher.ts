import { Logger } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import type { DisclosuresTopicMessage, Envelope, OffersTopicMessage, RequestsTopicMessage } from '@familybank/contracts';
import { DomainError } from '@familybank/domain-core';
import type { AggregateCommand } from '@familybank/domain-workflows';
import type { CommandExecutor } from '../platform/commands/command-gateway';
import type { PartnerMessageHandler } from './federation-consumer';

const STEP_NAMESPACE = '5b0c3f49-1d7e-4a38-9b2f-6e1a7c9d0e23';

/**
 * One command a partner's message asks for. `step` names it among the commands of one message:
 * the command id derives from the message id, the receiving municipality and the step, so a
 * redelivered message changes nothing (the names are part of the ids already in the log: keep them).
 */
export interface PartnerCommand {
  step: string;
  target: AggregateCommand;
}

/** A capability's pure mapping of one partner message, received by municipality `own`, to the commands it records. */
export type PartnerMessageMapper<Message> = (own: string, envelope: Envelope, message: Message) => PartnerCommand[];

/** What one capability maps, per partner topic (requests, offers, disclosures); the composition root registers them. */
export interface PartnerMessageMappers {
  requests?: PartnerMessageMapper<RequestsTopicMessage>;
  offers?: PartnerMessageMapper<OffersTopicMessage>;
  disclosures?: PartnerMessageMapper<DisclosuresTopicMessage>;
}

/**
 * Transport only: hands each partner message to the capabilities' mappers and executes the
 * commands they return in the partner's name. What a message means is the capabilities' (their
 * mappers); what follows (declining our offers for a closed request, reserving the family,
 * confirming, disclosing) is the workflows'.
 */
export class PartnerMessageDispatcher implements PartnerMessageHandler {
  private readonly logger = new Logger('PartnerMessages');

  constructor(
    private readonly gateway: CommandExecutor,
    private readonly mappers: readonly PartnerMessageMappers[],
  ) {}

  onRequestMessage(own: string, envelope: Envelope, message: RequestsTopicMessage): Promise<void> {
    return this.record(own, envelope, this.mappers.flatMap((mapper) => mapper.requests?.(own, envelope, message) ?? []));
  }

  onOfferMessage(own: string, envelope: Envelope, message: OffersTopicMessage): Promise<void> {
    return this.record(own, envelope, this.mappers.flatMap((mapper) => mapper.offers?.(own, envelope, message) ?? []));
  }

  onDisclosureMessage(own: string, envelope: Envelope, message: DisclosuresTopicMessage): Promise<void> {
    return this.record(own, envelope, this.mappers.flatMap((mapper) => mapper.disclosures?.(own, envelope, message) ?? []));
  }

  /**
   * Each command in the partner's name; a command the aggregate refuses is logged, not retried:
   * retrying cannot change the answer. Its id names the receiving municipality too: one request
   * shared with two municipalities of this node is two commands (event ids are unique in the log).
   */
  private async record(own: string, envelope: Envelope, commands: PartnerCommand[]): Promise<void> {
    const partner = envelope.source;
    for (const { step, target } of commands) {
      try {
        await this.gateway.execute(target, { municipality: own, actor: `partner:${partner}`, commandId: uuidv5(`${envelope.messageId}:${own}:${step}`, STEP_NAMESPACE), correlationId: envelope.messageId });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        this.logger.warn(`${envelope.type} from ${partner} for ${own} refused: ${error.code}: ${error.message}`);
      }
    }
  }
}
