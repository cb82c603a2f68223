import { Body, Controller, Inject, Param, Query } from '@nestjs/common';
import { requestRoutes as routes, type RequestDetail } from '@familybank/contracts';
import { isoDate } from '@familybank/domain-core';
import { RequestErrors, type RequestCommand } from '@familybank/domain-request';
import { matchCandidates } from '@familybank/matching';
import {
  DocumentStore,
  familyDetailProjection,
  householdName,
  partnershipsProjection,
  requestSearchWhere,
  requestsProjection,
  type FamilyDetailDocument,
  type PartnershipDocument,
  type RequestDocument,
} from '@familybank/read-models';
import { Commands } from '../platform/commands/execute-command';
import { PARTNER_POOL, type PoolEntry } from '../federation/federation-consumer';
import { ProfileViewRecorder } from '../profile-views';
import { ContractRoute, WithHeaders, type BodyOf, type QueryOf } from '../platform/http/contract-route';
import { cursorParam } from '../platform/http/cursor';
import { ProblemError } from '../platform/http/problem';
import { Ctx, type RequestContext } from '../platform/http/request-context';
import { CLOCK, type Clock } from '../platform/tokens';
import { CANDIDATES, LocalCandidates } from '../matching';
import { DisclosureReader } from './disclosure-reader';

type RequestParam = { requestId: string };
type OfferParam = { requestId: string; offerId: string };

/** The requesting municipality's side of a request for one child. */
@Controller()
export class RequestsController {
  constructor(
    @Inject(Commands) private readonly commands: Commands,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(DocumentStore) private readonly documents: DocumentStore,
    @Inject(DisclosureReader) private readonly disclosures: DisclosureReader,
    @Inject(ProfileViewRecorder) private readonly profileViews: ProfileViewRecorder,
    @Inject(LocalCandidates) private readonly localCandidates: LocalCandidates,
  ) {}

  @ContractRoute(routes.openRequest)
  async open(@Body() body: BodyOf<typeof routes.openRequest>, @Ctx() ctx: RequestContext) {
    const requestId = ctx.commandId;
    const request = await this.run(ctx, requestId, { type: 'OpenRequest', data: { requestId, ...body } }, `/v1/requests/${requestId}`);
    return new WithHeaders(request, { Location: `/v1/requests/${requestId}`, ETag: `"${request.revision}"` });
  }

  @ContractRoute(routes.listRequests)
  async list(@Query() query: QueryOf<typeof routes.listRequests>, @Ctx() ctx: RequestContext) {
    if (query.deadlineAfter && query.deadlineBefore && query.deadlineAfter >= query.deadlineBefore) {
      // Both bounds exclude their day: a window without a day in it is a mistake, not an empty list.
      throw new ProblemError('rule-violated', 'REQUEST.EMPTY_DEADLINE_WINDOW', 'deadlineAfter must be a day before deadlineBefore', {
        invalidParams: [{ name: 'query.deadlineAfter', reason: 'deadlineAfter must be a day before deadlineBefore', code: 'empty_window' }],
      });
    }
    const where = requestSearchWhere(query);
    const page = this.documents.page<RequestDocument>(requestsProjection.collection, ctx.principal.municipality, { where, before: cursorParam(query.cursor), limit: query.limit });
    const items = page.items.map((doc) => this.view(doc));
    await this.recordProfileViews(ctx, items);
    return { items, nextCursor: page.nextCursor };
  }

  @ContractRoute(routes.getRequest)
  async get(@Param() params: RequestParam, @Ctx() ctx: RequestContext) {
    const detail = this.load(ctx.principal.municipality, params.requestId);
    await this.recordProfileViews(ctx, [detail]);
    return detail;
  }

  @ContractRoute(routes.shareRequest)
  share(@Param() params: RequestParam, @Body() body: BodyOf<typeof routes.shareRequest>, @Ctx() ctx: RequestContext) {
    const activePartners = this.activePartners(ctx.principal.municipality);
    return this.run(ctx, params.requestId, { type: 'ShareRequest', data: { ...(body.partners && { partners: body.partners }), activePartners } });
  }

