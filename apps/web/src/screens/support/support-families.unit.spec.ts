import { sessionsFromRows } from './support-families';

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
