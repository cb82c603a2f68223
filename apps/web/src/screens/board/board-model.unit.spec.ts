import type { Schemas } from '@familybank/api-client';
import { boardColumns } from './board-model';

const family = (familyId: string, stage: Schemas['FamilyDetail']['stage'], daysInStage: number) => ({ familyId, stage, daysInStage }) as Schemas['FamilyDetail'];
const pipeline = (overdue: Array<[string, number]>) =>
  ({
    municipality: '0630',
    asOf: '2026-12-02T00:00:00Z',
    stages: [{ stage: 'lead', count: 7, averageDaysInStage: 2.5, maxDaysInStage: 9 }],
    channels: [],
    firstContactDueWithinWorkingDays: 3,
    firstContactOverdue: overdue.map(([familyId, workingDaysWaiting]) => ({ familyId, householdName: familyId, registeredAt: '2026-11-01T00:00:00Z', workingDaysWaiting })),
  }) as Schemas['Pipeline'];

describe('the pipeline board', () => {
  it('shows overdue first contacts first, the longest waiting first, then the longest in stage', () => {
    const [lead] = boardColumns(pipeline([['late', 4], ['later', 6]]), {
      lead: [family('fresh', 'lead', 1), family('late', 'lead', 5), family('old', 'lead', 9), family('later', 'lead', 7)],
    });
    expect(lead!.cards.map((card) => [card.family.familyId, card.overdue])).toEqual([
      ['later', true],
      ['late', true],
      ['old', false],
      ['fresh', false],
    ]);
  });

  it('has a column per stage in pipeline order, counting from the pipeline even when fewer cards are loaded', () => {
    const columns = boardColumns(pipeline([]), { lead: [family('a', 'lead', 0)], available: [family('b', 'available', 3)] });
    expect(columns.map((column) => column.stage)).toEqual(['lead', 'contacted', 'screened', 'interviewed', 'background-checks', 'approved', 'available']);
    expect(columns[0]).toMatchObject({ count: 7, averageDaysInStage: 2.5 });
    expect(columns[6]).toMatchObject({ count: 1 });
  });

  it('marks only leads as overdue', () => {
    const columns = boardColumns(pipeline([['x', 5]]), { contacted: [family('x', 'contacted', 1)] });
    expect(columns[1]!.cards[0]!.overdue).toBe(false);
  });
});
