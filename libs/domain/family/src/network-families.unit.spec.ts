import { deciderSpecification } from '@familybank/domain-core/testing';
import { familyDecider } from './family.decider';
import type { FamilyEvent } from './family.events';
import {
  NOW,
  approvalTerms,
  available,
  networkAvailable,
  networkChecksClear,
  networkRegistered,
  networkRegistration,
  provisionalTerms,
  provisionallyApprovedFamily,
  stateAfter,
} from './testing/family.fixtures';

// NOW is 2026-03-10.
const spec = deciderSpecification(familyDecider, { now: NOW });
const provisional = { deadline: '2026-06-07', authority: 'municipality' as const, conditions: [] };
const fullTerms = { ...approvalTerms, careTypes: ['respite' as const], capacity: 1, validUntil: '2028-03-01', authority: 'municipality' as const };
const lapsed: FamilyEvent[] = [...networkAvailable, { type: 'ApprovalExpired', data: { validUntil: '2026-06-07', expiredOn: '2026-06-08' } }];

describe('register a network family', () => {
  it('register, for an open request of ours, records a contacted family of the child-network channel tied to that request', () => {
    const [registered, contacted] = networkRegistered;
    spec.given([]).when({ type: 'RegisterNetworkFamily', data: networkRegistration }).then([
      { ...registered!, data: { ...(registered!.data as object), registeredAt: NOW.toISOString() } } as FamilyEvent,
      contacted!,
    ]);
  });

  it('register, for a request that is not ours, is refused as not found', () => {
    spec.given([]).when({ type: 'RegisterNetworkFamily', data: { ...networkRegistration, request: { status: 'unknown' } } }).thenThrows('REQUEST.NOT_FOUND');
  });

  it('register, for a request no longer open, is refused and names its status', () => {
    spec
      .given([])
      .when({ type: 'RegisterNetworkFamily', data: { ...networkRegistration, request: { status: 'closed', requestStatus: 'filled' } } })
      .thenThrows('REQUEST.NOT_OPEN', { status: 'filled' });
  });

  it('register, with an adult id used twice, is refused', () => {
    const adults = [networkRegistration.adults[0]!, { adultId: 'n1', fullName: 'Poul Mortensen' }];
    spec.given([]).when({ type: 'RegisterNetworkFamily', data: { ...networkRegistration, adults } }).thenThrows('FAMILY.DUPLICATE_ADULT');
  });

  it('register, for a family id already used, is refused', () => {
    spec.given(networkRegistered).when({ type: 'RegisterNetworkFamily', data: networkRegistration }).thenThrows('FAMILY.ALREADY_REGISTERED');
  });

  it('background checks, for a network family just registered, may be requested without screening or interview', () => {
    spec.given(networkRegistered).when({ type: 'RequestBackgroundChecks', data: { on: '2026-03-10' } }).then([
      { type: 'BackgroundChecksRequested', data: { on: '2026-03-10', checks: [{ adultId: 'n1', kind: 'child-protection' }, { adultId: 'n1', kind: 'criminal-record' }] } },
    ]);
  });
});

describe('provisional approval of a network family', () => {
  it('approve provisionally, when the checks are clear, approves the family for its one child until the deadline', () => {
    spec.given(networkChecksClear).when({ type: 'ApproveProvisionally', data: provisional }).then([
      { type: 'FamilyProvisionallyApproved', data: { ...provisionalTerms, approvedOn: '2026-03-10', requestId: 'req-1' } },
    ]);
  });

  it('approve provisionally, before the checks are received, is refused: the records checks still apply', () => {
    spec.given(networkChecksClear.slice(0, -1)).when({ type: 'ApproveProvisionally', data: provisional }).thenThrows('FAMILY.CHECKS_MISSING');
  });

  it('approve provisionally, with unassessed remarks, is refused', () => {
    const remarks: FamilyEvent[] = [
      ...networkChecksClear.slice(0, -1),
      { type: 'BackgroundCheckReceived', data: { adultId: 'n1', kind: 'criminal-record', outcome: 'remarks', remarkCategory: 'violence', receivedOn: '2026-03-09' } },
    ];
    spec.given(remarks).when({ type: 'ApproveProvisionally', data: provisional }).thenThrows('FAMILY.CHECKS_NOT_CLEAR');
  });

  it('approve provisionally, before any check was requested, is refused as the wrong stage', () => {
    spec.given(networkRegistered).when({ type: 'ApproveProvisionally', data: provisional }).thenThrows('FAMILY.WRONG_STAGE');
  });

  it('approve provisionally, a family not from a child’s network, is refused', () => {
    spec.given(available.slice(0, -2)).when({ type: 'ApproveProvisionally', data: provisional }).thenThrows('FAMILY.NOT_A_NETWORK_FAMILY');
  });

  it.each(['2026-03-10', '2026-03-01'])('approve provisionally, with the deadline %s (not after today), is refused', (deadline) => {
    spec.given(networkChecksClear).when({ type: 'ApproveProvisionally', data: { ...provisional, deadline } }).thenThrows('FAMILY.PROVISIONAL_DEADLINE_NOT_AHEAD');
  });

  it('approve provisionally, with a deadline more than a year ahead, is refused and names the latest day', () => {
    spec
      .given(networkChecksClear)
      .when({ type: 'ApproveProvisionally', data: { ...provisional, deadline: '2027-03-12' } })
      .thenThrows('FAMILY.PROVISIONAL_DEADLINE_TOO_LATE', { latest: '2027-03-11' });
  });

  it('approve provisionally, twice, is refused as the wrong stage', () => {
    spec.given(provisionallyApprovedFamily).when({ type: 'ApproveProvisionally', data: provisional }).thenThrows('FAMILY.WRONG_STAGE');
  });

  it('a provisionally approved family is approved, its approval valid until the deadline, and provisional until then', () => {
    expect(stateAfter(provisionallyApprovedFamily)).toMatchObject({ status: 'approved', approval: provisionalTerms, network: { requestId: 'req-1', provisionalUntil: '2026-06-07' } });
  });
});

