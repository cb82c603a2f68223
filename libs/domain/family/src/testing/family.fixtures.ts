import type { FamilyEvent } from '../family.events';

/** Events that take a family to each stage; tests start from these. */
export const NOW = new Date('2026-03-10T09:00:00.000Z');

export const registeredEvent: FamilyEvent = {
  type: 'FamilyRegistered',
  data: {
    familyId: 'fam-1',
    sourceChannel: 'campaign',
    sourceDetail: 'Spring 2026 radio',
    adults: [
      { adultId: 'a1', fullName: 'Mette Hansen', birthYear: 1980 },
      { adultId: 'a2', fullName: 'Jens Hansen', birthYear: 1978 },
    ],
    contact: { street: 'Søndergade 1', postalCode: '7100', city: 'Vejle', phone: '+45 12345678', email: 'hansen@example.dk' },
    region: 'DK-83',
    languages: ['da', 'en'],
    competences: ['adhd'],
    interestedIn: ['respite'],
    registeredAt: '2026-03-01T10:00:00.000Z',
  },
};

export const lead: FamilyEvent[] = [registeredEvent];
export const contacted: FamilyEvent[] = [...lead, { type: 'FirstContactMade', data: { on: '2026-03-02', channel: 'phone' } }];
export const screened: FamilyEvent[] = [...contacted, { type: 'FamilyScreened', data: { on: '2026-03-03' } }];
export const interviewed: FamilyEvent[] = [...screened, { type: 'FamilyInterviewed', data: { on: '2026-03-04', interviewers: ['cw-1'] } }];
export const checksRequested: FamilyEvent[] = [
  ...interviewed,
  {
    type: 'BackgroundChecksRequested',
    data: {
      on: '2026-03-05',
      checks: [
        { adultId: 'a1', kind: 'child-protection' },
        { adultId: 'a1', kind: 'criminal-record' },
        { adultId: 'a2', kind: 'child-protection' },
        { adultId: 'a2', kind: 'criminal-record' },
      ],
    },
  },
];
export const checksClear: FamilyEvent[] = [
  ...checksRequested,
  ...(['a1', 'a2'] as const).flatMap((adultId) =>
    (['child-protection', 'criminal-record'] as const).map(
      (kind): FamilyEvent => ({ type: 'BackgroundCheckReceived', data: { adultId, kind, outcome: 'clear', receivedOn: '2026-03-06' } }),
    ),
  ),
];
export const approvalTerms = {
  careTypes: ['respite', 'contact'] as Array<'respite' | 'contact'>,
  capacity: 2,
  ageRange: { min: 4, max: 12 },
  validUntil: '2027-03-01',
  conditions: [],
  authority: 'socialtilsyn' as const,
};
export const approved: FamilyEvent[] = [...checksClear, { type: 'FamilyApproved', data: { ...approvalTerms, approvedOn: '2026-03-08' } }];
export const available: FamilyEvent[] = [
  ...approved,
  {
    type: 'AvailabilityDeclared',
    data: { careTypes: ['respite'], capacity: 1, periods: [], patterns: ['weekends'], confirmedOn: '2026-03-09' },
  },
];
