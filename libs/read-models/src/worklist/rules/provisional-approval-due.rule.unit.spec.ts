import type { FamilyDetailDocument } from '../../families/family-detail.projection';
import { familyDetailProjection } from '../../families/family-detail.projection';
import { CONTEXT } from '../worklist.fixtures';
import type { WorklistSource } from '../worklist-rule';
import { approvalExpiringRule } from './approval-expiring.rule';
import { provisionalApprovalDueRule } from './provisional-approval-due.rule';

const network = (familyId: string, fullName: string, status: NonNullable<FamilyDetailDocument['network']>['status'], deadline: string): FamilyDetailDocument =>
  ({
    familyId,
    adults: [{ adultId: 'g1', fullName }],
    stage: status === 'provisional-lapsed' ? 'approval-expired' : 'available',
    approval: { validUntil: deadline },
    network: { requestId: 'r-1', relation: 'grandparent', child: { careType: 'respite', age: 8, places: 1 }, status, provisionalApproval: { approvedOn: '2026-05-01', deadline } },
  }) as FamilyDetailDocument;

const FAMILIES = [
  network('f-grandma', 'Grethe Holm', 'provisionally-approved', '2026-07-30'),
  network('f-aunt-late', 'Inge Dam', 'provisionally-approved', '2026-06-09'),
  network('f-lapsed', 'Bo Friis', 'provisional-lapsed', '2026-05-31'),
  { ...network('f-full', 'Ane Holm', 'approved', '2026-07-01'), approval: { validUntil: '2028-01-01' } } as FamilyDetailDocument,
];
const source: WorklistSource = { documents: <Doc>(collection: string) => (collection === familyDetailProjection.collection ? FAMILIES : []) as Doc[] };

describe('worklist rule: provisional approvals due', () => {
  it('every network family provisionally approved, due on its deadline (the worklist marks a past one overdue); lapsed and fully approved ones are not', () => {
    expect(provisionalApprovalDueRule.items(source, CONTEXT)).toEqual([
      { kind: 'provisional-approval-due', dueOn: '2026-07-30', subject: { type: 'family', id: 'f-grandma', name: 'Grethe Holm' }, note: expect.stringContaining('2026-07-30'), reason: { code: 'provisional-approval-due.assess', params: { deadline: '2026-07-30' } } },
      { kind: 'provisional-approval-due', dueOn: '2026-06-09', subject: { type: 'family', id: 'f-aunt-late', name: 'Inge Dam' }, note: expect.stringContaining('lapses'), reason: { code: 'provisional-approval-due.assess', params: { deadline: '2026-06-09' } } },
    ]);
  });

  it('a provisional approval is not listed as an approval to renew (it cannot be renewed)', () => {
    expect(approvalExpiringRule.items(source, CONTEXT).map((item) => item.subject.id)).toEqual([]);
  });
});
