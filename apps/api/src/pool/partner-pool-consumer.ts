import { Logger } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import { PoolTopic } from '@familybank/contracts';
import { assertNever, DomainError } from '@familybank/domain-core';
import type { PartnerPoolCommand } from '@familybank/domain-partner-facts';
import { consumeTopicMessages, topics, type DeadLetterStore, type DeliveredMessage, type Exchange, type ExchangeSubscription } from '@familybank/exchange';
import type { PartnershipDocument } from '@familybank/read-models';
import type { CommandExecutor } from '../platform/commands/command-gateway';

const POOL_NAMESPACE = '3d8e5a71-2c4b-4f9e-8a16-7b0c9d2e4f58';

/**
 * Records a partner's pool topic on our own stream `partner-pool-<own>-<partner>`, one command per
 * message: a profile (kept only when its version is newer), a tombstone, and the drop when the
 * partnership ends. Command ids derive from the message and the activation it was read under, so a
 * redelivered message changes nothing while a renewed partnership bootstraps the pool again.
 */
export class PartnerPoolConsumer {
  private readonly logger = new Logger('PartnerPool');

  constructor(
    private readonly nodeId: string,
    private readonly exchange: Exchange,
    private readonly deadLetters: DeadLetterStore,
    private readonly gateway: CommandExecutor,
  ) {}

  /** `activation` names the partnership's activation (`<own>:<partner>:<activatedAt>`): a new one is a new consumer group, read from the beginning. */
  async subscribe(own: string, partnership: PartnershipDocument, activation: string, trustedKeys: (message?: DeliveredMessage) => readonly string[] | undefined): Promise<ExchangeSubscription> {
    const { partner } = partnership;
    const topic = topics.pool(partner);
    await this.exchange.ensureTopic(topic, { compacted: true });
    return consumeTopicMessages(
      this.exchange,
      {
        groupId: `${this.nodeId}.pool.${activation}`,
        topics: [topic],
        from: 'committed',
        // Only a tombstone signed by the partner (headers, checked against its pinned key) gets here; its place in the topic identifies it.
        onTombstone: (message) =>
          this.record(own, partner, { type: 'RecordPartnerProfileWithdrawal', data: { partner, pseudonym: message.key } }, `${message.topic}:${message.key}:${message.offset}:${activation}`),
        onError: (error) => this.logger.error(`Pool consumer ${activation} stopped: ${String(error)}`),
      },
      PoolTopic,
      (source, message) => (source === partner ? trustedKeys(message) : undefined),
      this.deadLetters,
      (message, envelope) => {
        switch (message.type) {
          case 'SharedProfilePublished':
            return this.record(
              own,
              partner,
              { type: 'RecordPartnerProfile', data: { partner, profile: message.payload, receivedAt: envelope.occurredAt } },
              `${envelope.messageId}:${activation}`,
              envelope.messageId,
            );
          default:
            // A one-member union narrows by its type only, not as a whole.
            return assertNever(message.type);
        }
      },
    );
  }

  /** The partnership ended: every profile of the partner leaves our pool. `ending` names the partnership's revision that ended it. */
  drop(own: string, partner: string, ending: string): Promise<void> {
    return this.record(own, partner, { type: 'DropPartnerPool', data: { partner } }, `drop:${own}:${partner}:${ending}`);
  }

  private async record(own: string, partner: string, command: PartnerPoolCommand, commandKey: string, correlationId?: string): Promise<void> {
    const commandId = uuidv5(commandKey, POOL_NAMESPACE);
    try {
      await this.gateway.execute({ aggregate: 'partner-pool', id: partner, command }, { municipality: own, actor: `partner:${partner}`, commandId, correlationId: correlationId ?? commandId });
    } catch (error) {
      // Refused (e.g. a profile of another municipality): retrying cannot change the answer.
      if (!(error instanceof DomainError)) throw error;
      this.logger.warn(`${command.type} from ${partner} for ${own} refused: ${error.code}: ${error.message}`);
    }
  }
}
