import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError, isoDate } from '@familybank/domain-core';
import { randomUUID } from 'node:crypto';
import { DocumentStore, ProjectionRunner, requestsProjection, type RequestDocument } from '@familybank/read-models';
import { CommandGateway } from '../commands/command-gateway';
import { ReadSide } from '../commands/read-side';
import { CLOCK, type Clock } from '../infrastructure/tokens';

export const REQUEST_EXPIRY_ACTOR = 'system:request-expiry';

/**
 * Expires open requests whose start date has passed without a family: partners see them closed,
 * and any offer for them is declined (a reserved place freed). Runs with the approval sweeper.
 */
@Injectable()
export class RequestExpirySweeper {
  private readonly logger = new Logger('RequestExpiry');

  constructor(
    @Inject(CommandGateway) private readonly gateway: CommandGateway,
    @Inject(ReadSide) private readonly readSide: ReadSide,
    @Inject(DocumentStore) private readonly documents: DocumentStore,
    @Inject(ProjectionRunner) private readonly projections: ProjectionRunner,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async sweep(): Promise<number> {
    await this.projections.catchUp();
    const where = { sql: "json_extract(body, '$.status') = 'open' AND json_extract(body, '$.needs.startDate') < ?", params: [isoDate(this.clock())] };
    let expired = 0;
    let position = 0;
    for (const { municipality, body } of this.documents.findAcrossMunicipalities<RequestDocument>(requestsProjection.collection, where)) {
      try {
        const commandId = randomUUID();
        position = (await this.gateway.execute(
          { aggregate: 'request', id: body.requestId, command: { type: 'ExpireRequest', data: {} } },
          { municipality, actor: REQUEST_EXPIRY_ACTOR, commandId, correlationId: commandId },
        )).position;
        expired++;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        this.logger.debug(`Request ${body.requestId} not expired: ${error.code}`);
      }
    }
    // Whoever reads after a sweep sees its effect.
    if (expired > 0) await this.readSide.waitFor(position);
    return expired;
  }
}
