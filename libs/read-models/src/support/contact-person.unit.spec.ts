import type { FamilyEvent } from '@familybank/domain-family';
import { approved } from '@familybank/domain-family/testing';
import { recorded } from '../testing';
import { evolveFamilyDetail, type FamilyDetailDocument } from '../families/family-detail.projection';

const foldDetail = (events: FamilyEvent[]) => recorded(events).reduce<FamilyDetailDocument | null>(evolveFamilyDetail, null);
const anna = { userId: 'cw-anna', name: 'Anna Berg' };
const omar = { userId: 'cw-omar', name: 'Omar Haddad' };

describe('the contact person in the family detail', () => {
  it('is absent until assigned', () => {
    expect(foldDetail(approved)).not.toHaveProperty('contactPerson');
  });

  it('shows the current contact person, since when and who assigned it, after a change', () => {
    const detail = foldDetail([
      ...approved,
      { type: 'ContactPersonAssigned', data: { contactPerson: anna, since: '2026-03-09' } },
      { type: 'ContactPersonAssigned', data: { contactPerson: omar, since: '2026-04-01', previous: anna } },
    ])!;
    expect(detail.contactPerson).toEqual({ userId: 'cw-omar', name: 'Omar Haddad', since: '2026-04-01', assignedBy: 'anna@0630' });
    expect(detail.revision).toBe(approved.length + 1);
  });
});
