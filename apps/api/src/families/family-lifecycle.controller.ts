import { Body, Controller, Inject, Param } from '@nestjs/common';
import { familyRoutes as routes, type FamilyDetail } from '@familybank/contracts';
import type { AssignmentEnding, FamilyCommand, RecruitingRequest, ReferringFamily } from '@familybank/domain-family';
import { DocumentStore, FamilyQueries, requestsProjection, type RequestDocument } from '@familybank/read-models';
import { Commands } from '../platform/commands/execute-command';
import { ContractRoute, WithHeaders, type BodyOf } from '../platform/http/contract-route';
import { Ctx, type RequestContext } from '../platform/http/request-context';

type FamilyIdParam = { familyId: string };
type AssignmentParam = { familyId: string; assignmentId: string };

/** Translates HTTP into family commands; the decider decides, the handler stores. */
@Controller()
export class FamilyLifecycleController {
  constructor(
    @Inject(Commands) private readonly commands: Commands,
    @Inject(FamilyQueries) private readonly queries: FamilyQueries,
    @Inject(DocumentStore) private readonly documents: DocumentStore,
  ) {}

  @ContractRoute(routes.registerFamily)
  async register(@Body() body: BodyOf<typeof routes.registerFamily>, @Ctx() ctx: RequestContext) {
    const familyId = ctx.commandId;
    const recruitingRequest = body.recruitedForRequestId === undefined ? undefined : this.recruitingRequest(ctx.principal.municipality, body.recruitedForRequestId);
    const referringFamily = body.referredByFamilyId === undefined ? undefined : this.referringFamily(ctx.principal.municipality, body.referredByFamilyId);
    const data = { ...body, familyId, ...(recruitingRequest && { recruitingRequest }), ...(referringFamily && { referringFamily }) };
    const family = await this.run(familyId, { type: 'RegisterFamily', data }, ctx, `/v1/families/${familyId}`);
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

  @ContractRoute(routes.confirmAvailability)
  confirmAvailability(@Param() p: FamilyIdParam, @Ctx() ctx: RequestContext) {
    return this.run(p.familyId, { type: 'ConfirmAvailability', data: {} }, ctx);
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

  @ContractRoute(routes.endAssignment)
  endAssignment(@Param() p: AssignmentParam, @Body() body: BodyOf<typeof routes.endAssignment>, @Ctx() ctx: RequestContext) {
    const ending: AssignmentEnding = { assignmentId: p.assignmentId, reason: body.reason, wantsNewAssignment: body.wantsNewAssignment };
    // An assignment made through one of our offers ends on the offer too: the assignment-ending workflow does that.
    return this.run(p.familyId, { type: 'EndAssignment', data: ending }, ctx);
  }

  @ContractRoute(routes.updateProfile)
  updateProfile(@Param() p: FamilyIdParam, @Body() body: BodyOf<typeof routes.updateProfile>, @Ctx() ctx: RequestContext) {
    return this.run(p.familyId, { type: 'UpdateProfile', data: body }, ctx);
  }

  /** Look-up for the decider's rule that a lead recruited for a request names an own request whose targeted recruitment started. */
  private recruitingRequest(own: string, requestId: string): RecruitingRequest {
    const request = this.documents.get<RequestDocument>(requestsProjection.collection, requestId);
    if (!request || request.municipality !== own) return 'unknown';
    return request.body.recruitmentStarted ? 'started' : 'not-started';
  }

  /** Look-up for the decider's rule that a referral names a family registered in the caller's own municipality. */
  private referringFamily(own: string, familyId: string): ReferringFamily {
    return this.queries.getFamily(own, familyId) ? 'registered' : 'unknown';
  }

  private run(familyId: string, command: FamilyCommand, ctx: RequestContext, location?: string): Promise<FamilyDetail> {
    const own = ctx.principal.municipality;
    return this.commands.run({ aggregate: 'family', id: familyId, command }, ctx, () => this.queries.getFamily(own, familyId)!, { location });
  }
}
