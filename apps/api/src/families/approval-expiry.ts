import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError, isoDate } from '@familybank/domain-core';
import { FamilyQueries } from '@familybank/read-models';
import { CLOCK, type Clock } from '../infrastructure/tokens';
import { CommandGateway } from '../commands/command-gateway';
import { ReadSide } from '../commands/read-side';

export const APPROVAL_EXPIRY_ACTOR = 'system:approval-expiry';

/**
 * Records ApprovalExpired for every family whose approval ran out, so that no expired family stays
 * available. Runs at start-up and periodically; each expiry is an ordinary command with its own actor.
 */
@Injectable()
export class ApprovalExpirySweeper {
  private readonly logger = new Logger('ApprovalExpiry');

  constructor(
    @Inject(CommandGateway) private readonly gateway: CommandGateway,
    @Inject(ReadSide) private readonly readSide: ReadSide,
    @Inject(FamilyQueries) private readonly queries: FamilyQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async sweep(): Promise<number> {
    let expired = 0;
    let position = 0;
    for (const { municipality, familyId } of this.queries.approvalsToExpire(isoDate(this.clock()))) {
      const commandId = randomUUID();
      try {
        position = (await this.gateway.execute({ aggregate: 'family', id: familyId, command: { type: 'ExpireApproval', data: {} } }, { actor: APPROVAL_EXPIRY_ACTOR, municipality, commandId, correlationId: commandId })).position;
        expired++;
      } catch (error) {
        // A caseworker may have renewed or retired the family a moment ago: then there is nothing to expire.
        if (!(error instanceof DomainError)) throw error;
        this.logger.debug(`Family ${familyId} not expired: ${error.code}`);
      }
    }
    if (expired > 0) await this.readSide.waitFor(position);
    return expired;
  }
}
