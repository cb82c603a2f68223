import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import { partnershipRoutes as routes, type Partnership, type z } from '@familybank/contracts';
import { DomainError } from '@familybank/domain-core';
import type { PartnershipCommand } from '@familybank/domain-partnership';
import { DocumentStore, partnershipsProjection, type PartnershipDocument } from '@familybank/read-models';
import { Commands } from '../platform/commands/execute-command';
import { ContractRoute, WithHeaders, type QueryOf } from '../platform/http/contract-route';
import { cursorParam } from '../platform/http/cursor';
import { ProblemError } from '../platform/http/problem';
import { Ctx, type RequestContext } from '../platform/http/request-context';
import { FederationConsumer, PARTNER_POOL, type PoolEntry } from '../federation/federation-consumer';
import { MunicipalityIdentities } from '../federation/municipality-identities';
import { ProfileViewRecorder } from '../profile-views';


/** Partnerships are decided by people (an approver on each side); the exchange carries the steps. */
@Controller()
export class PartnershipsController {
  constructor(
    @Inject(Commands) private readonly commands: Commands,
    @Inject(DocumentStore) private readonly documents: DocumentStore,
    @Inject(FederationConsumer) private readonly federation: FederationConsumer,
    @Inject(MunicipalityIdentities) private readonly identities: MunicipalityIdentities,
    @Inject(ProfileViewRecorder) private readonly profileViews: ProfileViewRecorder,
  ) {}

  @ContractRoute(routes.getDirectory)
  directory() {
    return { items: this.federation.directoryEntries().map(({ code, name, fingerprint, announcedAt }) => ({ code, name, fingerprint, announcedAt })) };
  }

  @ContractRoute(routes.listPartnerships)
  list(@Ctx() ctx: RequestContext) {
    const own = ctx.principal.municipality;
    const items = this.documents.all<PartnershipDocument>(partnershipsProjection.collection, own).map((doc) => this.view(doc));
    return { municipality: own, ownKeyFingerprint: this.identities.identity(own).fingerprint, items: items.sort((a, b) => a.partner.localeCompare(b.partner)) };
  }

  @ContractRoute(routes.proposePartnership)
  async propose(@Body() body: z.output<typeof routes.proposePartnership.body>, @Ctx() ctx: RequestContext) {
    const partnership = await this.run(ctx, body.partner, { type: 'ProposePartnership', data: { partner: body.partner } });
    return new WithHeaders(partnership, { Location: `/v1/partnerships/${body.partner}` });
  }

  @ContractRoute(routes.acceptPartnership)
  accept(@Param() params: { partner: string }, @Ctx() ctx: RequestContext) {
    const entry = this.federation.directoryEntry(params.partner);
    if (!entry) {
      throw new ProblemError('conflict', 'PARTNERSHIP.PARTNER_NOT_ANNOUNCED', `Municipality ${params.partner} has not announced its key on the exchange yet; try again shortly`);
    }
    return this.run(ctx, params.partner, { type: 'AcceptPartnership', data: { partnerKey: { publicKey: entry.signingKey, fingerprint: entry.fingerprint } } });
  }

  @ContractRoute(routes.declinePartnership)
  decline(@Param() params: { partner: string }, @Body() body: { reason?: string }, @Ctx() ctx: RequestContext) {
    return this.run(ctx, params.partner, { type: 'DeclinePartnership', data: { reason: body.reason } });
  }

  @ContractRoute(routes.revokePartnership)
  revoke(@Param() params: { partner: string }, @Body() body: { reason?: string }, @Ctx() ctx: RequestContext) {
    return this.run(ctx, params.partner, { type: 'RevokePartnership', data: { reason: body.reason } });
  }

  @ContractRoute(routes.listPool)
  async pool(@Query() query: QueryOf<typeof routes.listPool>, @Ctx() ctx: RequestContext) {
    const conditions: string[] = [];
    const params: unknown[] = [];
    if (query.careType) {
      conditions.push("EXISTS (SELECT 1 FROM json_each(body, '$.careTypes') WHERE value = ?)");
      params.push(query.careType);
    }
    if (query.region) {
      conditions.push("json_extract(body, '$.region') = ?");
      params.push(query.region);
    }
    const where = conditions.length ? { sql: conditions.join(' AND '), params } : undefined;
    const page = this.documents.page<PoolEntry>(PARTNER_POOL, ctx.principal.municipality, { where, before: cursorParam(query.cursor), limit: query.limit });
    // Every profile shown is a view its owner can list (GET /v1/families/{familyId}/views).
    await this.profileViews.record(ctx, page.items);
    return { ...page, items: page.items.map(({ receivedAt: _receivedAt, ...profile }) => profile) };
  }

  private async run(ctx: RequestContext, partner: string, command: PartnershipCommand): Promise<Partnership> {
    const own = ctx.principal.municipality;
    // Make sure our key is announced before the step it signs.
    this.identities.identity(own);
    return this.commands.run({ aggregate: 'partnership', id: partner, command }, ctx, async () => {
      await this.federation.reconcile();
      const document = this.documents.get<PartnershipDocument>(partnershipsProjection.collection, `${own}-${partner}`)?.body;
      if (!document) throw new DomainError('PARTNERSHIP.NOT_FOUND', 'not-found', `No partnership between ${own} and ${partner}`);
      return this.view(document);
    });
  }

  private view(document: PartnershipDocument): Partnership {
    return {
      partner: document.partner,
      partnerName: this.federation.directoryEntry(document.partner)?.name,
      status: document.status,
      since: document.since,
      partnerKeyFingerprint: document.partnerKey?.fingerprint,
      revision: document.revision,
    };
  }
}
