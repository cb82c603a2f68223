import { Controller, Inject, Param, Query } from '@nestjs/common';
import { familyRoutes as routes } from '@familybank/contracts';
import { familyStreamId, FamilyErrors } from '@familybank/domain-family';
import type { EventStore } from '@familybank/event-store';
import { FamilyQueries } from '@familybank/read-models';
import { ContractRoute, type QueryOf } from '../http/contract-route';
import { cursorParam } from '../http/cursor';
import { Ctx, type RequestContext } from '../http/request-context';
import { AppConfigToken, type AppConfig } from '../config/config.provider';
import { EVENT_STORE } from '../infrastructure/tokens';


@Controller()
export class FamilyQueriesController {
  constructor(
    @Inject(FamilyQueries) private readonly queries: FamilyQueries,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(AppConfigToken) private readonly config: AppConfig,
  ) {}

  @ContractRoute(routes.getFamily)
  getFamily(@Param() params: { familyId: string }, @Ctx() ctx: RequestContext) {
    const family = this.queries.getFamily(ctx.principal.municipality, params.familyId);
    if (!family) throw FamilyErrors.notFound(params.familyId);
    return family;
  }

  @ContractRoute(routes.listFamilies)
  listFamilies(@Query() query: QueryOf<typeof routes.listFamilies>, @Ctx() ctx: RequestContext) {
    return this.queries.listFamilies(ctx.principal.municipality, { ...query, before: cursorParam(query.cursor) });
  }

  @ContractRoute(routes.listAvailableFamilies)
  listAvailable(@Query() query: QueryOf<typeof routes.listAvailableFamilies>, @Ctx() ctx: RequestContext) {
    return this.queries.listAvailableFamilies(ctx.principal.municipality, { ...query, before: cursorParam(query.cursor) });
  }

  @ContractRoute(routes.listAvailabilityReminders)
  availabilityReminders(@Ctx() ctx: RequestContext) {
    return this.queries.availabilityReminders(ctx.principal.municipality, {
      staleAfterDays: this.config.AVAILABILITY_STALE_AFTER_DAYS,
      reminderDays: this.config.AVAILABILITY_REMINDER_DAYS,
    });
  }

  @ContractRoute(routes.getPipeline)
  pipeline(@Ctx() ctx: RequestContext) {
    return this.queries.pipeline(ctx.principal.municipality, this.config.FIRST_CONTACT_DUE_WORKING_DAYS);
  }

  /** The audit trail comes straight from the event store, not from a read model. */
  @ContractRoute(routes.getFamilyEvents)
  async events(@Param() params: { familyId: string }, @Ctx() ctx: RequestContext) {
    const events = await this.store.readStream(familyStreamId(params.familyId));
    if (events.length === 0 || events[0]!.metadata.municipality !== ctx.principal.municipality) throw FamilyErrors.notFound(params.familyId);
    return {
      familyId: params.familyId,
      revision: events.length - 1,
      events: events.map(({ eventId, type, revision, position, recordedAt, metadata, data }) => ({
        eventId,
        type,
        revision,
        position,
        recordedAt,
        occurredAt: metadata.occurredAt,
        actor: metadata.actor,
        correlationId: metadata.correlationId,
        causationId: metadata.causationId,
        schemaVersion: metadata.schemaVersion,
        data: data as Record<string, unknown>,
      })),
    };
  }
}
