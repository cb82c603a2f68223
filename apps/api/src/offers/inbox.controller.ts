import { Body, Controller, Inject, Param } from '@nestjs/common';
import { inboxRoutes as routes, type z } from '@familybank/contracts';
import { DomainError, isoDate } from '@familybank/domain-core';
import { FamilyErrors } from '@familybank/domain-family';
import { DocumentStore, INBOX, familyDetailProjection, inboxDocumentId, offersProjection, type FamilyDetailDocument, type InboxEntry, type OfferDocument } from '@familybank/read-models';
import type { MakeOfferData, PartnerRequestLookup } from '@familybank/domain-offer';
import { FederationConsumer } from '../federation/federation-consumer';
import { Commands } from '../platform/commands/execute-command';
import { ContractRoute, WithHeaders } from '../platform/http/contract-route';
import { Ctx, type RequestContext } from '../platform/http/request-context';
import { CLOCK, type Clock } from '../platform/tokens';
import { LocalCandidates } from '../matching';

type InboxParams = { requester: string; requestId: string };

/** The receiving side: partners' requests with ranked local candidates, and the offers made for them. */
@Controller()
export class InboxController {
  constructor(
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DocumentStore) private readonly documents: DocumentStore,
    @Inject(Commands) private readonly commands: Commands,
    @Inject(FederationConsumer) private readonly federation: FederationConsumer,
    @Inject(LocalCandidates) private readonly candidates: LocalCandidates,
  ) {}

  @ContractRoute(routes.getInbox)
  inbox(@Ctx() ctx: RequestContext) {
    const own = ctx.principal.municipality;
    const today = isoDate(this.clock());
    const local = this.candidates.shareableFamilies(own);
    const offers = this.documents.all<OfferDocument>(offersProjection.collection, own);
    const entries = this.documents.all<InboxEntry>(INBOX, own);
    const items = entries.map((entry) => {
      const mine = offers.filter((offer) => offer.requester === entry.requester && offer.requestId === entry.requestId);
      const candidates = entry.status === 'open' ? this.candidates.rank(entry.needs, local, today) : [];
      return {
        requester: entry.requester,
        requesterName: this.federation.directoryEntry(entry.requester)?.name,
        requestId: entry.requestId,
        needs: entry.needs,
        responseDeadline: entry.responseDeadline,
        overdue: entry.status === 'open' && entry.responseDeadline < today,
        status: entry.status,
        closedReason: entry.closedReason,
        receivedAt: entry.receivedAt,
        answered: mine.length > 0 || entry.answeredNoMatch,
        offers: mine.map(({ offerId, familyId, status }) => ({ offerId, familyId, status })),
        candidates,
      };
    });
    items.sort((a, b) => (a.status === b.status ? a.responseDeadline.localeCompare(b.responseDeadline) : a.status === 'open' ? -1 : 1));
    return { items };
  }

  @ContractRoute(routes.makeOffer)
  async makeOffer(@Param() params: InboxParams, @Body() body: z.output<typeof routes.makeOffer.body>, @Ctx() ctx: RequestContext) {
    const own = ctx.principal.municipality;
    const family = this.documents.get<FamilyDetailDocument>(familyDetailProjection.collection, body.familyId);
    if (!family || family.municipality !== own) throw FamilyErrors.notFound(body.familyId);
    // Look-ups for the offer decider's rules: the request as our inbox holds it, and the family's
    // pseudonym, which exists only while the family may be shared.
    const pseudonym = this.candidates.profileOf(own, family.body)?.pseudonym;
    const offerId = ctx.commandId;
    const data: MakeOfferData = {
      offerId,
      requester: { municipality: params.requester, requestId: params.requestId },
      familyId: body.familyId,
      ...(pseudonym !== undefined && { pseudonym }),
      partnerRequest: this.partnerRequest(own, params),
    };
    const offer = await this.commands.run({ aggregate: 'offer', id: offerId, command: { type: 'MakeOffer', data } }, ctx, () => view(this.ownOffer(own, offerId)), {
      location: `/v1/offers/${offerId}`,
    });
    return new WithHeaders(offer, { Location: `/v1/offers/${offerId}` });
  }

  /** The partner-request decider refuses an answer to a request that is not in the inbox, or closed. */
  @ContractRoute(routes.answerNoMatch)
  noMatch(@Param() params: InboxParams, @Ctx() ctx: RequestContext) {
    const { requester, requestId } = params;
    return this.commands.run({ aggregate: 'partner-request', id: `${requester}/${requestId}`, command: { type: 'AnswerNoMatch', data: { requester, requestId } } }, ctx, () => ({
      requester,
      requestId,
      answered: true as const,
    }));
  }

  @ContractRoute(routes.listOffers)
  listOffers(@Ctx() ctx: RequestContext) {
    // Own placements are shown on the own request, not among the offers made to partners.
    return { items: this.documents.all<OfferDocument>(offersProjection.collection, ctx.principal.municipality).filter((offer) => !offer.own).map(view) };
  }

  @ContractRoute(routes.withdrawOffer)
  async withdraw(@Param() params: { offerId: string }, @Body() body: z.output<typeof routes.withdrawOffer.body>, @Ctx() ctx: RequestContext) {
    const own = ctx.principal.municipality;
    this.ownOffer(own, params.offerId);
    return this.commands.run({ aggregate: 'offer', id: params.offerId, command: { type: 'WithdrawOffer', data: { reason: body.reason } } }, ctx, () => view(this.ownOffer(own, params.offerId)));
  }

  private ownOffer(own: string, offerId: string): OfferDocument {
    const found = this.documents.get<OfferDocument>(offersProjection.collection, offerId);
    if (!found || found.municipality !== own) throw new DomainError('OFFER.NOT_FOUND', 'not-found', `No offer ${offerId}`);
    return found.body;
  }

  private partnerRequest(own: string, params: InboxParams): PartnerRequestLookup {
    const entry = this.documents.get<InboxEntry>(INBOX, inboxDocumentId(own, params.requester, params.requestId));
    if (!entry || entry.municipality !== own) return { status: 'unknown' };
    const { status, closedReason, needs } = entry.body;
    if (status !== 'open') return { status: 'closed', reason: closedReason ?? 'closed' };
    return { status: 'open', period: needs.schedule.period, children: 1 + needs.siblings };
  }

}

function view(offer: OfferDocument) {
  const { disclosedTo, assignmentEnded: _ended, own: _own, ...rest } = offer;
  return { ...rest, disclosed: disclosedTo.length > 0 };
}
