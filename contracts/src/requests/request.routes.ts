import type { ZodType } from 'zod';
import { CASE_READERS, CONTACT_RELEASERS, RECORDERS, defineRoute, type Role } from '../route';
import { RequestSearchQuery } from './request-search.schemas';
import * as s from './request.schemas';

const TAG = 'Child requests';
/** A request shows the assigned family's contact details once they were disclosed: such answers are audited. */
const REQUEST_CONTACT_READ = { what: 'request-contact', purpose: 'placement', contactDetails: true } as const;

/** A step on a request: POST with If-Match and Idempotency-Key, answers with the request. */
const step = <Body extends ZodType>(
  operationId: string,
  suffix: string,
  summary: string,
  body: Body,
  params: typeof s.RequestIdParams | typeof s.OfferParams = s.RequestIdParams,
  roles: readonly Role[] = RECORDERS,
) =>
  defineRoute({
    operationId,
    method: 'post',
    path: `/v1/requests/{requestId}${suffix}`,
    summary,
    tag: TAG,
    roles,
    audit: REQUEST_CONTACT_READ,
    params,
    body,
    success: { status: 200, schema: s.RequestDetail, description: 'The request after the step' },
    errors: [404, 409, 412, 413, 422],
    idempotent: true,
    concurrency: true,
  });

export const requestRoutes = {
  openRequest: defineRoute({
    operationId: 'openRequest',
    method: 'post',
    path: '/v1/requests',
    summary: 'Open a request for one specific child (needs only: never the child’s name or national id)',
    tag: TAG,
    roles: RECORDERS,
    body: s.OpenRequestBody,
    success: { status: 201, schema: s.RequestDetail, description: 'The opened request', created: true },
    errors: [409, 413, 422],
    idempotent: true,
  }),
  listRequests: defineRoute({
    operationId: 'listRequests',
    method: 'get',
    path: '/v1/requests',
    summary: 'Your municipality’s requests, newest first: filter by status, care type and response deadline',
    tag: TAG,
    roles: CASE_READERS,
    audit: REQUEST_CONTACT_READ,
    query: RequestSearchQuery,
    success: { status: 200, schema: s.RequestPage, description: 'A page of requests' },
    errors: [422],
  }),
  getRequest: defineRoute({
    operationId: 'getRequest',
    method: 'get',
    path: '/v1/requests/{requestId}',
    summary: 'A request with its offers, who has answered, and the assignment once confirmed',
    tag: TAG,
    roles: CASE_READERS,
    audit: REQUEST_CONTACT_READ,
    params: s.RequestIdParams,
    success: { status: 200, schema: s.RequestDetail, description: 'The request; ETag carries its revision' },
    errors: [404],
    concurrency: true,
  }),
  shareRequest: step('shareRequest', '/sharing', 'Share the request with all active partners, or the ones named', s.ShareRequestBody),
  withdrawRequest: step('withdrawRequest', '/withdrawal', 'Withdraw the request', s.ReasonRequiredBody),
  startTargetedRecruitment: step('startTargetedRecruitment', '/targeted-recruitment', 'No family fits: start recruiting for this child', s.EmptyRequestBody),
  getRequestCandidates: defineRoute({
    operationId: 'getRequestCandidates',
    method: 'get',
    path: '/v1/requests/{requestId}/candidates',
    summary: 'Your own families and your partners’ pool, each ranked for the request’s needs and explained',
    tag: TAG,
    roles: CASE_READERS,
    params: s.RequestIdParams,
    success: { status: 200, schema: s.RequestCandidates, description: 'Ranked candidates' },
    errors: [404],
  }),
  recordIntroductionVisit: step(
    'recordIntroductionVisit',
    '/introduction-visits',
    'Plan an introduction visit between the child’s family and the new family, or record that it was held or cancelled (filled requests)',
    s.RecordIntroductionVisitBody,
  ),
  shortlistOffer: step('shortlistOffer', '/offers/{offerId}/shortlist', 'Shortlist an offer', s.EmptyRequestBody, s.OfferParams),
  declineOffer: step('declineOffer', '/offers/{offerId}/decline', 'Decline an offer', s.ReasonRequiredBody, s.OfferParams),
  acceptOffer: step(
    'acceptOffer',
    '/offers/{offerId}/acceptance',
    'Accept an offer: the owner reserves the family and confirms, or withdraws the offer with a reason',
    s.EmptyRequestBody,
    s.OfferParams,
    CONTACT_RELEASERS,
  ),
  placeOwnFamily: defineRoute({
    operationId: 'placeOwnFamily',
    method: 'post',
    path: '/v1/requests/{requestId}/placements',
    summary: 'Place one of your own families for your own request, under the rules of an accepted offer',
    description:
      'The family must be one of the request’s own candidates: it is reserved for the request’s period like a partner’s family, then the request is filled ' +
      '(the placement shows among the offers, pending, then confirmed). Refusals: 404 FAMILY.NOT_FOUND (not an available, shareable family of yours), ' +
      '409 FAMILY.NO_PLACE_IN_PERIOD (an overlapping placement takes its places in the period), 422 REQUEST.NOT_A_CANDIDATE (another hard filter, each named), ' +
      '409 REQUEST.ACCEPTANCE_PENDING (an acceptance or placement is waiting), 409 REQUEST.NOT_OPEN, 404 REQUEST.NOT_FOUND. ' +
      'If a concurrent placement takes the place first, the family refuses the reservation and the placement is withdrawn with that reason. ' +
      'Cancel a pending placement like an acceptance (…/offers/{offerId}/acceptance/cancellation); end the assignment on the family.',
    tag: TAG,
    roles: CONTACT_RELEASERS,
    audit: REQUEST_CONTACT_READ,
    params: s.RequestIdParams,
    body: s.PlaceOwnFamilyBody,
    success: { status: 200, schema: s.RequestDetail, description: 'The request with the placement pending' },
    errors: [404, 409, 412, 413, 422],
    idempotent: true,
    concurrency: true,
  }),
  cancelAcceptance: step('cancelAcceptance', '/offers/{offerId}/acceptance/cancellation', 'Cancel an acceptance that has not been confirmed', s.EmptyRequestBody, s.OfferParams),
} as const;
