import { deciderSpecification } from '@familybank/domain-core/testing';
import { familyDecider } from './family.decider';
import type { FamilyEvent } from './family.events';
import {
  AFTER_APPROVAL,
  NOW,
  approvalExpired,
  approvalTerms,
  approved,
  available,
  checkResult,
  checksClear,
  checksRequested,
  checksWithRemarks,
  interviewed,
  rejected,
  remarksAssessed,
  stateAfter,
  suspended,
} from './testing/family.fixtures';

const spec = deciderSpecification(familyDecider, { now: NOW });
const afterApproval = deciderSpecification(familyDecider, { now: AFTER_APPROVAL });
const onLastValidDay = deciderSpecification(familyDecider, { now: new Date('2027-03-01T22:00:00.000Z') });

const renewedTerms = { ...approvalTerms, capacity: 3, validUntil: '2028-03-01', decisionReference: 'SOC-2027-17' };

describe('approve family', () => {
  it('approve, when every check is clear, records the approval', () => {
    spec.given(checksClear).when({ type: 'ApproveFamily', data: approvalTerms }).then([
      { type: 'FamilyApproved', data: { ...approvalTerms, approvedOn: '2026-03-10' } },
    ]);
  });

  it('approve, when a check is missing, is refused', () => {
    spec.given(checksRequested).when({ type: 'ApproveFamily', data: approvalTerms }).thenThrows('FAMILY.CHECKS_MISSING');
  });

  it('approve, when checks were never requested for one adult, is refused and names that adult’s checks', () => {
    const onlyA1: FamilyEvent[] = [
      ...interviewed,
      {
        type: 'BackgroundChecksRequested',
        data: { on: '2026-03-05', checks: [{ adultId: 'a1', kind: 'child-protection' }, { adultId: 'a1', kind: 'criminal-record' }] },
      },
      checkResult('a1', 'child-protection'),
      checkResult('a1', 'criminal-record'),
    ];
    spec.given(onlyA1).when({ type: 'ApproveFamily', data: approvalTerms }).thenThrows('FAMILY.CHECKS_MISSING', {
      missing: [
        { adultId: 'a2', kind: 'child-protection' },
        { adultId: 'a2', kind: 'criminal-record' },
      ],
    });
  });

  it('approve, before background checks were requested, is refused as the wrong stage', () => {
    spec.given(interviewed).when({ type: 'ApproveFamily', data: approvalTerms }).thenThrows('FAMILY.WRONG_STAGE');
  });

  it('approve, when a background check has remarks, is refused', () => {
    spec.given(checksWithRemarks('traffic')).when({ type: 'ApproveFamily', data: approvalTerms }).thenThrows('FAMILY.CHECKS_NOT_CLEAR', {
      blocking: [{ adultId: 'a2', kind: 'criminal-record' }],
    });
  });

  it('approve, when the remarks were assessed acceptable, records the approval', () => {
    spec.given([...checksWithRemarks('traffic'), remarksAssessed(true)]).when({ type: 'ApproveFamily', data: approvalTerms }).then([
      { type: 'FamilyApproved', data: { ...approvalTerms, approvedOn: '2026-03-10' } },
    ]);
  });

  it('approve, when the remarks were assessed not acceptable, is refused', () => {
    spec.given([...checksWithRemarks('violence'), remarksAssessed(false)]).when({ type: 'ApproveFamily', data: approvalTerms }).thenThrows('FAMILY.CHECKS_NOT_CLEAR');
  });

  it('approve, when an offence against children was assessed blocking, is refused', () => {
    spec
      .given([...checksWithRemarks('offence-against-children'), remarksAssessed(false)])
      .when({ type: 'ApproveFamily', data: approvalTerms })
      .thenThrows('FAMILY.CHECKS_NOT_CLEAR');
  });

  it('approve, with a validity that already ended, is refused', () => {
    spec.given(checksClear).when({ type: 'ApproveFamily', data: { ...approvalTerms, validUntil: '2026-03-09' } }).thenThrows('FAMILY.APPROVAL_VALIDITY_IN_PAST', {
      validUntil: '2026-03-09',
    });
  });

  it('approve, valid until today, records the approval', () => {
    const terms = { ...approvalTerms, validUntil: '2026-03-10' };
    spec.given(checksClear).when({ type: 'ApproveFamily', data: terms }).then([{ type: 'FamilyApproved', data: { ...terms, approvedOn: '2026-03-10' } }]);
  });

  it('approve, with an age range whose minimum is above its maximum, is refused', () => {
    spec.given(checksClear).when({ type: 'ApproveFamily', data: { ...approvalTerms, ageRange: { min: 12, max: 4 } } }).thenThrows('FAMILY.AGE_RANGE_INVERTED');
  });

  it('approve, when the family is already approved, is refused as the wrong stage', () => {
    spec.given(approved).when({ type: 'ApproveFamily', data: approvalTerms }).thenThrows('FAMILY.WRONG_STAGE', { stage: 'approved' });
  });
});

