import { FamilyDetail, FamilyIdParams } from '../families/family.schemas';
import { APPROVERS, CASE_READERS, RECORDERS, defineRoute } from '../route';
import * as n from './network.schemas';
import { RequestIdParams } from './request.schemas';

const TAG = 'Child’s network';

/** Network families and the network map (seed 003). Nothing of these leaves the municipality. */
export const networkRoutes = {
  registerNetworkFamily: defineRoute({
    operationId: 'registerNetworkFamily',
    method: 'post',
    path: '/v1/requests/{requestId}/network-families',
    summary: 'Register a person from the child’s network (relative or friend) as a network family for this one request',
    description:
      'The family (source channel child-network) is contacted already; request its records checks, then approve it provisionally for this child ' +
      '(POST /v1/families/{familyId}/provisional-approval). It is a candidate for this request only, ranked first, and is never shared with partners. ' +
      'Refusals: 404 REQUEST.NOT_FOUND (not your request), 409 REQUEST.NOT_OPEN. Answers 201 with Location and ETag of the family.',
    tag: TAG,
    roles: RECORDERS,
    params: RequestIdParams,
    body: n.RegisterNetworkFamilyBody,
    success: { status: 201, schema: FamilyDetail, description: 'The registered network family', created: true },
    errors: [404, 409, 413, 422],
    idempotent: true,
  }),
  approveProvisionally: defineRoute({
    operationId: 'approveProvisionally',
    method: 'post',
    path: '/v1/families/{familyId}/provisional-approval',
    summary: 'Approve a network family provisionally, for its one child, until the deadline of its full assessment',
    description:
      'The records checks apply as for any approval (409 FAMILY.WRONG_STAGE before they were requested, 422 FAMILY.CHECKS_MISSING, FAMILY.CHECKS_NOT_CLEAR). ' +
      'The approval is limited to the child of the request (its care type, age and places) and valid until the deadline; without a full approval ' +
      '(POST …/approval) by then it lapses. Refusals also: 422 FAMILY.NOT_A_NETWORK_FAMILY, FAMILY.PROVISIONAL_DEADLINE_NOT_AHEAD, FAMILY.PROVISIONAL_DEADLINE_TOO_LATE.',
    tag: 'Family lifecycle',
    roles: APPROVERS,
    params: FamilyIdParams,
    body: n.ProvisionalApprovalBody,
    success: { status: 200, schema: FamilyDetail, description: 'The family, provisionally approved' },
    errors: [404, 409, 412, 413, 422],
    idempotent: true,
    concurrency: true,
  }),
  getNetworkMap: defineRoute({
    operationId: 'getNetworkMap',
    method: 'get',
    path: '/v1/requests/{requestId}/network-map',
    summary: 'Who of the child’s network was explored, with relation, outcome and reason, and the network families registered',
    tag: TAG,
    roles: CASE_READERS,
    params: RequestIdParams,
    success: { status: 200, schema: n.NetworkMap, description: 'The network map; ETag carries the request’s revision' },
    errors: [404],
    concurrency: true,
  }),
  recordNetworkPerson: defineRoute({
    operationId: 'recordNetworkPerson',
    method: 'post',
    path: '/v1/requests/{requestId}/network-map',
    summary: 'Put a person of the child’s network on the map, or record a later outcome for them (same personId)',
    description:
      'Refusals: 404 REQUEST.NOT_FOUND, 422 REQUEST.NETWORK_REASON_REQUIRED (declined, not-suitable), REQUEST.NETWORK_DATE_IN_FUTURE, REQUEST.NETWORK_MAP_FULL, ' +
      '409 REQUEST.NETWORK_PERSON_REGISTERED (a person registered as a network family stays so).',
    tag: TAG,
    roles: RECORDERS,
    params: RequestIdParams,
    body: n.RecordNetworkPersonBody,
    success: { status: 200, schema: n.NetworkMap, description: 'The network map after the step' },
    errors: [404, 409, 412, 413, 422],
    idempotent: true,
    concurrency: true,
  }),
} as const;
