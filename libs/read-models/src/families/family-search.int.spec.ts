import type { FamilyEvent } from '@familybank/domain-family';
import { approvalTerms, checksClear, registeredEvent } from '@familybank/domain-family/testing';
import { DocumentStore, decodeCursor } from '../document-store';
import { recorded } from '../testing';
import { evolveFamilyDetail, familyDetailProjection, type FamilyDetailDocument } from './family-detail.projection';
import { FamilyQueries } from './family-queries';
import type { FamilySearch } from './family-search';

type Registration = Extract<FamilyEvent, { type: 'FamilyRegistered' }>['data'];
const registered = (changes: Partial<Registration> & { postalCode?: string }): FamilyEvent => {
  const base = (registeredEvent as Extract<FamilyEvent, { type: 'FamilyRegistered' }>).data;
  const { postalCode, ...rest } = changes;
  return { type: 'FamilyRegistered', data: { ...base, ...rest, contact: { ...base.contact, postalCode: postalCode ?? base.contact.postalCode } } };
};
const approvedFor = (careTypes: Array<'respite' | 'foster' | 'contact'>, min: number, max: number): FamilyEvent => ({
  type: 'FamilyApproved',
  data: { ...approvalTerms, careTypes, ageRange: { min, max }, approvedOn: '2026-03-08' },
});
const adults = (...names: string[]) => names.map((fullName, index) => ({ adultId: `a${index + 1}`, fullName }));

/**
 * Five families, registered in this order (so listed newest first: svensson, hansen, soren, hodan):
 *   hodan     0630 lead, Hodan Warsame, 7100, so+da, trauma, interested in foster, no approval
 *   soren     0630 approved respite+contact ages 4–12, Søren & Åse Østergaard, 7120, da, adhd+siblings, interested in foster
 *   hansen    0630 approved respite ages 0–5, Mette & Jens Hansen, 7100, da+en, adhd
 *   svensson  0630 approved foster ages 10–17, Karin Svensson, 123 45, sv, teenagers
 *   elsewhere 0265 lead, Hodan Warsame: another municipality's, never found
 */
const FIXTURE: Array<[string, string, FamilyEvent[]]> = [
  ['hodan', '0630', [registered({ adults: adults('Hodan Warsame'), languages: ['so', 'da'], competences: ['trauma'], interestedIn: ['foster'] })]],
  [
    'soren',
    '0630',
    [
      registered({ adults: adults('Søren Østergaard', 'Åse Østergaard'), postalCode: '7120', languages: ['da'], competences: ['adhd', 'siblings'], interestedIn: ['foster'] }),
      ...checksClear.slice(1),
      approvedFor(['respite', 'contact'], 4, 12),
    ],
  ],
  [
    'hansen',
    '0630',
    [
      registered({}),
      ...checksClear.slice(1),
      approvedFor(['respite'], 0, 5),
      { type: 'ContactPersonAssigned', data: { contactPerson: { userId: 'anna.berg@0630', name: 'Anna Berg' }, since: '2026-03-10' } },
      // Changed: the family is found by its current contact person only.
      { type: 'ContactPersonAssigned', data: { contactPerson: { userId: 'lars.moeller@0630', name: 'Lars Møller' }, since: '2026-03-20', previous: { userId: 'anna.berg@0630', name: 'Anna Berg' } } },
    ],
  ],
  [
    'svensson',
    '0630',
    [registered({ adults: adults('Karin Svensson'), postalCode: '123 45', languages: ['sv'], competences: ['teenagers'] }), ...checksClear.slice(1), approvedFor(['foster'], 10, 17)],
  ],
  ['elsewhere', '0265', [registered({ adults: adults('Hodan Warsame') })]],
];

