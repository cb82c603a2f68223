import { deciderSpecification } from '@familybank/domain-core/testing';
import { familyDecider } from './family.decider';
import type { FamilyEvent } from './family.events';
import { NOW, approvalExpired, approved, available, interviewed, rejected, retired, stateAfter, suspended } from './testing/family.fixtures';

const spec = deciderSpecification(familyDecider, { now: NOW });
const anna = { userId: 'cw-anna', name: 'Anna Berg' };
const omar = { userId: 'cw-omar', name: 'Omar Haddad' };
const annaAssigned: FamilyEvent = { type: 'ContactPersonAssigned', data: { contactPerson: anna, since: '2026-03-09' } };

describe('the contact person of a family', () => {
  it('assign a contact person, to an approved family, records who and since today', () => {
    spec.given(approved).when({ type: 'AssignContactPerson', data: anna }).then([{ type: 'ContactPersonAssigned', data: { contactPerson: anna, since: '2026-03-10' } }]);
  });

  it.each([
    ['available', available],
    ['suspended', suspended],
  ])('assign a contact person, to a %s family, is allowed: it still holds its approval', (_stage, events) => {
    spec.given(events).when({ type: 'AssignContactPerson', data: anna }).then([{ type: 'ContactPersonAssigned', data: { contactPerson: anna, since: '2026-03-10' } }]);
  });

  it('assign another contact person records the change and the person it replaces', () => {
    spec
      .given([...approved, annaAssigned])
      .when({ type: 'AssignContactPerson', data: omar })
      .then([{ type: 'ContactPersonAssigned', data: { contactPerson: omar, since: '2026-03-10', previous: anna } }]);
  });

  it('assign the same contact person again records nothing', () => {
    spec.given([...approved, annaAssigned]).when({ type: 'AssignContactPerson', data: anna }).then([]);
  });

  it.each([
    ['in recruitment', interviewed],
    ['rejected', rejected],
    ['whose approval expired', approvalExpired],
  ])('assign a contact person, to a family %s, is refused: only approved families get one', (_case, events) => {
    spec.given(events).when({ type: 'AssignContactPerson', data: anna }).thenThrows('FAMILY.WRONG_STAGE');
  });

  it('assign a contact person, to a retired family, is refused', () => {
    spec.given(retired).when({ type: 'AssignContactPerson', data: anna }).thenThrows('FAMILY.RETIRED');
  });

  it('the state knows the current contact person after a change', () => {
    const changed: FamilyEvent = { type: 'ContactPersonAssigned', data: { contactPerson: omar, since: '2026-03-10', previous: anna } };
    expect(stateAfter([...approved, annaAssigned, changed]).contactPerson).toEqual(omar);
  });
});
