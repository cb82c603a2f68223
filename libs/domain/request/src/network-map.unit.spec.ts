import { deciderSpecification } from '@familybank/domain-core/testing';
import { MAX_NETWORK_PERSONS, type NetworkPerson } from './network-map';
import { requestDecider } from './request.decider';
import type { RequestCommand, RequestEvent } from './request.types';
import { NOW, filled, needs, opened, ownCandidate, ownMatch, withdrawn } from './testing/request.fixtures';

// NOW is 2026-03-10.
const spec = deciderSpecification(requestDecider, { now: NOW });
const grandmother: NetworkPerson = { personId: 'p-1', name: 'Inge Mortensen', relation: 'grandparent', outcome: 'assessed', on: '2026-03-09' };
const uncle: NetworkPerson = { personId: 'p-2', name: 'Karsten Holm', relation: 'aunt-or-uncle', outcome: 'declined', reason: 'Works nights', on: '2026-03-05' };
const record = (person: NetworkPerson): RequestCommand => ({ type: 'RecordNetworkPerson', data: person });
const recorded = (person: NetworkPerson): RequestEvent => ({ type: 'NetworkPersonRecorded', data: person });
const registered: NetworkPerson = { ...grandmother, outcome: 'registered-as-network-family', familyId: 'fam-net-1', on: '2026-03-10' };

describe('network map of a request', () => {
  it('record a person, on an open request, puts them on the map', () => {
    spec.given(opened).when(record(grandmother)).then([recorded(grandmother)]);
  });

  it('record a person again with a later outcome updates the same entry', () => {
    const later = { ...grandmother, outcome: 'not-suitable' as const, reason: 'Cannot take weekends', on: '2026-03-10' };
    spec.given([...opened, recorded(grandmother)]).when(record(later)).then([recorded(later)]);
  });

  it('record a person exactly as recorded changes nothing', () => {
    spec.given([...opened, recorded(uncle)]).when(record(uncle)).then([]);
  });

  it.each([
    ['filled', filled],
    ['withdrawn', withdrawn],
  ] as Array<[string, RequestEvent[]]>)('record a person, on a %s request, still documents the case', (_status, given) => {
    spec.given(given).when(record(uncle)).then([recorded(uncle)]);
  });

  it('record a person, on a request never opened, is refused as not found', () => {
    spec.given([]).when(record(uncle)).thenThrows('REQUEST.NOT_FOUND');
  });

  it.each(['declined', 'not-suitable'] as const)('record the outcome %s without a reason is refused', (outcome) => {
    spec.given(opened).when(record({ ...grandmother, outcome, reason: '  ' })).thenThrows('REQUEST.NETWORK_REASON_REQUIRED', { outcome });
  });

  it('record a contact dated after today is refused', () => {
    spec.given(opened).when(record({ ...grandmother, on: '2026-03-11' })).thenThrows('REQUEST.NETWORK_DATE_IN_FUTURE');
  });

  it('record registered-as-network-family without the family is refused', () => {
    spec.given(opened).when(record({ ...grandmother, outcome: 'registered-as-network-family' })).thenThrows('REQUEST.NETWORK_FAMILY_REQUIRED');
  });

  it('record a family with another outcome is refused', () => {
    spec.given(opened).when(record({ ...grandmother, familyId: 'fam-net-1' })).thenThrows('REQUEST.NETWORK_FAMILY_UNEXPECTED');
  });

  it('record another outcome for a person registered as a network family is refused: that outcome stays', () => {
    spec.given([...opened, recorded(registered)]).when(record(grandmother)).thenThrows('REQUEST.NETWORK_PERSON_REGISTERED', { familyId: 'fam-net-1' });
  });

  it('record a person registered as a network family, after the caseworker assessed them, updates their entry', () => {
    spec.given([...opened, recorded(grandmother)]).when(record(registered)).then([recorded(registered)]);
  });

  it(`record a new person on a map of ${MAX_NETWORK_PERSONS} is refused; an update of one of them is not`, () => {
    const full = [...opened, ...Array.from({ length: MAX_NETWORK_PERSONS }, (_, index) => recorded({ ...uncle, personId: `p-${index}` }))];
    spec.given(full).when(record({ ...uncle, personId: 'p-new' })).thenThrows('REQUEST.NETWORK_MAP_FULL');
    spec.given(full).when(record({ ...uncle, personId: 'p-7', reason: 'Moved away' })).then([recorded({ ...uncle, personId: 'p-7', reason: 'Moved away' })]);
  });
});

describe('opening a request without the network flag', () => {
  it('open, without networkExplored (the map replaces it), records the request', () => {
    const { networkExplored: _flag, ...withoutFlag } = needs;
    const data = { requestId: 'req-2', caseReference: 'VEJ-2', needs: withoutFlag, responseDeadline: '2026-03-20' };
    spec.given([]).when({ type: 'OpenRequest', data }).then([{ type: 'RequestOpened', data }]);
  });

  it('open, naming network candidates while saying the network was not explored, is still refused', () => {
    const data = { requestId: 'req-2', caseReference: 'VEJ-2', needs: { ...needs, networkExplored: false, networkCandidates: ['ps-a'] }, responseDeadline: '2026-03-20' };
    spec.given([]).when({ type: 'OpenRequest', data }).thenThrows('REQUEST.NETWORK_NOT_EXPLORED');
  });
});

describe('placing a network family of the request', () => {
  const networkCandidate = { ...ownCandidate, network: true };
  const placement = { offerId: 'offer-own-1', familyId: 'fam-net-1', owner: '0630', pseudonym: 'ps-vejle-a', period: needs.schedule.period, children: 1, match: ownMatch, network: true as const };

  it('place, a network family of this request, records the placement as from the child’s network', () => {
    spec.given(opened).when({ type: 'PlaceOwnFamily', data: { offerId: 'offer-own-1', familyId: 'fam-net-1', owner: '0630', candidate: networkCandidate } }).then([
      { type: 'OwnPlacementRequested', data: placement },
    ]);
  });

  it('the confirmed assignment of a network family says so, for the network-share figure', () => {
    spec.given([...opened, { type: 'OwnPlacementRequested', data: placement }]).when({ type: 'RecordAssignmentConfirmed', data: { offerId: 'offer-own-1', assignmentId: 'asg-1' } }).then([
      { type: 'AssignmentConfirmed', data: { offerId: 'offer-own-1', assignmentId: 'asg-1', partner: '0630', pseudonym: 'ps-vejle-a', network: true } },
      { type: 'RequestFilled', data: { offerId: 'offer-own-1' } },
    ]);
  });
});