describe('family search (SQL over the family-detail read model)', () => {
  let documents: DocumentStore;
  let queries: FamilyQueries;

  beforeAll(() => {
    documents = new DocumentStore(':memory:');
    for (const [familyId, municipality, events] of FIXTURE) {
      const detail = recorded(events, { familyId, municipality }).reduce<FamilyDetailDocument | null>(evolveFamilyDetail, null)!;
      documents.put(familyDetailProjection.collection, familyId, municipality, detail);
    }
    queries = new FamilyQueries(documents, () => new Date('2026-04-01T00:00:00.000Z'));
  });
  afterAll(() => documents.close());

  const found = (search: FamilySearch) => queries.listFamilies('0630', { ...search, limit: 50 }).items.map((family) => family.familyId);

  it('without filters, every family of the municipality, newest first', () => {
    expect(found({})).toEqual(['svensson', 'hansen', 'soren', 'hodan']);
  });

  it.each<[string, string[]]>([
    ['hodan', ['hodan']],
    ['HODAN', ['hodan']],
    ['soren', ['soren']],
    ['Soeren', ['soren']],
    ['åse', ['soren']],
    ['aase østergaard', ['soren']],
    ['ostergard', ['soren']],
    ['en', ['svensson', 'hansen', 'soren']],
    ['jens', ['hansen']],
    ['nobody', []],
    ['50%', []],
  ])('q=%s (any part of a name, case, accents and Nordic spellings ignored) finds %j', (q, expected) => {
    expect(found({ q })).toEqual(expected);
  });

  it('postalCode is a code or its beginning, spaces ignored', () => {
    expect(found({ postalCode: '7100' })).toEqual(['hansen', 'hodan']);
    expect(found({ postalCode: '71' })).toEqual(['hansen', 'soren', 'hodan']);
    expect(found({ postalCode: '12345' })).toEqual(['svensson']);
    expect(found({ postalCode: '123 4' })).toEqual(['svensson']);
    expect(found({ postalCode: '8000' })).toEqual([]);
  });

  it('competence and language: a family must have every one asked for', () => {
    expect(found({ competence: ['adhd'] })).toEqual(['hansen', 'soren']);
    expect(found({ competence: ['adhd', 'siblings'] })).toEqual(['soren']);
    expect(found({ language: ['da'] })).toEqual(['hansen', 'soren', 'hodan']);
    expect(found({ language: ['da', 'en'] })).toEqual(['hansen']);
    expect(found({ language: ['ar'] })).toEqual([]);
  });

  it('careType: the approval’s care types once approved, the care types of interest before', () => {
    expect(found({ careType: 'foster' })).toEqual(['svensson', 'hodan']);
    expect(found({ careType: 'respite' })).toEqual(['hansen', 'soren']);
    expect(found({ careType: 'contact' })).toEqual(['soren']);
    expect(found({ careType: 'emergency' })).toEqual([]);
  });

  it('childAge: the approval’s age range includes it (ends included); families without approval never match', () => {
    expect(found({ childAge: 3 })).toEqual(['hansen']);
    expect(found({ childAge: 4 })).toEqual(['hansen', 'soren']);
    expect(found({ childAge: 6 })).toEqual(['soren']);
    expect(found({ childAge: 12 })).toEqual(['svensson', 'soren']);
    expect(found({ childAge: 17 })).toEqual(['svensson']);
  });

  it('contactPerson: the family’s current contact person, not a former one', () => {
    expect(found({ contactPerson: 'lars.moeller@0630' })).toEqual(['hansen']);
    expect(found({ contactPerson: 'anna.berg@0630' })).toEqual([]);
    expect(found({ contactPerson: 'lars.moeller@0630', stage: 'approved', q: 'mette' })).toEqual(['hansen']);
  });

  it('stage, and every filter combined with AND', () => {
    expect(found({ stage: 'lead' })).toEqual(['hodan']);
    expect(found({ stage: 'approved', careType: 'respite', childAge: 5, language: ['da'], competence: ['adhd'], postalCode: '71', q: 'hansen' })).toEqual(['hansen']);
    expect(found({ stage: 'approved', careType: 'respite', childAge: 6 })).toEqual(['soren']);
    expect(found({ stage: 'lead', careType: 'respite' })).toEqual([]);
  });

  it('pages of a search walk its matches exactly once, newest first, and stop when full', () => {
    const search = { postalCode: '71' };
    const seen: string[] = [];
    let before: number | undefined;
    for (let pages = 0; pages < 10; pages += 1) {
      const page = queries.listFamilies('0630', { ...search, limit: 2, before });
      seen.push(...page.items.map((family) => family.familyId));
      if (!page.nextCursor) break;
      before = decodeCursor(page.nextCursor);
    }
    expect(seen).toEqual(['hansen', 'soren', 'hodan']);
  });
});