describe('renew approval', () => {
  it.each([
    ['approved', approved],
    ['available', available],
    ['suspended', suspended],
  ] as Array<[string, FamilyEvent[]]>)('renew, for a %s family, records the new terms', (_stage, given) => {
    spec.given(given).when({ type: 'RenewApproval', data: renewedTerms }).then([{ type: 'ApprovalRenewed', data: { ...renewedTerms, renewedOn: '2026-03-10' } }]);
  });

  it('renew, after the approval expired, records the new terms', () => {
    afterApproval.given(approvalExpired).when({ type: 'RenewApproval', data: renewedTerms }).then([
      { type: 'ApprovalRenewed', data: { ...renewedTerms, renewedOn: '2027-03-02' } },
    ]);
  });

  it('renew, after the approval expired, makes the family approved again so it can declare availability', () => {
    const renewed: FamilyEvent[] = [...approvalExpired, { type: 'ApprovalRenewed', data: { ...renewedTerms, renewedOn: '2027-03-02' } }];
    expect(stateAfter(renewed)).toMatchObject({ status: 'approved', approval: renewedTerms });
    afterApproval
      .given(renewed)
      .when({ type: 'DeclareAvailability', data: { capacity: 3, periods: [], patterns: ['holidays'] } })
      .then([{ type: 'AvailabilityDeclared', data: { careTypes: ['respite', 'contact'], capacity: 3, periods: [], patterns: ['holidays'], confirmedOn: '2027-03-02' } }]);
  });

  it('renew, for a suspended family, keeps it suspended', () => {
    expect(stateAfter([...suspended, { type: 'ApprovalRenewed', data: { ...renewedTerms, renewedOn: '2026-03-10' } }]).status).toBe('suspended');
  });

  it('renew, with a validity that already ended, is refused', () => {
    afterApproval.given(approvalExpired).when({ type: 'RenewApproval', data: approvalTerms }).thenThrows('FAMILY.APPROVAL_VALIDITY_IN_PAST', {
      validUntil: '2027-03-01',
    });
  });

  it('renew, with an inverted age range, is refused', () => {
    spec.given(approved).when({ type: 'RenewApproval', data: { ...renewedTerms, ageRange: { min: 10, max: 2 } } }).thenThrows('FAMILY.AGE_RANGE_INVERTED');
  });

  it.each([
    ['background-checks', checksClear],
    ['rejected', rejected],
  ] as Array<[string, FamilyEvent[]]>)('renew, for a family in stage %s that was never approved, is refused as the wrong stage', (stage, given) => {
    spec.given(given).when({ type: 'RenewApproval', data: renewedTerms }).thenThrows('FAMILY.WRONG_STAGE', { stage });
  });
});

describe('expire approval', () => {
  it('expire, once the validity has ended, records the expiry', () => {
    afterApproval.given(available).when({ type: 'ExpireApproval', data: {} }).then([
      { type: 'ApprovalExpired', data: { validUntil: '2027-03-01', expiredOn: '2027-03-02' } },
    ]);
  });

  it('expire, for a suspended family whose validity ended, records the expiry', () => {
    afterApproval.given(suspended).when({ type: 'ExpireApproval', data: {} }).then([
      { type: 'ApprovalExpired', data: { validUntil: '2027-03-01', expiredOn: '2027-03-02' } },
    ]);
  });

  it('expire, while the approval is still valid, is refused', () => {
    spec.given(approved).when({ type: 'ExpireApproval', data: {} }).thenThrows('FAMILY.APPROVAL_STILL_VALID', { validUntil: '2027-03-01' });
  });

  it('expire, on the last day of validity, is refused', () => {
    onLastValidDay.given(approved).when({ type: 'ExpireApproval', data: {} }).thenThrows('FAMILY.APPROVAL_STILL_VALID');
  });

  it('expire, when the approval already expired, is refused as the wrong stage', () => {
    afterApproval.given(approvalExpired).when({ type: 'ExpireApproval', data: {} }).thenThrows('FAMILY.WRONG_STAGE', { stage: 'approval-expired' });
  });

  it('expire, for a family never approved, is refused as the wrong stage', () => {
    afterApproval.given(checksClear).when({ type: 'ExpireApproval', data: {} }).thenThrows('FAMILY.WRONG_STAGE', { stage: 'background-checks' });
  });
});

describe('approval state', () => {
  it('an approved family holds the approval terms', () => {
    expect(stateAfter(approved)).toMatchObject({ status: 'approved', approval: approvalTerms, availability: null });
  });

  it('a renewal replaces the approval terms', () => {
    expect(stateAfter([...approved, { type: 'ApprovalRenewed', data: { ...renewedTerms, renewedOn: '2026-03-10' } }]).approval).toEqual(renewedTerms);
  });

  it('an expired approval ends the availability', () => {
    expect(stateAfter(approvalExpired)).toMatchObject({ status: 'approval-expired', availability: null });
  });
});
