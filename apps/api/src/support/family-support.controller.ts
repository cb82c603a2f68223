import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import { supportRoutes as routes, type DevelopmentPlan, type FamilyDetail } from '@familybank/contracts';
import { isoDate } from '@familybank/domain-core';
import { FamilyErrors } from '@familybank/domain-family';
import { SupportErrors, type DevelopmentPlanCommand } from '@familybank/domain-support';
import { DocumentStore, FamilyQueries, SupportQueries } from '@familybank/read-models';
import { Commands } from '../platform/commands/execute-command';
import { ContractRoute, WithHeaders, type BodyOf, type QueryOf } from '../platform/http/contract-route';
import { cursorParam } from '../platform/http/cursor';
import { Ctx, type RequestContext } from '../platform/http/request-context';
import { CLOCK, type Clock } from '../platform/tokens';
import { familyStanding } from './family-standing';

type FamilyParam = { familyId: string };
type GoalParam = { familyId: string; goalId: string };

/** A family's own support: its contact person, its development plan, its calls to the emergency line. */
@Controller()
export class FamilySupportController {
  private readonly support: SupportQueries;

  constructor(
    @Inject(Commands) private readonly commands: Commands,
    @Inject(FamilyQueries) private readonly families: FamilyQueries,
    @Inject(DocumentStore) private readonly documents: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.support = new SupportQueries(documents);
  }

  @ContractRoute(routes.assignContactPerson)
  assignContactPerson(@Param() p: FamilyParam, @Body() body: BodyOf<typeof routes.assignContactPerson>, @Ctx() ctx: RequestContext): Promise<FamilyDetail> {
    const own = ctx.principal.municipality;
    return this.commands.run({ aggregate: 'family', id: p.familyId, command: { type: 'AssignContactPerson', data: body } }, ctx, () => this.families.getFamily(own, p.familyId)!);
  }

  @ContractRoute(routes.addDevelopmentGoal)
  async addGoal(@Param() p: FamilyParam, @Body() body: BodyOf<typeof routes.addDevelopmentGoal>, @Ctx() ctx: RequestContext) {
    const family = familyStanding(this.documents, ctx.principal.municipality, p.familyId);
    const location = `/v1/families/${p.familyId}/development-plan`;
    const plan = await this.runPlan(p.familyId, { type: 'AddGoal', data: { ...body, familyId: p.familyId, goalId: ctx.commandId, family } }, ctx, location);
    return new WithHeaders(plan, { Location: location, ETag: `"${plan.revision}"` });
  }

  @ContractRoute(routes.reviseDevelopmentGoal)
  reviseGoal(@Param() p: GoalParam, @Body() body: BodyOf<typeof routes.reviseDevelopmentGoal>, @Ctx() ctx: RequestContext) {
    return this.runPlan(p.familyId, { type: 'ReviseGoal', data: { ...body, goalId: p.goalId } }, ctx);
  }

  @ContractRoute(routes.recordGoalFollowUp)
  followUp(@Param() p: GoalParam, @Body() body: BodyOf<typeof routes.recordGoalFollowUp>, @Ctx() ctx: RequestContext) {
    return this.runPlan(p.familyId, { type: 'RecordGoalFollowUp', data: { ...body, goalId: p.goalId } }, ctx);
  }

  @ContractRoute(routes.achieveDevelopmentGoal)
  achieve(@Param() p: GoalParam, @Body() body: BodyOf<typeof routes.achieveDevelopmentGoal>, @Ctx() ctx: RequestContext) {
    return this.runPlan(p.familyId, { type: 'AchieveGoal', data: { ...body, goalId: p.goalId } }, ctx);
  }

  @ContractRoute(routes.dropDevelopmentGoal)
  drop(@Param() p: GoalParam, @Body() body: BodyOf<typeof routes.dropDevelopmentGoal>, @Ctx() ctx: RequestContext) {
    return this.runPlan(p.familyId, { type: 'DropGoal', data: { ...body, goalId: p.goalId } }, ctx);
  }

  @ContractRoute(routes.getDevelopmentPlan)
  plan(@Param() p: FamilyParam, @Ctx() ctx: RequestContext) {
    const plan = this.support.developmentPlan(ctx.principal.municipality, p.familyId);
    if (!plan) throw SupportErrors.planNotFound(p.familyId);
    return plan;
  }

  @ContractRoute(routes.listFollowUpsDue)
  followUpsDue(@Query() query: QueryOf<typeof routes.listFollowUpsDue>, @Ctx() ctx: RequestContext) {
    const dueBy = query.dueBy ?? isoDate(this.clock());
    return this.support.followUpsDue(ctx.principal.municipality, { dueBy, limit: query.limit, before: cursorParam(query.cursor) });
  }

  @ContractRoute(routes.recordEmergencyCall)
  async recordCall(@Param() p: FamilyParam, @Body() body: BodyOf<typeof routes.recordEmergencyCall>, @Ctx() ctx: RequestContext) {
    const own = ctx.principal.municipality;
    const family = familyStanding(this.documents, own, p.familyId);
    const callId = ctx.commandId;
    const command = { type: 'RecordEmergencyCall' as const, data: { ...body, callId, familyId: p.familyId, family } };
    const location = `/v1/families/${p.familyId}/emergency-calls`;
    const call = await this.commands.run({ aggregate: 'emergency-line', id: p.familyId, command }, ctx, () => this.support.emergencyCall(own, p.familyId, callId)!, { location });
    return new WithHeaders(call, { Location: location });
  }

  @ContractRoute(routes.listFamilyEmergencyCalls)
  familyCalls(@Param() p: FamilyParam, @Query() query: QueryOf<typeof routes.listFamilyEmergencyCalls>, @Ctx() ctx: RequestContext) {
    const own = ctx.principal.municipality;
    if (!this.families.getFamily(own, p.familyId)) throw FamilyErrors.notFound(p.familyId);
    return this.support.emergencyCalls(own, { ...query, familyId: p.familyId, before: cursorParam(query.cursor) });
  }

  @ContractRoute(routes.listEmergencyCalls)
  calls(@Query() query: QueryOf<typeof routes.listEmergencyCalls>, @Ctx() ctx: RequestContext) {
    return this.support.emergencyCalls(ctx.principal.municipality, { ...query, before: cursorParam(query.cursor) });
  }

  @ContractRoute(routes.getEmergencyCallsPerMonth)
  callsPerMonth(@Query() query: QueryOf<typeof routes.getEmergencyCallsPerMonth>, @Ctx() ctx: RequestContext) {
    return this.support.emergencyCallsPerMonth(ctx.principal.municipality, query.from, query.to);
  }

  private runPlan(familyId: string, command: DevelopmentPlanCommand, ctx: RequestContext, location?: string): Promise<DevelopmentPlan> {
    const own = ctx.principal.municipality;
    return this.commands.run({ aggregate: 'development-plan', id: familyId, command }, ctx, () => this.support.developmentPlan(own, familyId)!, { location });
  }
}
