import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainError, isoDate } from '@familybank/domain-core';
import { FamilyQueries } from '@familybank/read-models';
import { CLOCK, type Clock } from '../infrastructure/tokens';
import { ExecuteFamilyCommand } from './execute-family-command';

export const APPROVAL_EXPIRY_ACTOR = 'system:approval-expiry';

/**
 * Records ApprovalExpired for every family whose approval ran out, so that no expired family stays
 * available. Runs at start-up and periodically; each expiry is an ordinary command with its own actor.
 */
@Injectable()
export class ApprovalExpirySweeper {
  private readonly logger = new Logger('ApprovalExpiry');

  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(FamilyQueries) private readonly queries: FamilyQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async sweep(): Promise<number> {
    let expired = 0;
    for (const { municipality, familyId } of this.queries.approvalsToExpire(isoDate(this.clock()))) {
      const commandId = randomUUID();
      try {
        await this.commands.execute(
          new ExecuteFamilyCommand(familyId, { type: 'ExpireApproval', data: {} }, { actor: APPROVAL_EXPIRY_ACTOR, municipality, commandId, correlationId: commandId }),
        );
        expired++;
      } catch (error) {
        // A caseworker may have renewed or retired the family a moment ago: then there is nothing to expire.
        if (!(error instanceof DomainError)) throw error;
        this.logger.debug(`Family ${familyId} not expired: ${error.code}`);
      }
    }
    return expired;
  }
}
