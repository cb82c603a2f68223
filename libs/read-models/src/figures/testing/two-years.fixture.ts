import type { IsoDate } from '@familybank/domain-core';
import type { FamilyEvent, SourceChannel } from '@familybank/domain-family';
import { approvalTerms, registeredEvent } from '@familybank/domain-family/testing';
import type { ChildNeeds, RequestEvent } from '@familybank/domain-request';
import type { RecordedEvent } from '@familybank/event-store';
import { recordedOn } from '../../testing';

/**
 * Two years of one municipality (Vejle, 0630), 2025 and 2026, as the log would hold them; each
 * event occurs on the day given. The figures' unit tests compute their expected values by hand
 * from the dates written here.
 */
export const MUNICIPALITY = '0630';
export const NOW = new Date('2026-12-15T10:00:00.000Z');
export const NEWSPAPER = 'Avis; "Vejle Amts", lokal';

type Dated<E> = [IsoDate, E];

function stream<E extends FamilyEvent | RequestEvent>(streamId: string, events: Array<Dated<E>>): RecordedEvent[] {
  return events.map(([on, event]) => recordedOn(streamId, event, MUNICIPALITY, `${on}T09:00:00.000Z`));
}

const registered = (familyId: string, sourceChannel: SourceChannel, sourceDetail: string | undefined, on: IsoDate): FamilyEvent => ({
  type: 'FamilyRegistered',
  data: { ...(registeredEvent.data as Extract<FamilyEvent, { type: 'FamilyRegistered' }>['data']), familyId, sourceChannel, sourceDetail, registeredAt: `${on}T09:00:00.000Z` },
});
const contact = (on: IsoDate): FamilyEvent => ({ type: 'FirstContactMade', data: { on, channel: 'phone' } });
const approved = (approvedOn: IsoDate, validUntil: IsoDate): FamilyEvent => ({ type: 'FamilyApproved', data: { ...approvalTerms, validUntil, approvedOn } });
const declared = (confirmedOn: IsoDate): FamilyEvent => ({ type: 'AvailabilityDeclared', data: { careTypes: ['respite'], capacity: 1, periods: [], patterns: ['weekends'], confirmedOn } });
const reserved = (assignmentId: string, from: IsoDate, to: IsoDate): FamilyEvent => ({
  type: 'FamilyReserved',
  data: { assignmentId, requester: { municipality: '0265', requestId: `req-${assignmentId}` }, period: { from, to }, children: 1 },
});
const ended = (assignmentId: string, endedOn: IsoDate, wantsNewAssignment: boolean): FamilyEvent => ({
  type: 'AssignmentEnded',
  data: { assignmentId, reason: 'Period over', wantsNewAssignment, endedOn },
});
const emergencyCall = (on: IsoDate): FamilyEvent => ({ type: 'SupportRecorded', data: { kind: 'emergency-call', on } });

