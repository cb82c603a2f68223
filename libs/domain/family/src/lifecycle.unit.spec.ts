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
  checksRequested,
  contacted,
  interviewed,
  lead,
  oneOfEachCommand,
  registration,
  rejected,
  retired,
  screened,
  stateAfter,
  suspended,
} from './testing/family.fixtures';

const spec = deciderSpecification(familyDecider, { now: NOW });
const afterApproval = deciderSpecification(familyDecider, { now: AFTER_APPROVAL });

describe('suspend family', () => {
  it.each([
    ['approved', approved],
    ['available', available],
  ] as Array<[string, FamilyEvent[]]>)('suspend, for an %s family, records the suspension', (_stage, given) => {
    spec.given(given).when({ type: 'SuspendFamily', data: { reason: 'Illness in the family' } }).then([
      { type: 'FamilySuspended', data: { reason: 'Illness in the family' } },
    ]);
  });

  it.each([
    ['interviewed', interviewed],
    ['suspended', suspended],
    ['approval-expired', approvalExpired],
  ] as Array<[string, FamilyEvent[]]>)('suspend, for a family that is %s, is refused as the wrong stage', (stage, given) => {
    spec.given(given).when({ type: 'SuspendFamily', data: { reason: 'x' } }).thenThrows('FAMILY.WRONG_STAGE', { stage });
  });
});

describe('reinstate family', () => {
  it('reinstate, for a suspended family with a valid approval, records the reinstatement', () => {
    spec.given(suspended).when({ type: 'ReinstateFamily', data: { note: 'Recovered' } }).then([{ type: 'FamilyReinstated', data: { note: 'Recovered' } }]);
  });

  it('reinstate, when the approval ran out during the suspension, is refused', () => {
    afterApproval.given(suspended).when({ type: 'ReinstateFamily', data: {} }).thenThrows('FAMILY.APPROVAL_NOT_VALID', { validUntil: '2027-03-01' });
  });

  it('reinstate, for a family that is not suspended, is refused as the wrong stage', () => {
    spec.given(available).when({ type: 'ReinstateFamily', data: {} }).thenThrows('FAMILY.WRONG_STAGE', { stage: 'available', allowed: ['suspended'] });
  });
});

describe('retire family', () => {
  it.each([
    ['lead', lead],
    ['contacted', contacted],
    ['screened', screened],
    ['interviewed', interviewed],
    ['background-checks', checksRequested],
    ['approved', approved],
    ['available', available],
    ['suspended', suspended],
    ['approval-expired', approvalExpired],
    ['rejected', rejected],
  ] as Array<[string, FamilyEvent[]]>)('retire, for a family that is %s, records the retirement', (_stage, given) => {
    spec.given(given).when({ type: 'RetireFamily', data: { reason: 'Moved abroad' } }).then([{ type: 'FamilyRetired', data: { reason: 'Moved abroad' } }]);
  });

  it.each(oneOfEachCommand.filter((command) => !command.type.startsWith('Register') && command.type !== 'EraseFamily').map((command) => [command.type, command] as const))(
    '%s, for a retired family, is refused: nothing more is recorded',
    (_type, command) => {
      spec.given(retired).when(command).thenThrows('FAMILY.RETIRED');
    },
  );

  it('register, for a retired family id, is refused as already registered', () => {
    spec.given(retired).when({ type: 'RegisterFamily', data: registration }).thenThrows('FAMILY.ALREADY_REGISTERED');
  });
});

describe('lifecycle state', () => {
  it('a suspension ends the availability but keeps the approval', () => {
    expect(stateAfter(suspended)).toMatchObject({ status: 'suspended', availability: null, approval: approvalTerms });
  });

  it('a reinstatement returns the family to approved, not available', () => {
    expect(stateAfter([...suspended, { type: 'FamilyReinstated', data: {} }])).toMatchObject({ status: 'approved', availability: null });
  });

  it('a retirement ends the availability', () => {
    expect(stateAfter(retired)).toMatchObject({ status: 'retired', availability: null });
  });

  it('a retirement of a family never approved leaves it without approval', () => {
    expect(stateAfter([...lead, { type: 'FamilyRetired', data: { reason: 'No response' } }])).toMatchObject({ status: 'retired', approval: null });
  });

  it('events before registration leave the family unregistered', () => {
    expect(familyDecider.evolve(familyDecider.initialState(), { type: 'FamilySuspended', data: { reason: 'x' } })).toEqual({ status: 'unregistered' });
  });
});
