import { Controller, Inject, Query } from '@nestjs/common';
import { worklistRoutes as routes } from '@familybank/contracts';
import { DocumentStore, WORKLIST_POLICY_DEFAULTS, WorklistQueries } from '@familybank/read-models';
import { AppConfigToken, type AppConfig } from '../platform/config/config.provider';
import { ContractRoute, type QueryOf } from '../platform/http/contract-route';
import { Ctx, type RequestContext } from '../platform/http/request-context';
import { CLOCK, type Clock } from '../platform/tokens';

/** What is due in the caller's municipality: computed when read by the worklist rules over the read models. */
@Controller()
export class WorklistController {
  private readonly worklists: WorklistQueries;

  constructor(@Inject(DocumentStore) documents: DocumentStore, @Inject(CLOCK) clock: Clock, @Inject(AppConfigToken) config: AppConfig) {
    this.worklists = new WorklistQueries(documents, clock, {
      ...WORKLIST_POLICY_DEFAULTS,
      firstContactDueWorkingDays: config.FIRST_CONTACT_DUE_WORKING_DAYS,
      availability: { staleAfterDays: config.AVAILABILITY_STALE_AFTER_DAYS, reminderDays: config.AVAILABILITY_REMINDER_DAYS },
    });
  }

  @ContractRoute(routes.getWorklist)
  worklist(@Query() query: QueryOf<typeof routes.getWorklist>, @Ctx() ctx: RequestContext) {
    return this.worklists.worklist(ctx.principal.municipality, { kind: query.kind, assignee: assigneeOf(query.assignee, ctx) });
  }
}

/** `me` is the caller (the token's subject), `none` the items nobody holds; absent: everyone's. */
function assigneeOf(assignee: string | undefined, ctx: RequestContext): string | null | undefined {
  if (assignee === 'me') return ctx.principal.subject;
  if (assignee === 'none') return null;
  return assignee;
}
