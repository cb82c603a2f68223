import { Body, Controller, Inject, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { familyRoutes as routes, type FamilyDetail, type z } from '@familybank/contracts';
import type { FamilyCommand } from '@familybank/domain-family';
import { FamilyQueries } from '@familybank/read-models';
import { ContractRoute, WithHeaders } from '../http/contract-route';
import { Ctx, type RequestContext } from '../http/request-context';
import { ExecuteFamilyCommand, type FamilyCommandResult } from './execute-family-command';

type BodyOf<Route extends { body?: z.ZodType }> = Route['body'] extends z.ZodType ? z.output<Route['body']> : never;
type FamilyIdParam = { familyId: string };

/** Translates HTTP into family commands; the decider decides, the handler stores. */
@Controller()
export class FamilyLifecycleController {
  constructor(
    @Inject(CommandBus) private readonly commands: CommandBus,
    @Inject(FamilyQueries) private readonly queries: FamilyQueries,
  ) {}

  @ContractRoute(routes.registerFamily)
  async register(@Body() body: BodyOf<typeof routes.registerFamily>, @Ctx() ctx: RequestContext) {
    const familyId = ctx.commandId;
    const family = await this.run(familyId, { type: 'RegisterFamily', data: { ...body, familyId } }, ctx);
    return new WithHeaders(family, { Location: `/v1/families/${familyId}`, ETag: `"${family.revision}"` });
  }

  @ContractRoute(routes.recordFirstContact)
  firstContact(@Param() p: FamilyIdParam, @Body() body: BodyOf<typeof routes.recordFirstContact>, @Ctx() ctx: RequestContext) {
    return this.run(p.familyId, { type: 'RecordFirstContact', data: body }, ctx);
  }

  @ContractRoute(routes.recordScreening)
  screening(@Param() p: FamilyIdParam, @Body() body: BodyOf<typeof routes.recordScreening>, @Ctx() ctx: RequestContext) {
    return this.run(p.familyId, { type: 'RecordScreening', data: body }, ctx);
  }

  @ContractRoute(routes.recordInterview)
  interview(@Param() p: FamilyIdParam, @Body() body: BodyOf<typeof routes.recordInterview>, @Ctx() ctx: RequestContext) {
    return this.run(p.familyId, { type: 'RecordInterview', data: body }, ctx);
  }

  @ContractRoute(routes.requestBackgroundChecks)
  requestChecks(@Param() p: FamilyIdParam, @Body() body: BodyOf<typeof routes.requestBackgroundChecks>, @Ctx() ctx: RequestContext) {
    return this.run(p.familyId, { type: 'RequestBackgroundChecks', data: body }, ctx);
  }

  @ContractRoute(routes.recordBackgroundCheckResult)
  checkResult(@Param() p: FamilyIdParam, @Body() body: BodyOf<typeof routes.recordBackgroundCheckResult>, @Ctx() ctx: RequestContext) {
    return this.run(p.familyId, { type: 'RecordBackgroundCheckResult', data: body }, ctx);
  }

  @ContractRoute(routes.assessBackgroundCheckRemarks)
  assessRemarks(@Param() p: FamilyIdParam, @Body() body: BodyOf<typeof routes.assessBackgroundCheckRemarks>, @Ctx() ctx: RequestContext) {
    return this.run(p.familyId, { type: 'AssessBackgroundCheckRemarks', data: body }, ctx);
  }

  @ContractRoute(routes.approveFamily)
  approve(@Param() p: FamilyIdParam, @Body() body: BodyOf<typeof routes.approveFamily>, @Ctx() ctx: RequestContext) {
    return this.run(p.familyId, { type: 'ApproveFamily', data: body }, ctx);
  }

  @ContractRoute(routes.rejectFamily)
  reject(@Param() p: FamilyIdParam, @Body() body: BodyOf<typeof routes.rejectFamily>, @Ctx() ctx: RequestContext) {
    return this.run(p.familyId, { type: 'RejectFamily', data: body }, ctx);
  }

  @ContractRoute(routes.declareAvailability)
  declareAvailability(@Param() p: FamilyIdParam, @Body() body: BodyOf<typeof routes.declareAvailability>, @Ctx() ctx: RequestContext) {
    return this.run(p.familyId, { type: 'DeclareAvailability', data: body }, ctx);
  }

  @ContractRoute(routes.withdrawAvailability)
  withdrawAvailability(@Param() p: FamilyIdParam, @Body() body: BodyOf<typeof routes.withdrawAvailability>, @Ctx() ctx: RequestContext) {
    return this.run(p.familyId, { type: 'WithdrawAvailability', data: body }, ctx);
  }

  @ContractRoute(routes.suspendFamily)
  suspend(@Param() p: FamilyIdParam, @Body() body: BodyOf<typeof routes.suspendFamily>, @Ctx() ctx: RequestContext) {
    return this.run(p.familyId, { type: 'SuspendFamily', data: body }, ctx);
  }

  @ContractRoute(routes.reinstateFamily)
  reinstate(@Param() p: FamilyIdParam, @Body() body: BodyOf<typeof routes.reinstateFamily>, @Ctx() ctx: RequestContext) {
    return this.run(p.familyId, { type: 'ReinstateFamily', data: body }, ctx);
  }

  @ContractRoute(routes.renewApproval)
  renew(@Param() p: FamilyIdParam, @Body() body: BodyOf<typeof routes.renewApproval>, @Ctx() ctx: RequestContext) {
    return this.run(p.familyId, { type: 'RenewApproval', data: body }, ctx);
  }

  @ContractRoute(routes.expireApproval)
  expire(@Param() p: FamilyIdParam, @Ctx() ctx: RequestContext) {
    return this.run(p.familyId, { type: 'ExpireApproval', data: {} }, ctx);
  }

  @ContractRoute(routes.retireFamily)
  retire(@Param() p: FamilyIdParam, @Body() body: BodyOf<typeof routes.retireFamily>, @Ctx() ctx: RequestContext) {
    return this.run(p.familyId, { type: 'RetireFamily', data: body }, ctx);
  }

  @ContractRoute(routes.giveConsentToShare)
  giveConsent(@Param() p: FamilyIdParam, @Body() body: BodyOf<typeof routes.giveConsentToShare>, @Ctx() ctx: RequestContext) {
    return this.run(p.familyId, { type: 'GiveConsentToShare', data: body }, ctx);
  }

  @ContractRoute(routes.withdrawConsentToShare)
  withdrawConsent(@Param() p: FamilyIdParam, @Body() body: BodyOf<typeof routes.withdrawConsentToShare>, @Ctx() ctx: RequestContext) {
    return this.run(p.familyId, { type: 'WithdrawConsentToShare', data: body }, ctx);
  }

  @ContractRoute(routes.recordSupport)
  support(@Param() p: FamilyIdParam, @Body() body: BodyOf<typeof routes.recordSupport>, @Ctx() ctx: RequestContext) {
    return this.run(p.familyId, { type: 'RecordSupport', data: body }, ctx);
  }

  @ContractRoute(routes.updateProfile)
  updateProfile(@Param() p: FamilyIdParam, @Body() body: BodyOf<typeof routes.updateProfile>, @Ctx() ctx: RequestContext) {
    return this.run(p.familyId, { type: 'UpdateProfile', data: body }, ctx);
  }

  private async run(familyId: string, command: FamilyCommand, ctx: RequestContext): Promise<FamilyDetail> {
    const { principal, ...context } = ctx;
    await this.commands.execute<ExecuteFamilyCommand, FamilyCommandResult>(
      new ExecuteFamilyCommand(familyId, command, { ...context, actor: principal.subject, municipality: principal.municipality }),
    );
    return this.queries.getFamily(principal.municipality, familyId)!;
  }
}