  @ContractRoute(routes.withdrawRequest)
  withdraw(@Param() params: RequestParam, @Body() body: BodyOf<typeof routes.withdrawRequest>, @Ctx() ctx: RequestContext) {
    return this.run(ctx, params.requestId, { type: 'WithdrawRequest', data: body });
  }

  @ContractRoute(routes.startTargetedRecruitment)
  recruit(@Param() params: RequestParam, @Ctx() ctx: RequestContext) {
    return this.run(ctx, params.requestId, { type: 'StartTargetedRecruitment', data: {} });
  }

  /** The same engine ranks the requester's own families and its partners' pool (DESIGN §6). */
  @ContractRoute(routes.getRequestCandidates)
  async candidates(@Param() params: RequestParam, @Ctx() ctx: RequestContext) {
    const own = ctx.principal.municipality;
    const { needs } = this.load(own, params.requestId);
    const today = isoDate(this.clock());
    const local = this.localCandidates.rank(needs, this.localCandidates.ownCandidates(own, params.requestId), today);
    const profiles = this.documents.all<PoolEntry>(PARTNER_POOL, own).map(({ receivedAt: _receivedAt, ...profile }) => profile);
    const byPseudonym = new Map(profiles.map((profile) => [`${profile.municipality}:${profile.pseudonym}`, profile]));
    const pool = matchCandidates(needs, profiles, { limit: CANDIDATES, today }).map((match) => ({
      ...match,
      profile: byPseudonym.get(`${match.municipality}:${match.pseudonym}`)!,
    }));
    await this.profileViews.record(ctx, pool.map((candidate) => candidate.profile));
    return { local, pool };
  }

  @ContractRoute(routes.recordIntroductionVisit)
  introductionVisit(@Param() params: RequestParam, @Body() body: BodyOf<typeof routes.recordIntroductionVisit>, @Ctx() ctx: RequestContext) {
    const { visitId = ctx.commandId, on, status, note } = body;
    return this.run(ctx, params.requestId, { type: 'RecordIntroductionVisit', data: { visitId, on, status, ...(note !== undefined && { note }) } });
  }

  /**
   * An own family for the own request: the handler looks up whether it is one of the request's
   * candidates (capacity per period included), the request decides; the own-placement workflow
   * then reserves the family through the same saga as a partner's offer.
   */
  @ContractRoute(routes.placeOwnFamily)
  place(@Param() params: RequestParam, @Body() body: BodyOf<typeof routes.placeOwnFamily>, @Ctx() ctx: RequestContext) {
    const own = ctx.principal.municipality;
    const { needs } = this.load(own, params.requestId);
    const candidate = this.localCandidates.candidateFor(own, body.familyId, needs, isoDate(this.clock()), params.requestId);
    return this.run(ctx, params.requestId, { type: 'PlaceOwnFamily', data: { offerId: ctx.commandId, familyId: body.familyId, owner: own, candidate } });
  }

  @ContractRoute(routes.shortlistOffer)
  shortlist(@Param() params: OfferParam, @Ctx() ctx: RequestContext) {
    return this.run(ctx, params.requestId, { type: 'ShortlistOffer', data: { offerId: params.offerId } });
  }

  @ContractRoute(routes.declineOffer)
  decline(@Param() params: OfferParam, @Body() body: BodyOf<typeof routes.declineOffer>, @Ctx() ctx: RequestContext) {
    return this.run(ctx, params.requestId, { type: 'DeclineOffer', data: { offerId: params.offerId, reason: body.reason } });
  }

  @ContractRoute(routes.acceptOffer)
  accept(@Param() params: OfferParam, @Ctx() ctx: RequestContext) {
    return this.run(ctx, params.requestId, { type: 'AcceptOffer', data: { offerId: params.offerId } });
  }

