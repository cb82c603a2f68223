import type { Schemas } from '@familybank/api-client';

export const registration = (overrides: Partial<Schemas['RegisterFamily']> = {}): Schemas['RegisterFamily'] => ({
  sourceChannel: 'campaign',
  sourceDetail: 'Autumn radio campaign',
  adults: [
    { adultId: 'a1', fullName: 'Mette Hansen', birthYear: 1981 },
    { adultId: 'a2', fullName: 'Jens Hansen', birthYear: 1979 },
  ],
  contact: { street: 'Søndergade 12', postalCode: '7100', city: 'Vejle', phone: '+45 20 30 40 50', email: 'hansen@example.dk' },
  region: 'DK-83',
  languages: ['da', 'en'],
  competences: ['adhd', 'siblings'],
  interestedIn: ['respite'],
  ...overrides,
});

export const approvalTerms = (validUntil = '2099-12-31'): Schemas['ApprovalTerms'] => ({
  careTypes: ['respite', 'contact'],
  capacity: 2,
  ageRange: { min: 4, max: 12 },
  validUntil,
  conditions: ['Weekends only during the first three months'],
  authority: 'socialtilsyn',
  decisionReference: 'ST-2026-0042',
});
