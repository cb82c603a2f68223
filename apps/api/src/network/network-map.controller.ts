import { Body, Controller, Inject, Param } from '@nestjs/common';
import { networkRoutes as routes, type NetworkMap } from '@familybank/contracts';
import { RequestErrors } from '@familybank/domain-request';
import { DocumentStore, familyDetailProjection, householdName, requestsProjection, type FamilyDetailDocument, type RequestDocument } from '@familybank/read-models';
import { Commands } from '../platform/commands/execute-command';
import { ContractRoute, WithHeaders, type BodyOf } from '../platform/http/contract-route';
import { Ctx, type RequestContext } from '../platform/http/request-context';

type RequestParam = { requestId: string };

/** The network map of a request: who of the child's network was explored. Only the requester's own caseworkers see it. */
@Controller()
export class NetworkMapController {
  constructor(
    @Inject(Commands) private readonly commands: Commands,
    @Inject(DocumentStore) private readonly documents: DocumentStore,
  ) {}

  @ContractRoute(routes.getNetworkMap)
  get(@Param() params: RequestParam, @Ctx() ctx: RequestContext) {
    const map = this.load(ctx.principal.municipality, params.requestId);
    return new WithHeaders(map, { ETag: `"${map.revision}"` });
  }

  @ContractRoute(routes.recordNetworkPerson)
  record(@Param() params: RequestParam, @Body() body: BodyOf<typeof routes.recordNetworkPerson>, @Ctx() ctx: RequestContext) {
    const own = ctx.principal.municipality;
    // The request must be ours before anything is recorded on it: another's is not found.
    this.load(own, params.requestId);
    const { personId = ctx.commandId, reason, ...person } = body;
    const command = { type: 'RecordNetworkPerson' as const, data: { personId, ...person, ...(reason !== undefined && { reason }) } };
    return this.commands.run({ aggregate: 'request', id: params.requestId, command }, ctx, () => this.load(own, params.requestId));
  }

  private load(own: string, requestId: string): NetworkMap {
    const found = this.documents.get<RequestDocument>(requestsProjection.collection, requestId);
    if (!found || found.municipality !== own) throw RequestErrors.notFound(requestId);
    const request = found.body;
    return { requestId, explored: request.network.explored, persons: request.network.persons, networkFamilies: this.networkFamilies(own, requestId), revision: request.revision };
  }

  private networkFamilies(own: string, requestId: string): NetworkMap['networkFamilies'] {
    const where = { sql: "json_extract(body, '$.network.requestId') = ?", params: [requestId] };
    return this.documents
      .list<FamilyDetailDocument>(familyDetailProjection.collection, own, { where, limit: -1 })
      .reverse()
      .flatMap(({ body: family }) => {
        const network = family.network;
        if (!network) return [];
        const deadline = network.status === 'provisionally-approved' ? network.provisionalApproval?.deadline : undefined;
        return [{ familyId: family.familyId, householdName: householdName(family.adults), relation: network.relation, stage: family.stage, status: network.status, ...(deadline && { deadline }) }];
      });
  }
}