  @ContractRoute(routes.cancelAcceptance)
  cancel(@Param() params: OfferParam, @Ctx() ctx: RequestContext) {
    return this.run(ctx, params.requestId, { type: 'CancelAcceptance', data: { offerId: params.offerId } });
  }

  private run(ctx: RequestContext, requestId: string, command: RequestCommand, location?: string): Promise<RequestDetail> {
    return this.commands.run({ aggregate: 'request', id: requestId, command }, ctx, async () => {
      const detail = this.load(ctx.principal.municipality, requestId);
      await this.recordProfileViews(ctx, [detail]);
      return detail;
    }, { location });
  }

  /** The partners' profiles joined to offers are views their owners can list. */
  private recordProfileViews(ctx: RequestContext, details: RequestDetail[]): Promise<void> {
    return this.profileViews.record(ctx, details.flatMap((detail) => detail.offers.flatMap((offer) => (offer.profile ? [offer.profile] : []))));
  }

  private load(own: string, requestId: string): RequestDetail {
    const found = this.documents.get<RequestDocument>(requestsProjection.collection, requestId);
    if (!found || found.municipality !== own) throw RequestErrors.notFound(requestId);
    return this.view(found.body);
  }

  private activePartners(own: string): string[] {
    return this.documents
      .all<PartnershipDocument>(partnershipsProjection.collection, own)
      .filter((partnership) => partnership.status === 'active')
      .map((partnership) => partnership.partner);
  }

  private view(doc: RequestDocument): RequestDetail {
    const now = this.clock().getTime();
    const profileOf = (pseudonym: string) => {
      const entry = this.documents.get<PoolEntry>(PARTNER_POOL, `${doc.municipality}:${pseudonym}`)?.body;
      if (!entry) return undefined;
      const { receivedAt: _receivedAt, ...profile } = entry;
      return profile;
    };
    const { sealedContacts, pendingAcceptance, assignment, network, ...rest } = doc;
    return {
      ...rest,
      awaitingAnswerFrom: doc.status === 'open' ? doc.sharedWith.filter((partner) => !doc.answeredBy.includes(partner)) : [],
      offers: doc.offers.map(({ own, ...offer }) =>
        own ? { ...offer, own: { ...own, householdName: this.ownFamily(doc.municipality, own.familyId)?.householdName } } : { ...offer, profile: profileOf(offer.pseudonym) },
      ),
      pendingAcceptance: pendingAcceptance && { ...pendingAcceptance, ageMinutes: Math.floor((now - Date.parse(pendingAcceptance.since)) / 60_000) },
      assignment: assignment && {
        ...assignment,
        // An own placement's contact details are our own record; a partner's come sealed.
        ...(assignment.familyId !== undefined
          ? this.ownFamily(doc.municipality, assignment.familyId)
          : this.disclosures.contactOf(doc.municipality, assignment.partner, assignment.assignmentId, sealedContacts?.[assignment.assignmentId])),
      },
      recruitedFamilies: this.recruitedFamilies(doc),
      network: { explored: network.explored, persons: network.persons.length },
    };
  }

  private ownFamily(own: string, familyId: string): { contact: FamilyDetailDocument['contact']; householdName: string } | undefined {
    const found = this.documents.get<FamilyDetailDocument>(familyDetailProjection.collection, familyId);
    if (!found || found.municipality !== own) return undefined;
    return { contact: found.body.contact, householdName: householdName(found.body.adults) };
  }

  /** Leads registered for this request by targeted recruitment (only possible once it started). */
  private recruitedFamilies(doc: RequestDocument): RequestDetail['recruitedFamilies'] {
    if (!doc.recruitmentStarted) return [];
    const where = { sql: "json_extract(body, '$.recruitedForRequestId') = ?", params: [doc.requestId] };
    return this.documents
      .list<FamilyDetailDocument>(familyDetailProjection.collection, doc.municipality, { where, limit: -1 })
      .reverse()
      .map(({ body: family }) => ({ familyId: family.familyId, householdName: householdName(family.adults), stage: family.stage }));
  }
}
