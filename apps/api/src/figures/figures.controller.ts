import { Controller, Inject, Query } from '@nestjs/common';
import { figureRoutes as routes, type FigureQuery } from '@familybank/contracts';
import { FigureQueries } from '@familybank/read-models';
import { ContractRoute } from '../platform/http/contract-route';
import { Ctx, type RequestContext } from '../platform/http/request-context';

/** One query per figure, as of the clock's now; the CSV form is the shell's (CsvResponseInterceptor). */
@Controller()
export class FiguresController {
  constructor(@Inject(FigureQueries) private readonly figures: FigureQueries) {}

  @ContractRoute(routes.getRequestsWaitingFigure)
  requestsWaiting(@Query() query: FigureQuery, @Ctx() ctx: RequestContext) {
    return this.figures.requestsWaiting(ctx.principal.municipality, query);
  }

  @ContractRoute(routes.getRequestsFilledFigure)
  requestsFilled(@Query() query: FigureQuery, @Ctx() ctx: RequestContext) {
    return this.figures.requestsFilled(ctx.principal.municipality, query);
  }

  @ContractRoute(routes.getNetworkShareFigure)
  networkShare(@Query() query: FigureQuery, @Ctx() ctx: RequestContext) {
    return this.figures.networkShare(ctx.principal.municipality, query);
  }

  @ContractRoute(routes.getRecruitmentFunnelFigure)
  recruitmentFunnel(@Query() query: FigureQuery, @Ctx() ctx: RequestContext) {
    return this.figures.recruitmentFunnel(ctx.principal.municipality, query);
  }

  @ContractRoute(routes.getTimeToApprovalFigure)
  timeToApproval(@Query() query: FigureQuery, @Ctx() ctx: RequestContext) {
    return this.figures.timeToApproval(ctx.principal.municipality, query);
  }

  @ContractRoute(routes.getApprovalsExpiringFigure)
  approvalsExpiring(@Query() query: FigureQuery, @Ctx() ctx: RequestContext) {
    return this.figures.approvalsExpiring(ctx.principal.municipality, query);
  }

  @ContractRoute(routes.getAvailabilityFreshnessFigure)
  availabilityFreshness(@Query() query: FigureQuery, @Ctx() ctx: RequestContext) {
    return this.figures.availabilityFreshness(ctx.principal.municipality, query);
  }

  @ContractRoute(routes.getNewAssignmentWishesFigure)
  newAssignmentWishes(@Query() query: FigureQuery, @Ctx() ctx: RequestContext) {
    return this.figures.newAssignmentWishes(ctx.principal.municipality, query);
  }

  @ContractRoute(routes.getEmergencyCallsFigure)
  emergencyCalls(@Query() query: FigureQuery, @Ctx() ctx: RequestContext) {
    return this.figures.emergencyCalls(ctx.principal.municipality, query);
  }
}
