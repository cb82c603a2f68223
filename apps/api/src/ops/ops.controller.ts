import { Controller, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { opsRoutes } from '@familybank/contracts';
import type { EventStore } from '@familybank/event-store';
import { ProjectionRunner } from '@familybank/read-models';
import { OutboxRelay } from '../federation/outbox-relay';
import { ContractRoute } from '../http/contract-route';
import { EVENT_STORE } from '../infrastructure/tokens';

@Controller()
export class OpsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ProjectionRunner) private readonly projections: ProjectionRunner,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
  ) {}

  @ContractRoute(opsRoutes.health)
  health() {
    return { status: 'ok' as const };
  }

  /** Ready when the event store answers; projections lagging behind the log are reported as degraded. */
  @ContractRoute(opsRoutes.ready)
  async ready(@Res({ passthrough: true }) response: Response) {
    let head: number;
    try {
      head = await this.store.lastPosition();
    } catch (error) {
      response.status(503);
      return { status: 'unavailable' as const, checks: { eventStore: { status: 'down' as const, detail: (error as Error).message } } };
    }
    const lag = head - this.projections.position();
    const projections = lag === 0 ? { status: 'up' as const } : { status: 'degraded' as const, detail: `${lag} events behind` };
    const exchange = await this.relay.status();
    const ready = lag === 0 && exchange.status === 'up';
    return { status: ready ? ('ready' as const) : ('degraded' as const), checks: { eventStore: { status: 'up' as const }, projections, exchange } };
  }
}
