import { fold } from '@familybank/domain-core';
import type { FamilyCommand } from '../family.commands';
import type { FamilyEvent } from '../family.events';
import { evolveFamily, initialFamilyState, type RegisteredFamily } from '../family.state';
import type { AvailabilityTerms } from '../family.types';
import type { CheckKind, RemarkCategory } from '../vocabulary';
import { networkCommands } from './network.fixtures';

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

/** A day after the fixture approval (valid until 2027-03-01) ran out. */
export const AFTER_APPROVAL = new Date('2027-03-02T09:00:00.000Z');

/** The registration details of `registeredEvent`, as a RegisterFamily command carries them. */
export const registration = (() => {
  const { registeredAt: _registeredAt, ...details } = (registeredEvent as Extract<FamilyEvent, { type: 'FamilyRegistered' }>).data;
  return details;
})();

export const checkResult = (
  adultId: string,
  kind: CheckKind,
  remarkCategory?: RemarkCategory,
): Extract<FamilyEvent, { type: 'BackgroundCheckReceived' }> => ({
  type: 'BackgroundCheckReceived',
  data: remarkCategory
    ? { adultId, kind, outcome: 'remarks', remarkCategory, receivedOn: '2026-03-06' }
    : { adultId, kind, outcome: 'clear', receivedOn: '2026-03-06' },
});

/** Every check received; a2's criminal record shows remarks of the given category. */
export const checksWithRemarks = (remarkCategory: RemarkCategory): FamilyEvent[] => [
  ...checksRequested,
  checkResult('a1', 'child-protection'),
  checkResult('a1', 'criminal-record'),
  checkResult('a2', 'child-protection'),
  checkResult('a2', 'criminal-record', remarkCategory),
];

export const remarksAssessed = (acceptable: boolean): Extract<FamilyEvent, { type: 'BackgroundCheckRemarksAssessed' }> => ({
  type: 'BackgroundCheckRemarksAssessed',
  data: { adultId: 'a2', kind: 'criminal-record', acceptable, assessment: 'Old speeding fine' },
});

export const availabilityTerms: AvailabilityTerms = { careTypes: ['respite'], capacity: 1, periods: [], patterns: ['weekends'] };

export const suspended: FamilyEvent[] = [...available, { type: 'FamilySuspended', data: { reason: 'Moving house' } }];
export const approvalExpired: FamilyEvent[] = [
  ...available,
  { type: 'ApprovalExpired', data: { validUntil: '2027-03-01', expiredOn: '2027-03-02' } },
];
export const rejected: FamilyEvent[] = [...screened, { type: 'FamilyRejected', data: { reason: 'withdrew-interest', atStage: 'screened' } }];
export const retired: FamilyEvent[] = [...available, { type: 'FamilyRetired', data: { reason: 'Moved abroad' } }];
export const consenting: FamilyEvent[] = [...approved, { type: 'ConsentToShareGiven', data: { on: '2026-03-09' } }];

/** The state a stream of events folds to; throws if it is not a registered family. */
export function stateAfter(events: FamilyEvent[]): RegisteredFamily {
  const state = fold(evolveFamily, initialFamilyState(), events);
  if (state.status === 'unregistered') throw new Error('expected a registered family');
  return state;
}

/** One valid-looking command of every type, for rules that apply to all commands alike. */
export const oneOfEachCommand: FamilyCommand[] = [
  { type: 'RegisterFamily', data: registration },
  { type: 'RecordFirstContact', data: { on: '2026-03-10', channel: 'phone' } },
  { type: 'RecordScreening', data: { on: '2026-03-10' } },
  { type: 'RecordInterview', data: { on: '2026-03-10', interviewers: ['cw-1'] } },
  { type: 'RequestBackgroundChecks', data: { on: '2026-03-10' } },
  { type: 'RecordBackgroundCheckResult', data: checkResult('a1', 'child-protection').data },
  { type: 'AssessBackgroundCheckRemarks', data: remarksAssessed(true).data },
  { type: 'ApproveFamily', data: approvalTerms },
  { type: 'RejectFamily', data: { reason: 'not-suitable' } },
  { type: 'DeclareAvailability', data: { capacity: 1, periods: [], patterns: ['weekends'] } },
  { type: 'ConfirmAvailability', data: {} },
  { type: 'WithdrawAvailability', data: {} },
  { type: 'SuspendFamily', data: { reason: 'Illness' } },
  { type: 'ReinstateFamily', data: {} },
  { type: 'RenewApproval', data: approvalTerms },
  { type: 'ExpireApproval', data: {} },
  { type: 'RetireFamily', data: { reason: 'Moved abroad' } },
  { type: 'GiveConsentToShare', data: { on: '2026-03-10' } },
  { type: 'WithdrawConsentToShare', data: { on: '2026-03-10' } },
  { type: 'UpdateProfile', data: { region: 'DK-84' } },
  { type: 'RecordSupport', data: { kind: 'supervision', on: '2026-03-10' } },
  { type: 'ReserveFamily', data: { assignmentId: 'as-1', requester: { municipality: '0265', requestId: 'rq-1' }, period: { from: '2026-04-01', to: '2026-06-30' }, children: 1 } },
  { type: 'EndAssignment', data: { assignmentId: 'as-1', reason: 'Ended as planned', wantsNewAssignment: true } },
  { type: 'AssignContactPerson', data: { userId: 'cw-anna', name: 'Anna Berg' } },
  { type: 'EraseFamily', data: { reason: 'The family asked to be forgotten' } },
  ...networkCommands,
];

export * from './network.fixtures';
