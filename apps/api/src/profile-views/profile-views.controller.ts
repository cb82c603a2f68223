import { Controller, Inject, Param } from '@nestjs/common';
import { profileViewRoutes as routes, type FamilyViews } from '@familybank/contracts';
import { pseudonymOf } from '@familybank/anonymize';
import { FamilyErrors } from '@familybank/domain-family';
import { DocumentStore, PROFILE_VIEWS, familyDetailProjection, profileViewDocumentId, type ProfileViewDocument } from '@familybank/read-models';
import { ContractRoute } from '../platform/http/contract-route';
import { Ctx, type RequestContext } from '../platform/http/request-context';
import { FederationConsumer } from '../federation/federation-consumer';
import { MunicipalityIdentities } from '../federation/municipality-identities';

/** The owner's answer to "who looked at us": partner municipalities that read the family's shared profile. */
@Controller()
export class ProfileViewsController {
  constructor(
    @Inject(DocumentStore) private readonly documents: DocumentStore,
    @Inject(MunicipalityIdentities) private readonly identities: MunicipalityIdentities,
    @Inject(FederationConsumer) private readonly federation: FederationConsumer,
  ) {}

  @ContractRoute(routes.listFamilyViews)
  views(@Param() params: { familyId: string }, @Ctx() ctx: RequestContext): FamilyViews {
    const own = ctx.principal.municipality;
    const family = this.documents.get(familyDetailProjection.collection, params.familyId);
    if (!family || family.municipality !== own) throw FamilyErrors.notFound(params.familyId);
    const pseudonym = pseudonymOf(this.identities.identity(own).pseudonymSecret, own, params.familyId);
    const found = this.documents.get<ProfileViewDocument>(PROFILE_VIEWS, profileViewDocumentId(own, pseudonym));
    const views = found && found.municipality === own ? found.body.views : [];
    return {
      familyId: params.familyId,
      pseudonym,
      items: [...views]
        .sort((a, b) => b.viewedAt.localeCompare(a.viewedAt))
        .map(({ municipality, viewedAt }) => ({ municipality, municipalityName: this.federation.directoryEntry(municipality)?.name, viewedAt })),
    };
  }
}
