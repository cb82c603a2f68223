import { deciderSpecification } from '@familybank/domain-core/testing';
import { familyDecider } from './family.decider';
import { NOW, approvalTerms, checksClear, checksRequested, interviewed } from './testing/family.fixtures';

const spec = deciderSpecification(familyDecider, { now: NOW });

describe('approve family', () => {
  it('approve, when every check is clear, records the approval', () => {
    spec.given(checksClear).when({ type: 'ApproveFamily', data: approvalTerms }).then([
      { type: 'FamilyApproved', data: { ...approvalTerms, approvedOn: '2026-03-10' } },
    ]);
  });

  it('approve, when a check is missing, is refused', () => {
    spec.given(checksRequested).when({ type: 'ApproveFamily', data: approvalTerms }).thenThrows('FAMILY.CHECKS_MISSING');
  });

  it('approve, before background checks were requested, is refused as the wrong stage', () => {
    spec.given(interviewed).when({ type: 'ApproveFamily', data: approvalTerms }).thenThrows('FAMILY.WRONG_STAGE');
  });
});
