import { Inject, Injectable, Logger } from '@nestjs/common';
import { DomainError, isoDate } from '@familybank/domain-core';
import type { EventStore } from '@familybank/event-store';
import { DocumentStore, ProjectionRunner, requestsProjection, type RequestDocument } from '@familybank/read-models';
import { OutboxRelay } from '../federation/outbox-relay';
import { CLOCK, EVENT_STORE, type Clock } from '../infrastructure/tokens';
import { executeRequestCommand } from './request-commands';

export const REQUEST_EXPIRY_ACTOR = 'system:request-expiry';

/**
 * Expires open requests whose start date has passed without a family: partners see them closed,
 * and any offer for them is declined (a reserved place freed). Runs with the approval sweeper.
 */
@Injectable()
export class RequestExpirySweeper {
  private readonly logger = new Logger('RequestExpiry');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DocumentStore) private readonly documents: DocumentStore,
    @Inject(ProjectionRunner) private readonly projections: ProjectionRunner,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async sweep(): Promise<number> {
    await this.projections.catchUp();
    const where = { sql: "json_extract(body, '$.status') = 'open' AND json_extract(body, '$.needs.startDate') < ?", params: [isoDate(this.clock())] };
    let expired = 0;
    for (const { municipality, body } of this.documents.findAcrossMunicipalities<RequestDocument>(requestsProjection.collection, where)) {
      try {
        await executeRequestCommand(this.store, this.clock, municipality, body.requestId, { type: 'ExpireRequest', data: {} }, { actor: REQUEST_EXPIRY_ACTOR });
        expired++;
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        this.logger.debug(`Request ${body.requestId} not expired: ${error.code}`);
      }
    }
    if (expired > 0) {
      await this.projections.catchUp();
      this.relay.nudge();
    }
    return expired;
  }
}
