import type { Schemas } from '@familybank/api-client';
import { groupOf, groupWorklist, subjectLink } from './worklist-model';

const item = (dueOn: string, overdue = false, id = dueOn): Schemas['WorklistItem'] => ({
  kind: 'first-contact',
  dueOn,
  overdue,
  subject: { type: 'family', id, name: `Family ${id}` },
  assignee: null,
  note: '',
  reason: { code: 'first-contact.make', params: { registeredOn: dueOn } },
});

describe('worklist grouping', () => {
  it('puts an item under overdue, due today, within 7 days or later, counting calendar days from today', () => {
    expect(groupOf(item('2026-12-01', true), '2026-12-02')).toBe('overdue');
    expect(groupOf(item('2026-12-02'), '2026-12-02')).toBe('today');
    expect(groupOf(item('2026-12-09'), '2026-12-02')).toBe('week');
    expect(groupOf(item('2026-12-10'), '2026-12-02')).toBe('later');
  });

  it('trusts a due day in the past even when the flag was computed before midnight', () => {
    expect(groupOf(item('2026-12-01', false), '2026-12-02')).toBe('overdue');
  });

  it('keeps the API’s order within a group and leaves empty groups out', () => {
    const groups = groupWorklist([item('2026-11-20', true, 'a'), item('2026-11-28', true, 'b'), item('2027-02-01', false, 'c')], '2026-12-02');
    expect(groups.map(({ group, items }) => [group, items.map((entry) => entry.subject.id)])).toEqual([
      ['overdue', ['a', 'b']],
      ['later', ['c']],
    ]);
  });
});

describe('worklist links', () => {
  it('a family and a request open their pages; a partner’s request opens the inbox at that request', () => {
    expect(subjectLink({ type: 'family', id: 'f1', name: 'x' })).toBe('/families/f1');
    expect(subjectLink({ type: 'request', id: 'r1', name: 'x' })).toBe('/requests/r1');
    expect(subjectLink({ type: 'partner-request', id: 'r2', municipality: '0265', name: 'x' })).toBe('/inbox#0265-r2');
  });
});
