import type { FamilyCommand } from '../family.commands';
import type { FamilyEvent } from '../family.events';
import type { NetworkTie } from '../family.types';
import type { RegisterNetworkFamily } from '../network';

/** Grandmother Inge, registered from the network of the child of request req-1 (respite, age 9, one place). */
export const networkChild = { careType: 'respite' as const, age: 9, places: 1 };
export const networkTie: NetworkTie = { requestId: 'req-1', relation: 'grandparent', relationNote: 'Mother’s mother', child: networkChild };

export const networkRegistration: RegisterNetworkFamily['data'] = {
  familyId: 'fam-net-1',
  requestId: 'req-1',
  relation: 'grandparent',
  relationNote: 'Mother’s mother',
  adults: [{ adultId: 'n1', fullName: 'Inge Mortensen', birthYear: 1958 }],
  contact: { street: 'Kirkevej 3', postalCode: '7100', city: 'Vejle', phone: '+45 23456789', email: 'inge@example.dk' },
  region: 'DK-83',
  languages: ['da'],
  firstContact: { on: '2026-03-09', channel: 'meeting' },
  request: { status: 'open', child: networkChild },
};

export const networkRegistered: FamilyEvent[] = [
  {
    type: 'FamilyRegistered',
    data: {
      familyId: 'fam-net-1',
      sourceChannel: 'child-network',
      adults: networkRegistration.adults,
      contact: networkRegistration.contact,
      region: 'DK-83',
      languages: ['da'],
      competences: [],
      interestedIn: ['respite'],
      network: networkTie,
      registeredAt: '2026-03-09T10:00:00.000Z',
    },
  },
  { type: 'FirstContactMade', data: { on: '2026-03-09', channel: 'meeting' } },
];

export const networkChecksClear: FamilyEvent[] = [
  ...networkRegistered,
  { type: 'BackgroundChecksRequested', data: { on: '2026-03-09', checks: [{ adultId: 'n1', kind: 'child-protection' }, { adultId: 'n1', kind: 'criminal-record' }] } },
  { type: 'BackgroundCheckReceived', data: { adultId: 'n1', kind: 'child-protection', outcome: 'clear', receivedOn: '2026-03-09' } },
  { type: 'BackgroundCheckReceived', data: { adultId: 'n1', kind: 'criminal-record', outcome: 'clear', receivedOn: '2026-03-09' } },
];

/** The provisional terms: the one child, until the deadline 2026-06-07 (90 days after 2026-03-09). */
export const provisionalTerms = {
  careTypes: ['respite' as const],
  capacity: 1,
  ageRange: { min: 9, max: 9 },
  validUntil: '2026-06-07',
  conditions: [],
  authority: 'municipality' as const,
};
export const provisionallyApprovedFamily: FamilyEvent[] = [
  ...networkChecksClear,
  { type: 'FamilyProvisionallyApproved', data: { ...provisionalTerms, approvedOn: '2026-03-09', requestId: 'req-1' } },
];
export const networkAvailable: FamilyEvent[] = [
  ...provisionallyApprovedFamily,
  { type: 'AvailabilityDeclared', data: { careTypes: ['respite'], capacity: 1, periods: [], patterns: ['weekends'], confirmedOn: '2026-03-09' } },
];

export const networkCommands: FamilyCommand[] = [
  { type: 'RegisterNetworkFamily', data: networkRegistration },
  { type: 'ApproveProvisionally', data: { deadline: '2026-06-07', authority: 'municipality', conditions: [] } },
];