describe('full approval of a network family', () => {
  it('approve, while provisionally approved and available, records the full approval and keeps the family available', () => {
    spec.given(networkAvailable).when({ type: 'ApproveFamily', data: fullTerms }).then([{ type: 'FamilyApproved', data: { ...fullTerms, approvedOn: '2026-03-10' } }]);
    const state = stateAfter([...networkAvailable, { type: 'FamilyApproved', data: { ...fullTerms, approvedOn: '2026-03-10' } }]);
    expect(state.status).toBe('available');
    expect(state.network).toEqual({ requestId: 'req-1', relation: 'grandparent', relationNote: 'Mother’s mother', child: { careType: 'respite', age: 9, places: 1 } });
  });

  it('approve, after the provisional approval lapsed, records the full approval: the family is approved again', () => {
    spec.given(lapsed).when({ type: 'ApproveFamily', data: fullTerms }).then([{ type: 'FamilyApproved', data: { ...fullTerms, approvedOn: '2026-03-10' } }]);
    expect(stateAfter([...lapsed, { type: 'FamilyApproved', data: { ...fullTerms, approvedOn: '2026-03-10' } }]).status).toBe('approved');
  });

  it('approve, when the terms would not cover the declared availability, is refused', () => {
    spec.given(networkAvailable).when({ type: 'ApproveFamily', data: { ...fullTerms, careTypes: ['contact'] } }).thenThrows('FAMILY.CARE_TYPE_NOT_APPROVED');
  });

  it('approve, once fully approved, is refused as the wrong stage (renew instead)', () => {
    const full: FamilyEvent[] = [...networkAvailable, { type: 'FamilyApproved', data: { ...fullTerms, approvedOn: '2026-03-10' } }];
    spec.given(full).when({ type: 'ApproveFamily', data: fullTerms }).thenThrows('FAMILY.WRONG_STAGE');
  });

  it('renew, while the approval is provisional, is refused: a provisional approval becomes a full one or lapses', () => {
    spec.given(networkAvailable).when({ type: 'RenewApproval', data: fullTerms }).thenThrows('FAMILY.APPROVAL_PROVISIONAL', { deadline: '2026-06-07' });
  });

  it('expire, the day after the deadline, lapses the provisional approval', () => {
    deciderSpecification(familyDecider, { now: new Date('2026-06-08T06:00:00.000Z') })
      .given(networkAvailable)
      .when({ type: 'ExpireApproval', data: {} })
      .then([{ type: 'ApprovalExpired', data: { validUntil: '2026-06-07', expiredOn: '2026-06-08' } }]);
  });
});

describe('a network family is for its one child only', () => {
  it('consent to share, for a network family, is refused: it never enters the shared pool', () => {
    spec.given(networkAvailable).when({ type: 'GiveConsentToShare', data: { on: '2026-03-10' } }).thenThrows('FAMILY.NETWORK_FAMILY_NOT_SHARED');
  });

  it('reserve, for its own request, records the reservation', () => {
    const reservation = { assignmentId: 'as-1', requester: { municipality: '0630', requestId: 'req-1' }, period: { from: '2026-04-01', to: '2026-09-30' }, children: 1 };
    spec.given(networkAvailable).when({ type: 'ReserveFamily', data: reservation }).then([{ type: 'FamilyReserved', data: reservation }]);
  });

  it('reserve, for another request, is refused and names the family’s request', () => {
    const reservation = { assignmentId: 'as-2', requester: { municipality: '0630', requestId: 'req-9' }, period: { from: '2026-04-01', to: '2026-09-30' }, children: 1 };
    spec.given(networkAvailable).when({ type: 'ReserveFamily', data: reservation }).thenThrows('FAMILY.NETWORK_FAMILY_OTHER_REQUEST', { networkRequestId: 'req-1' });
  });
});
