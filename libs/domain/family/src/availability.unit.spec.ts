import { deciderSpecification } from '@familybank/domain-core/testing';
import type { DeclareAvailability } from './family.commands';
import { familyDecider } from './family.decider';
import type { FamilyEvent } from './family.events';
import {
  AFTER_APPROVAL,
  NOW,
  approvalExpired,
  approvalTerms,
  approved,
  available,
  availabilityTerms,
  checksClear,
  interviewed,
  rejected,
  stateAfter,
  suspended,
} from './testing/family.fixtures';

const spec = deciderSpecification(familyDecider, { now: NOW });
const afterApproval = deciderSpecification(familyDecider, { now: AFTER_APPROVAL });

const declare = (data: Partial<DeclareAvailability['data']> = {}): DeclareAvailability => ({
  type: 'DeclareAvailability',
  data: { careTypes: ['respite'], capacity: 1, periods: [], patterns: ['weekends'], ...data },
});

describe('declare availability', () => {
  it('declare, for an approved family, records the availability confirmed today', () => {
    spec.given(approved).when(declare()).then([{ type: 'AvailabilityDeclared', data: { ...availabilityTerms, confirmedOn: '2026-03-10' } }]);
  });

  it('declare, without care types, makes the family available for every approved care type', () => {
    const data = { capacity: 2, periods: [{ from: '2026-07-01', to: '2026-07-31' }], patterns: [] };
    spec.given(approved).when({ type: 'DeclareAvailability', data }).then([
      { type: 'AvailabilityDeclared', data: { ...data, careTypes: ['respite', 'contact'], confirmedOn: '2026-03-10' } },
    ]);
  });

  it('declare, while already available, records the updated availability', () => {
    const command = declare({ careTypes: ['contact'], capacity: 2, patterns: ['weekdays', 'holidays'] });
    spec.given(available).when(command).then([{ type: 'AvailabilityDeclared', data: { ...command.data, careTypes: ['contact'], confirmedOn: '2026-03-10' } }]);
  });

  it('declare, with a one-day period, records the availability', () => {
    const command = declare({ periods: [{ from: '2026-04-01', to: '2026-04-01' }], patterns: [] });
    spec.given(approved).when(command).then([{ type: 'AvailabilityDeclared', data: { ...availabilityTerms, ...command.data, confirmedOn: '2026-03-10' } }]);
  });

  it.each([
    ['interviewed', interviewed],
    ['rejected', rejected],
  ] as Array<[string, FamilyEvent[]]>)('declare, for a family that is %s and holds no approval, is refused', (stage, given) => {
    spec.given(given).when(declare()).thenThrows('FAMILY.NOT_APPROVED', { stage });
  });

  it('declare, after the approval expired, is refused as not approved', () => {
    afterApproval.given(approvalExpired).when(declare()).thenThrows('FAMILY.NOT_APPROVED', { stage: 'approval-expired' });
  });

  it('declare, after the approval ran out but before it was marked expired, is refused', () => {
    afterApproval.given(approved).when(declare()).thenThrows('FAMILY.APPROVAL_NOT_VALID', { validUntil: '2027-03-01' });
  });

  it('declare, for a suspended family, is refused as the wrong stage', () => {
    spec.given(suspended).when(declare()).thenThrows('FAMILY.WRONG_STAGE', { stage: 'suspended' });
  });

  it('declare, with a capacity above the approved capacity, is refused', () => {
    spec.given(approved).when(declare({ capacity: 3 })).thenThrows('FAMILY.CAPACITY_EXCEEDS_APPROVAL', { capacity: 3, approved: 2 });
  });

  it('declare, with the approved capacity, records the availability', () => {
    spec.given(approved).when(declare({ capacity: 2 })).then([{ type: 'AvailabilityDeclared', data: { ...availabilityTerms, capacity: 2, confirmedOn: '2026-03-10' } }]);
  });

  it('declare, for a care type the family is not approved for, is refused', () => {
    spec.given(approved).when(declare({ careTypes: ['respite', 'foster'] })).thenThrows('FAMILY.CARE_TYPE_NOT_APPROVED', { careTypes: ['foster'] });
  });

  it('declare, with neither a period nor a pattern, is refused', () => {
    spec.given(approved).when(declare({ periods: [], patterns: [] })).thenThrows('FAMILY.AVAILABILITY_WITHOUT_TIME');
  });

  it('declare, with a period that ends before it starts, is refused', () => {
    spec
      .given(approved)
      .when(declare({ periods: [{ from: '2026-05-10', to: '2026-05-01' }] }))
      .thenThrows('FAMILY.PERIOD_INVERTED', { from: '2026-05-10', to: '2026-05-01' });
  });
});

describe('withdraw availability', () => {
  it('withdraw, for an available family, records the withdrawal', () => {
    spec.given(available).when({ type: 'WithdrawAvailability', data: { reason: 'Baby on the way' } }).then([
      { type: 'AvailabilityWithdrawn', data: { reason: 'Baby on the way' } },
    ]);
  });

  it('withdraw, for an approved family that is not available, is refused as the wrong stage', () => {
    spec.given(approved).when({ type: 'WithdrawAvailability', data: {} }).thenThrows('FAMILY.WRONG_STAGE', { stage: 'approved', allowed: ['available'] });
  });

  it('withdraw, for a suspended family, is refused as the wrong stage', () => {
    spec.given(suspended).when({ type: 'WithdrawAvailability', data: {} }).thenThrows('FAMILY.WRONG_STAGE', { stage: 'suspended' });
  });
});

describe('availability state', () => {
  it('a declared availability makes the family available with those terms', () => {
    expect(stateAfter(available)).toMatchObject({ status: 'available', availability: availabilityTerms });
  });

  it('a re-declared availability replaces the previous terms', () => {
    const terms = { careTypes: ['contact' as const], capacity: 2, periods: [], patterns: ['holidays' as const] };
    expect(stateAfter([...available, { type: 'AvailabilityDeclared', data: { ...terms, confirmedOn: '2026-03-10' } }]).availability).toEqual({ ...terms, confirmedOn: '2026-03-10' });
  });

  it('a withdrawn availability returns the family to approved without availability', () => {
    const state = stateAfter([...available, { type: 'AvailabilityWithdrawn', data: {} }]);
    expect(state).toMatchObject({ status: 'approved', availability: null });
    expect(state.approval).not.toBeNull();
  });
});

describe('capacity never below one', () => {
  it('declare availability, with a capacity of zero, is refused', () => {
    spec.given(approved).when({ type: 'DeclareAvailability', data: { capacity: 0, periods: [], patterns: ['weekends'] } }).thenThrows('FAMILY.CAPACITY_NOT_POSITIVE');
  });

  it('approve, with a capacity of zero, is refused', () => {
    spec.given(checksClear).when({ type: 'ApproveFamily', data: { ...approvalTerms, capacity: 0 } }).thenThrows('FAMILY.CAPACITY_NOT_POSITIVE');
  });

  it('renew approval, with a capacity below the declared availability, is refused', () => {
    spec.given(available).when({ type: 'RenewApproval', data: { ...approvalTerms, capacity: 1, careTypes: ['contact'] } }).thenThrows('FAMILY.CARE_TYPE_NOT_APPROVED');
  });

  it('request background checks, naming no adult, is refused', () => {
    spec.given(interviewed).when({ type: 'RequestBackgroundChecks', data: { on: '2026-03-05', adultIds: [] } }).thenThrows('FAMILY.NO_CHECKS_REQUESTED');
  });
});
