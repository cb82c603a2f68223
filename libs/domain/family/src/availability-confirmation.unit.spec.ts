import { deciderSpecification } from '@familybank/domain-core/testing';
import type { ConfirmAvailability } from './family.commands';
import { familyDecider } from './family.decider';
import type { FamilyEvent } from './family.events';
import {
  AFTER_APPROVAL,
  NOW,
  approvalExpired,
  approved,
  available,
  availabilityTerms,
  interviewed,
  retired,
  stateAfter,
  suspended,
} from './testing/family.fixtures';

const spec = deciderSpecification(familyDecider, { now: NOW });
const afterApproval = deciderSpecification(familyDecider, { now: AFTER_APPROVAL });

const confirm: ConfirmAvailability = { type: 'ConfirmAvailability', data: {} };
const confirmed = (confirmedOn: string): FamilyEvent => ({ type: 'AvailabilityConfirmed', data: { confirmedOn } });

describe('confirm availability', () => {
  it('confirm, for an available family, records the availability confirmed today', () => {
    spec.given(available).when(confirm).then([confirmed('2026-03-10')]);
  });

  it('confirm, when the availability was already confirmed, records the new confirmation', () => {
    spec.given([...available, confirmed('2026-03-09')]).when(confirm).then([confirmed('2026-03-10')]);
  });

  it('confirm, for an approved family that declared no availability, is refused as the wrong stage', () => {
    spec.given(approved).when(confirm).thenThrows('FAMILY.WRONG_STAGE', { stage: 'approved', allowed: ['available'] });
  });

  it.each([
    ['interviewed', interviewed],
    ['suspended', suspended],
  ] as Array<[string, FamilyEvent[]]>)('confirm, for a family that is %s, is refused as the wrong stage', (stage, given) => {
    spec.given(given).when(confirm).thenThrows('FAMILY.WRONG_STAGE', { stage, allowed: ['available'] });
  });

  it('confirm, after the approval was marked expired, is refused as the wrong stage', () => {
    afterApproval.given(approvalExpired).when(confirm).thenThrows('FAMILY.WRONG_STAGE', { stage: 'approval-expired' });
  });

  it('confirm, after the approval ran out but before it was marked expired, is refused', () => {
    afterApproval.given(available).when(confirm).thenThrows('FAMILY.APPROVAL_NOT_VALID', { validUntil: '2027-03-01' });
  });

  it('confirm, for a retired family, is refused', () => {
    spec.given(retired).when(confirm).thenThrows('FAMILY.RETIRED');
  });
});

describe('confirmed availability state', () => {
  it('a declared availability carries the day it was declared as its confirmation', () => {
    expect(stateAfter(available).availability).toEqual({ ...availabilityTerms, confirmedOn: '2026-03-09' });
  });

  it('a confirmation moves only the confirmation date; stage and terms stay', () => {
    const state = stateAfter([...available, confirmed('2026-05-01')]);
    expect(state.status).toBe('available');
    expect(state.availability).toEqual({ ...availabilityTerms, confirmedOn: '2026-05-01' });
  });

  it('a declaration after a confirmation sets the confirmation to the declaration’s day', () => {
    const redeclared: FamilyEvent = { type: 'AvailabilityDeclared', data: { ...availabilityTerms, capacity: 2, confirmedOn: '2026-06-01' } };
    expect(stateAfter([...available, confirmed('2026-05-01'), redeclared]).availability).toEqual({ ...availabilityTerms, capacity: 2, confirmedOn: '2026-06-01' });
  });

  it('a confirmation without availability (not expected in a valid stream) changes nothing', () => {
    expect(stateAfter([...approved, confirmed('2026-05-01')])).toEqual(stateAfter(approved));
  });
});
