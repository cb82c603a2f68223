import { deciderSpecification } from '@familybank/domain-core/testing';
import { familyDecider } from './family.decider';
import type { FamilyEvent } from './family.events';
import type { FamilyStage } from './vocabulary';
import { NOW, approved, available, lead, oneOfEachCommand, rejected, retired, stateAfter, suspended } from './testing/family.fixtures';

const spec = deciderSpecification(familyDecider, { now: NOW });
const erase = { type: 'EraseFamily' as const, data: { reason: 'The family asked to be forgotten (art. 17)' } };
const erased = (atStage: FamilyStage): FamilyEvent => ({ type: 'FamilyErased', data: { reason: erase.data.reason, erasedOn: '2026-03-10', atStage } });
const reserved: FamilyEvent = {
  type: 'FamilyReserved',
  data: { assignmentId: 'as-1', requester: { municipality: '0630', requestId: 'rq-1' }, period: { from: '2026-04-01', to: '2026-06-30' }, children: 1 },
};

describe('erasing a family', () => {
  it.each([
    ['a lead', lead, 'lead'],
    ['an available family', available, 'available'],
    ['a suspended family', suspended, 'suspended'],
    ['a rejected family', rejected, 'rejected'],
    ['a retired family', retired, 'retired'],
  ] as Array<[string, FamilyEvent[], FamilyStage]>)('erase, for %s, records the erasure with its reason and stage', (_what, given, atStage) => {
    spec.given(given).when(erase).then([erased(atStage)]);
  });

  it('erase, while a child is placed with the family, is refused until the assignment ends', () => {
    spec.given([...available, reserved]).when(erase).thenThrows('FAMILY.ERASURE_BLOCKED_BY_ASSIGNMENT', { assignmentIds: ['as-1'] });
  });

  it('erase, once the assignment ended, records the erasure', () => {
    const ended: FamilyEvent = { type: 'AssignmentEnded', data: { assignmentId: 'as-1', reason: 'Ended as planned', wantsNewAssignment: false, endedOn: '2026-07-01' } };
    spec.given([...available, reserved, ended]).when(erase).then([erased('available')]);
  });

  it('erase, without a reason, is refused', () => {
    spec.given(approved).when({ type: 'EraseFamily', data: { reason: '  ' } }).thenThrows('FAMILY.ERASURE_NEEDS_REASON');
  });

  it('erase, for a family never registered, is refused as not found', () => {
    spec.given([]).when(erase).thenThrows('FAMILY.NOT_FOUND');
  });

  it.each(oneOfEachCommand.filter((command) => !command.type.startsWith('Register')).map((command) => [command.type, command] as const))(
    '%s, for an erased family, is refused: nothing more is recorded',
    (_type, command) => {
      spec.given([...available, erased('available')]).when(command).thenThrows('FAMILY.ERASED');
    },
  );

  it('an erased family is neither available nor consenting: it can no longer be shared', () => {
    expect(stateAfter([...available, { type: 'ConsentToShareGiven', data: { on: '2026-03-09' } }, erased('available')])).toMatchObject({ erased: true, availability: null, consentToShare: false });
  });
});
