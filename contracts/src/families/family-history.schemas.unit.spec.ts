import { AssignmentsQuery, FamilyEventsQuery, MAX_EVENTS_PAGE, SupportQuery } from './family-history.schemas';
import { FamilyDetail } from './family.schemas';

describe('family history queries', () => {
  it('refuse an unknown (e.g. misspelt) parameter instead of answering the default page', () => {
    for (const schema of [SupportQuery, AssignmentsQuery, FamilyEventsQuery]) {
      expect(schema.safeParse({ limt: '10' }).success).toBe(false);
    }
  });

  it('page sizes have defaults and bounds; the audit trail’s are larger', () => {
    expect(SupportQuery.parse({})).toEqual({ limit: 50 });
    expect(FamilyEventsQuery.parse({})).toEqual({ limit: 100 });
    expect(FamilyEventsQuery.safeParse({ limit: String(MAX_EVENTS_PAGE + 1) }).success).toBe(false);
    expect(AssignmentsQuery.safeParse({ status: 'finished' }).success).toBe(false);
    expect(AssignmentsQuery.parse({ status: 'ended', limit: '5' })).toEqual({ status: 'ended', limit: 5 });
  });

  it('the family detail carries at most five recent support records', () => {
    const record = { familyId: 'f1', revision: 1, position: 1, kind: 'course', on: '2026-04-01', recordedBy: 'anna', recordedAt: '2026-04-01T10:00:00.000Z' };
    const support = FamilyDetail.shape.support;
    expect(support.safeParse({ count: 5, recent: Array(5).fill(record) }).success).toBe(true);
    expect(support.safeParse({ count: 6, recent: Array(6).fill(record) }).success).toBe(false);
  });
});
