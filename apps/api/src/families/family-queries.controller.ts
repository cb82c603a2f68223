import { Controller, Inject, Param, Query } from '@nestjs/common';
import { familyRoutes as routes } from '@familybank/contracts';
import { familyStreamId, FamilyErrors } from '@familybank/domain-family';
import type { EventStore, RecordedEvent } from '@familybank/event-store';
import { encodeCursor, FamilyQueries } from '@familybank/read-models';
import { ContractRoute, type QueryOf } from '../platform/http/contract-route';
import { cursorParam } from '../platform/http/cursor';
import { Ctx, type RequestContext } from '../platform/http/request-context';
import { AppConfigToken, type AppConfig } from '../platform/config/config.provider';
import { EVENT_STORE } from '../platform/tokens';

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

  @ContractRoute(routes.listFamilySupport)
  support(@Param() params: { familyId: string }, @Query() query: QueryOf<typeof routes.listFamilySupport>, @Ctx() ctx: RequestContext) {
    const page = this.queries.listSupport(ctx.principal.municipality, params.familyId, { limit: query.limit, before: cursorParam(query.cursor) });
    if (!page) throw FamilyErrors.notFound(params.familyId);
    return page;
  }

  @ContractRoute(routes.listFamilyAssignments)
  assignments(@Param() params: { familyId: string }, @Query() query: QueryOf<typeof routes.listFamilyAssignments>, @Ctx() ctx: RequestContext) {
    const page = this.queries.listAssignments(ctx.principal.municipality, params.familyId, { ...query, before: cursorParam(query.cursor) });
    if (!page) throw FamilyErrors.notFound(params.familyId);
    return page;
  }

  /**
   * The audit trail comes straight from the event store, not from a read model, oldest first. The
   * cursor is the revision of a page's last event, so a page reads the stream from the revision after it.
   */
  @ContractRoute(routes.getFamilyEvents)
  async events(@Param() params: { familyId: string }, @Query() query: QueryOf<typeof routes.getFamilyEvents>, @Ctx() ctx: RequestContext) {
    const after = cursorParam(query.cursor);
    const streamId = familyStreamId(params.familyId);
    const events = await this.store.readStream(streamId, { fromRevision: after === undefined ? 0 : Math.max(0, after + 1) });
    // A cursor past the end reads nothing: the owner then comes from the stream's start, so that an
    // unknown or foreign family is a 404 whatever cursor is sent.
    const last = events.at(-1) ?? (await this.store.readStream(streamId)).at(-1);
    if (!last || last.metadata.municipality !== ctx.principal.municipality) throw FamilyErrors.notFound(params.familyId);
    const items = events.slice(0, query.limit);
    return {
      familyId: params.familyId,
      revision: last.revision,
      items: items.map(toStoredEventView),
      nextCursor: events.length > items.length ? encodeCursor(items.at(-1)!.revision) : null,
    };
  }
}

function toStoredEventView({ eventId, type, revision, position, recordedAt, metadata, data }: RecordedEvent) {
  return {
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
  };
}
