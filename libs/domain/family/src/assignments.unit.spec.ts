import { deciderSpecification } from '@familybank/domain-core/testing';
import { familyDecider } from './family.decider';
import type { FamilyEvent } from './family.events';
import type { Reservation } from './family.types';
import { freePlacesIn } from './family.decide';
import { NOW, approved, available, stateAfter } from './testing/family.fixtures';
import type { RegisteredFamily } from './family.state';

const spec = deciderSpecification(familyDecider, { now: NOW });
const reservation = (assignmentId: string, from: string, to: string, children = 1): Reservation => ({
  assignmentId,
  requester: { municipality: '0265', requestId: `rq-${assignmentId}` },
  period: { from, to },
  children,
});
// The `available` fixture declares capacity 1.
const withCapacityTwo: FamilyEvent[] = [...approved, { type: 'AvailabilityDeclared', data: { careTypes: ['respite'], capacity: 2, periods: [], patterns: ['weekends'], confirmedOn: '2026-03-09' } }];

describe('reserving a family for an assignment', () => {
  it('reserve, with a free place in the period, records the reservation', () => {
    const data = reservation('as-1', '2026-04-01', '2026-06-30');
    spec.given(available).when({ type: 'ReserveFamily', data }).then([{ type: 'FamilyReserved', data }]);
  });

  it('reserve, for an overlapping period when the only place is taken, is refused', () => {
    spec
      .given([...available, { type: 'FamilyReserved', data: reservation('as-1', '2026-04-01', '2026-06-30') }])
      .when({ type: 'ReserveFamily', data: reservation('as-2', '2026-06-01', '2026-08-31') })
      .thenThrows('FAMILY.NO_PLACE_IN_PERIOD', { free: 0, needed: 1 });
  });

  it('reserve, for a period after the first reservation ends, is accepted', () => {
    const data = reservation('as-2', '2026-07-01', '2026-08-31');
    spec.given([...available, { type: 'FamilyReserved', data: reservation('as-1', '2026-04-01', '2026-06-30') }]).when({ type: 'ReserveFamily', data }).then([{ type: 'FamilyReserved', data }]);
  });

  it('reserve, for siblings needing more places than are free, is refused', () => {
    spec.given(withCapacityTwo).when({ type: 'ReserveFamily', data: reservation('as-1', '2026-04-01', '2026-06-30', 3) }).thenThrows('FAMILY.NO_PLACE_IN_PERIOD', { free: 2, needed: 3 });
  });

  it('reserve, twice for the same assignment (a redelivered acceptance), records nothing more', () => {
    const data = reservation('as-1', '2026-04-01', '2026-06-30');
    spec.given([...available, { type: 'FamilyReserved', data }]).when({ type: 'ReserveFamily', data }).then([]);
  });

  it('reserve, a family that is approved but not available, is refused', () => {
    spec.given(approved).when({ type: 'ReserveFamily', data: reservation('as-1', '2026-04-01', '2026-06-30') }).thenThrows('FAMILY.WRONG_STAGE');
  });

  it('ending an assignment frees its place and records whether the family wants a new one', () => {
    const events: FamilyEvent[] = [...available, { type: 'FamilyReserved', data: reservation('as-1', '2026-04-01', '2026-06-30') }];
    spec.given(events).when({ type: 'EndAssignment', data: { assignmentId: 'as-1', reason: 'Child moved home', wantsNewAssignment: true } }).then([
      { type: 'AssignmentEnded', data: { assignmentId: 'as-1', reason: 'Child moved home', wantsNewAssignment: true, endedOn: '2026-03-10' } },
    ]);
    const after = stateAfter([...events, { type: 'AssignmentEnded', data: { assignmentId: 'as-1', reason: 'x', wantsNewAssignment: true, endedOn: '2026-03-10' } }]) as RegisteredFamily;
    expect(freePlacesIn(after, { from: '2026-04-01', to: '2026-06-30' })).toBe(1);
  });

  it('ending an assignment the family does not hold is refused', () => {
    spec.given(available).when({ type: 'EndAssignment', data: { assignmentId: 'nope', reason: 'x', wantsNewAssignment: false } }).thenThrows('FAMILY.UNKNOWN_ASSIGNMENT');
  });

  it('reserve, for a partner’s request overlapping the owner’s own placement, is refused as for any placement', () => {
    const own: Reservation = { ...reservation('as-own', '2027-01-01', '2027-06-30'), requester: { municipality: '0630', requestId: 'rq-own' } };
    spec
      .given([...available, { type: 'FamilyReserved', data: own }])
      .when({ type: 'ReserveFamily', data: reservation('as-partner', '2027-06-01', '2027-08-31') })
      .thenThrows('FAMILY.NO_PLACE_IN_PERIOD', { free: 0, needed: 1 });
  });

  it('reserve, for the owner’s own request overlapping a partner’s placement, is refused as well', () => {
    const own: Reservation = { ...reservation('as-own', '2027-03-01', '2027-03-31'), requester: { municipality: '0630', requestId: 'rq-own' } };
    spec.given([...available, { type: 'FamilyReserved', data: reservation('as-partner', '2027-01-01', '2027-06-30') }]).when({ type: 'ReserveFamily', data: own }).thenThrows('FAMILY.NO_PLACE_IN_PERIOD');
  });

  it('reserve, after the overlapping assignment ended, is accepted: ending frees the period', () => {
    const later = reservation('as-2', '2027-03-01', '2027-08-31');
    spec
      .given([
        ...available,
        { type: 'FamilyReserved', data: reservation('as-1', '2027-01-01', '2027-06-30') },
        { type: 'AssignmentEnded', data: { assignmentId: 'as-1', reason: 'Ended early', wantsNewAssignment: true, endedOn: '2027-02-28' } },
      ])
      .when({ type: 'ReserveFamily', data: later })
      .then([{ type: 'FamilyReserved', data: later }]);
  });

  it('free places never go below zero', () => {
    const state = stateAfter([...withCapacityTwo, { type: 'FamilyReserved', data: reservation('as-1', '2026-04-01', '2026-06-30', 2) }]) as RegisteredFamily;
    expect(freePlacesIn({ ...state, availability: { ...state.availability!, capacity: 1 } }, { from: '2026-05-01', to: '2026-05-02' })).toBe(0);
  });
});