/** F1, F3: the newspaper; F2 social media; F4 a campaign without detail; F5 a referral. */
export const familyEvents: RecordedEvent[] = [
  ...stream<FamilyEvent>('family-f1', [
    ['2025-01-10', registered('f1', 'campaign', NEWSPAPER, '2025-01-10')],
    ['2025-01-20', contact('2025-01-20')],
    ['2025-04-30', approved('2025-04-30', '2026-04-30')],
    ['2025-05-02', declared('2025-05-02')],
    ['2025-08-01', { type: 'AvailabilityConfirmed', data: { confirmedOn: '2025-08-01' } }],
    ['2025-09-01', reserved('a1', '2025-09-01', '2025-12-20')],
    ['2025-11-03', emergencyCall('2025-11-03')],
    ['2025-11-20', emergencyCall('2025-11-20')],
    ['2025-12-20', ended('a1', '2025-12-20', true)],
    ['2026-04-15', { type: 'ApprovalRenewed', data: { ...approvalTerms, validUntil: '2027-02-28', renewedOn: '2026-04-15' } }],
    ['2026-11-01', { type: 'AvailabilityConfirmed', data: { confirmedOn: '2026-11-01' } }],
  ]),
  ...stream<FamilyEvent>('family-f2', [
    ['2025-02-05', registered('f2', 'social-media', undefined, '2025-02-05')],
    ['2025-02-07', contact('2025-02-07')],
    ['2025-06-07', approved('2025-06-07', '2026-06-07')],
    ['2025-06-10', declared('2025-06-10')],
    ['2026-03-05', emergencyCall('2026-03-05')],
    ['2026-06-08', { type: 'ApprovalExpired', data: { validUntil: '2026-06-07', expiredOn: '2026-06-08' } }],
  ]),
  ...stream<FamilyEvent>('family-f3', [
    ['2025-03-01', registered('f3', 'campaign', NEWSPAPER, '2025-03-01')],
    ['2025-03-15', contact('2025-03-15')],
    ['2025-04-02', { type: 'FamilyRejected', data: { reason: 'withdrew-interest', atStage: 'contacted' } }],
  ]),
  ...stream<FamilyEvent>('family-f4', [['2026-01-15', registered('f4', 'campaign', undefined, '2026-01-15')]]),
  ...stream<FamilyEvent>('family-f5', [
    ['2026-02-01', registered('f5', 'family-referral', undefined, '2026-02-01')],
    ['2026-02-10', contact('2026-02-10')],
    ['2026-05-21', approved('2026-05-21', '2027-01-31')],
    ['2026-05-25', declared('2026-05-25')],
    ['2026-06-01', reserved('a5', '2026-06-01', '2026-08-31')],
    ['2026-08-31', ended('a5', '2026-08-31', false)],
    ['2026-09-30', { type: 'AvailabilityWithdrawn', data: { reason: 'A break' } }],
  ]),
];

const opened = (requestId: string, networkCandidates: string[]): RequestEvent => {
  const requestNeeds: ChildNeeds = {
    careType: 'respite',
    childAge: 9,
    siblings: 0,
    requiredCompetences: [],
    wishedCompetences: [],
    languages: ['da'],
    schedule: { patterns: ['weekends'], period: { from: '2027-01-01', to: '2027-06-30' } },
    region: 'DK-83',
    networkExplored: true,
    networkCandidates,
    startDate: '2027-01-01',
  };
  return { type: 'RequestOpened', data: { requestId, caseReference: `SAG-${requestId}`, needs: requestNeeds, responseDeadline: '2027-01-01' } };
};
const confirmed = (assignmentId: string, pseudonym: string): RequestEvent => ({
  type: 'AssignmentConfirmed',
  data: { offerId: `offer-${assignmentId}`, assignmentId, partner: '0265', pseudonym },
});
const filled = (assignmentId: string): RequestEvent => ({ type: 'RequestFilled', data: { offerId: `offer-${assignmentId}` } });

/** R1 and R5 are filled by a family of the child's network, R2 by another; R3 is withdrawn; R4 still waits. */
export const requestEvents: RecordedEvent[] = [
  ...stream<RequestEvent>('request-r1', [
    ['2025-01-06', opened('r1', ['ps-aunt'])],
    ['2025-03-01', confirmed('x1', 'ps-aunt')],
    ['2025-03-01', filled('x1')],
  ]),
  ...stream<RequestEvent>('request-r2', [
    ['2025-05-10', opened('r2', ['ps-grandma'])],
    ['2025-07-20', confirmed('x2', 'ps-stranger')],
    ['2025-07-20', filled('x2')],
  ]),
  ...stream<RequestEvent>('request-r3', [
    ['2025-11-15', opened('r3', [])],
    ['2026-02-01', { type: 'RequestWithdrawn', data: { reason: 'The child moved' } }],
  ]),
  ...stream<RequestEvent>('request-r4', [['2026-03-01', opened('r4', [])]]),
  ...stream<RequestEvent>('request-r5', [
    ['2026-09-10', opened('r5', ['ps-neighbour'])],
    ['2026-10-05', confirmed('x5', 'ps-neighbour')],
    ['2026-10-05', filled('x5')],
  ]),
];
