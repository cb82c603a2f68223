import { RegisterFamilyBody, ApprovalTerms, IsoDate } from './index';

const validRegistration = {
  sourceChannel: 'campaign',
  adults: [{ adultId: 'a1', fullName: 'Mette Hansen' }],
  contact: { street: 'Søndergade 1', postalCode: '7100', city: 'Vejle', phone: '+45 12345678', email: 'mette@example.dk' },
  region: 'DK-83',
  interestedIn: ['respite'],
};

describe('request schemas', () => {
  it('a registration with only the required fields is valid and gets empty lists by default', () => {
    const parsed = RegisterFamilyBody.parse(validRegistration);
    expect(parsed.languages).toEqual([]);
    expect(parsed.competences).toEqual([]);
  });

  it('a registration with an unknown field (e.g. a national id) is rejected', () => {
    const result = RegisterFamilyBody.safeParse({ ...validRegistration, nationalId: '010180-1234' });
    expect(result.success).toBe(false);
  });

  it('an unknown care type is rejected', () => {
    expect(RegisterFamilyBody.safeParse({ ...validRegistration, interestedIn: ['boarding-school'] }).success).toBe(false);
  });

  it('dates must be real calendar dates', () => {
    expect(IsoDate.safeParse('2026-02-30').success).toBe(false);
    expect(IsoDate.safeParse('2026-02-28').success).toBe(true);
  });

  it('approval terms reject a capacity of zero and duplicate care types', () => {
    const terms = { careTypes: ['respite'], capacity: 1, ageRange: { min: 0, max: 17 }, validUntil: '2027-01-01', authority: 'socialtilsyn' };
    expect(ApprovalTerms.safeParse(terms).success).toBe(true);
    expect(ApprovalTerms.safeParse({ ...terms, capacity: 0 }).success).toBe(false);
    expect(ApprovalTerms.safeParse({ ...terms, careTypes: ['respite', 'respite'] }).success).toBe(false);
  });
});
