import { CONTEXT, fixtureSource } from '../worklist.fixtures';
import { firstContactRule } from './first-contact.rule';

describe('worklist rule: first contact', () => {
  it('every lead is due its first contact three working days after registration; other stages are not', () => {
    expect(firstContactRule.items(fixtureSource, CONTEXT)).toEqual([
      // Registered Wed 06-03: Thu 04, Fri 05, Mon 08.
      { kind: 'first-contact', dueOn: '2026-06-08', subject: { type: 'family', id: 'f-lead-old', name: 'Hodan Warsame' }, note: expect.stringContaining('2026-06-03'), reason: { code: 'first-contact.make', params: { registeredOn: '2026-06-03' } } },
      // Registered Tue 06-09: Wed 10, Thu 11, Fri 12.
      { kind: 'first-contact', dueOn: '2026-06-12', subject: { type: 'family', id: 'f-lead-new', name: 'Søren Østergaard' }, note: expect.any(String), reason: { code: 'first-contact.make', params: { registeredOn: '2026-06-09' } } },
    ]);
  });

  it('a lead registered on a Friday is due on Wednesday (the weekend does not count)', () => {
    const friday = { documents: <Doc>() => [{ familyId: 'f', stage: 'lead', registeredAt: '2026-06-05T16:00:00.000Z', adults: [] }] as Doc[] };
    expect(firstContactRule.items(friday, CONTEXT).map((item) => item.dueOn)).toEqual(['2026-06-10']);
  });
});
