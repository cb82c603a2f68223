import { sessionsFromRows, splitWithdrawal, WithdrawalForm } from './support-families';

describe('course sessions from the form’s rows', () => {
  it('keeps the rows with a date, numbered in order, and drops the empty ones', () => {
    expect(sessionsFromRows({ title: 'Traumas', sessions: [{ on: '2027-01-10', topic: 'Start' }, undefined, { on: '2027-01-24' }] })).toEqual({
      title: 'Traumas',
      sessions: [
        { sessionId: 's1', on: '2027-01-10', topic: 'Start' },
        { sessionId: 's2', on: '2027-01-24' },
      ],
    });
  });
});

describe('withdrawing a family from a course', () => {
  it('needs the family; the reason is optional, and nothing else is taken', () => {
    expect(WithdrawalForm.safeParse({ familyId: 'fam-1' }).success).toBe(true);
    expect(WithdrawalForm.safeParse({ familyId: 'fam-1', reason: 'Moved away' }).success).toBe(true);
    expect(WithdrawalForm.safeParse({ reason: 'Moved away' }).error?.issues[0]?.path).toEqual(['familyId']);
    expect(WithdrawalForm.safeParse({ familyId: 'fam-1', attended: true }).success).toBe(false);
  });

  it('is sent as the family in the path and the reason in the body', () => {
    expect(splitWithdrawal({ familyId: 'fam-1', reason: 'Moved away' })).toEqual({ familyId: 'fam-1', body: { reason: 'Moved away' } });
    expect(splitWithdrawal({ familyId: 'fam-1' })).toEqual({ familyId: 'fam-1', body: {} });
  });
});
