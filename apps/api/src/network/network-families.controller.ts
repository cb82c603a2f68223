import { Body, Controller, Inject, Param } from '@nestjs/common';
import { networkRoutes as routes, type FamilyDetail } from '@familybank/contracts';
import { isoDate } from '@familybank/domain-core';
import type { FamilyCommand, NetworkRequestLookup } from '@familybank/domain-family';
import { DocumentStore, FamilyQueries, requestsProjection, type RequestDocument } from '@familybank/read-models';
import { Commands } from '../platform/commands/execute-command';
import { AppConfigToken, type AppConfig } from '../platform/config/config.provider';
import { ContractRoute, WithHeaders, type BodyOf } from '../platform/http/contract-route';
import { Ctx, type RequestContext } from '../platform/http/request-context';
import { CLOCK, type Clock } from '../platform/tokens';

const DAY_MS = 86_400_000;

/**
 * A person of the child's network registered as a network family for one request, and its
 * provisional approval. The handler looks up the request (ours, open, its child) and the default
 * deadline; the family decides.
 */
@Controller()
export class NetworkFamiliesController {
  constructor(
    @Inject(Commands) private readonly commands: Commands,
    @Inject(FamilyQueries) private readonly queries: FamilyQueries,
    @Inject(DocumentStore) private readonly documents: DocumentStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(AppConfigToken) private readonly config: AppConfig,
  ) {}

  @ContractRoute(routes.registerNetworkFamily)
  async register(@Param() params: { requestId: string }, @Body() body: BodyOf<typeof routes.registerNetworkFamily>, @Ctx() ctx: RequestContext) {
    const familyId = ctx.commandId;
    const { firstContact = { on: isoDate(this.clock()), channel: 'meeting' as const }, ...person } = body;
    const request = this.networkRequest(ctx.principal.municipality, params.requestId);
    const command: FamilyCommand = { type: 'RegisterNetworkFamily', data: { ...person, familyId, requestId: params.requestId, firstContact, request } };
    const family = await this.run(familyId, command, ctx, `/v1/families/${familyId}`);
    return new WithHeaders(family, { Location: `/v1/families/${familyId}`, ETag: `"${family.revision}"` });
  }

  @ContractRoute(routes.approveProvisionally)
  approveProvisionally(@Param() params: { familyId: string }, @Body() body: BodyOf<typeof routes.approveProvisionally>, @Ctx() ctx: RequestContext) {
    // The default deadline is configuration; the rule that it lies ahead (and not too far) is the family's.
    const deadline = body.deadline ?? isoDate(new Date(this.clock().getTime() + this.config.NETWORK_ASSESSMENT_DAYS * DAY_MS));
    const { authority, conditions, decisionReference } = body;
    const data = { deadline, authority, conditions, ...(decisionReference !== undefined && { decisionReference }) };
    return this.run(params.familyId, { type: 'ApproveProvisionally', data }, ctx);
  }

  /** Look-up for the rule that a network family is registered for an open request of ours, limited to its child. */
  private networkRequest(own: string, requestId: string): NetworkRequestLookup {
    const found = this.documents.get<RequestDocument>(requestsProjection.collection, requestId);
    if (!found || found.municipality !== own) return { status: 'unknown' };
    const request = found.body;
    if (request.status !== 'open') return { status: 'closed', requestStatus: request.status };
    return { status: 'open', child: { careType: request.needs.careType, age: request.needs.childAge, places: 1 + request.needs.siblings } };
  }

  private run(familyId: string, command: FamilyCommand, ctx: RequestContext, location?: string): Promise<FamilyDetail> {
    const own = ctx.principal.municipality;
    return this.commands.run({ aggregate: 'family', id: familyId, command }, ctx, () => this.queries.getFamily(own, familyId)!, { location });
  }
}
