import { Controller, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { opsRoutes } from '@familybank/contracts';
import type { EventStore } from '@familybank/event-store';
import { ProjectionRunner } from '@familybank/read-models';
import { ReadSide } from '../platform/commands/read-side';
import { OutboxRelay } from '../federation/outbox-relay';
import { ProcessManagerRunner } from '../workflows';
import { ContractRoute } from '../platform/http/contract-route';
import { EVENT_STORE } from '../platform/tokens';

@Controller()
export class OpsController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(ProjectionRunner) private readonly projections: ProjectionRunner,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(ReadSide) private readonly readSide: ReadSide,
    @Inject(ProcessManagerRunner) private readonly workflows: ProcessManagerRunner,
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
    const projections = this.projectionStatus(head);
    const lag = projections.status === 'up' ? 0 : 1;
    const exchange = await this.relay.status();
    const { lag: _lag, ...workflows } = await this.workflows.status();
    const ready = lag === 0 && exchange.status === 'up' && workflows.status === 'up';
    return { status: ready ? ('ready' as const) : ('degraded' as const), checks: { eventStore: { status: 'up' as const }, projections, exchange, workflows } };
  }

  /** Commands are accepted while the read models lag or cannot be written; /ready says so. */
  private projectionStatus(head: number): { status: 'up' | 'degraded'; detail?: string } {
    const failure = this.readSide.failure();
    let lag: number;
    try {
      lag = head - this.projections.position();
    } catch (error) {
      return { status: 'degraded', detail: `The read models cannot be read: ${(error as Error).message}` };
    }
    if (failure) return { status: 'degraded', detail: `${lag} events behind; the read models cannot be updated since ${failure.at.toISOString()} (${failure.message})` };
    return lag <= 0 ? { status: 'up' } : { status: 'degraded', detail: `${lag} events behind` };
  }
}
