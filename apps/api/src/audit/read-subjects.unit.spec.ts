import { readSubjects } from './read-subjects';

const detail = { what: 'family-detail', purpose: 'case-work', contactDetails: true } as const;
const list = { what: 'family-list', purpose: 'case-work', contactDetails: true } as const;
const requestContact = { what: 'request-contact', purpose: 'placement', contactDetails: true } as const;

describe('whose personal data an answer showed', () => {
  it('the family named in the path', () => {
    expect(readSubjects(detail, { familyId: 'f1' }, { familyId: 'f1', contact: { phone: '+45 1234' } })).toEqual([{ familyId: 'f1', contactDetails: true }]);
  });

  it('every family of a list page, by id only', () => {
    expect(readSubjects(list, {}, { items: [{ familyId: 'f1', householdName: 'Jensen' }, { familyId: 'f2' }], nextCursor: null })).toEqual([
      { familyId: 'f1', contactDetails: true },
      { familyId: 'f2', contactDetails: true },
    ]);
  });

  it('a request only when its assignment shows contact details: the partner’s family by assignment, an own family by id', () => {
    const partner = { requestId: 'r1', assignment: { assignmentId: 'a1', partner: '0265', contact: { phone: '+45 1234' } } };
    const own = { requestId: 'r2', assignment: { assignmentId: 'a2', partner: '0630', familyId: 'f9', contact: { email: 'x@example.org' } } };
    const notYet = { requestId: 'r3', assignment: { assignmentId: 'a3', partner: '0265' } };
    expect(readSubjects(requestContact, { requestId: 'r1' }, partner)).toEqual([{ requestId: 'r1', assignmentId: 'a1', partner: '0265', contactDetails: true }]);
    expect(readSubjects(requestContact, {}, { items: [partner, own, notYet, { requestId: 'r4' }] })).toEqual([
      { requestId: 'r1', assignmentId: 'a1', partner: '0265', contactDetails: true },
      { requestId: 'r2', assignmentId: 'a2', familyId: 'f9', contactDetails: true },
    ]);
  });

  it('a receipt (202) or an empty answer shows nobody', () => {
    expect(readSubjects(requestContact, {}, { stream: 'request-r1', revision: 3, position: 9 })).toEqual([]);
    expect(readSubjects(list, {}, undefined)).toEqual([]);
  });
});
