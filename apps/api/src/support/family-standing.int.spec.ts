import { DocumentStore, familyDetailProjection } from '@familybank/read-models';
import { familyStanding } from './family-standing';

describe('the family look-up of support commands', () => {
  const documents = new DocumentStore(':memory:');
  const put = (familyId: string, municipality: string, stage: string, approved: boolean) =>
    documents.put(familyDetailProjection.collection, familyId, municipality, { familyId, stage, ...(approved && { approval: { approvedOn: '2026-01-01' } }) });
  afterAll(() => documents.close());

  beforeAll(() => {
    put('available', '0630', 'available', true);
    put('suspended', '0630', 'suspended', true);
    put('expired', '0630', 'approval-expired', true);
    put('retired', '0630', 'retired', true);
    put('lead', '0630', 'lead', false);
    put('theirs', '0265', 'available', true);
  });

  it.each([
    ['available', 'approved'],
    ['suspended', 'approved'],
    ['expired', 'not-approved'],
    ['retired', 'not-approved'],
    ['lead', 'not-approved'],
    ['theirs', 'unknown'],
    ['nobody', 'unknown'],
  ])('family %s stands as %s for Vejle', (familyId, standing) => {
    expect(familyStanding(documents, '0630', familyId)).toBe(standing);
  });
});
