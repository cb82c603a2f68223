/**
 * One municipality's read models on Wednesday 2026-06-10, with a case of each kind that is due,
 * one that is not yet and one that never is. The expected worklist is worked out by hand in the
 * specs, from the dates here and the policy below.
 */
import type { AvailabilityTracking } from '../families/available-families.projection';
import { familyDetailProjection, type FamilyDetailDocument } from '../families/family-detail.projection';
import { availableFamiliesProjection } from '../families/available-families.projection';
import { offersProjection, type OfferDocument } from '../offers/offers.projection';
import { INBOX, type InboxEntry } from '../partners/inbox.projection';
import { requestsProjection, type RequestDocument } from '../requests/requests.projection';
import type { CaseHolder } from './case-holders.projection';
import { CASE_HOLDERS } from './case-holders.projection';
import type { WorklistContext, WorklistSource } from './worklist-rule';

export const NOW = new Date('2026-06-10T09:00:00.000Z');
export const CONTEXT: WorklistContext = {
  now: NOW,
  today: '2026-06-10',
  policy: { firstContactDueWorkingDays: 3, checkAssessmentDueDays: 7, approvalExpiryWindowDays: 90, availability: { staleAfterDays: 60, reminderDays: 7 }, acceptanceFollowUpDays: 2 },
};

const family = (familyId: string, fullName: string, changes: Partial<FamilyDetailDocument>): FamilyDetailDocument =>
  ({ familyId, adults: [{ adultId: 'a1', fullName }], stage: 'lead', registeredAt: '2026-05-01T08:00:00.000Z', checks: [], ...changes }) as FamilyDetailDocument;
const approval = (validUntil: string) => ({ validUntil }) as FamilyDetailDocument['approval'];
const remarks = (adultId: string, kind: 'child-protection' | 'criminal-record', receivedOn: string, assessed = false): FamilyDetailDocument['checks'][number] => ({
  adultId,
  kind,
  requestedOn: '2026-05-20',
  outcome: 'remarks',
  remarkCategory: 'traffic',
  receivedOn,
  ...(assessed && { assessment: { acceptable: true, assessment: 'Old and minor', assessedBy: 'approver@0630' } }),
});

export const FAMILIES: FamilyDetailDocument[] = [
  family('f-lead-old', 'Hodan Warsame', { registeredAt: '2026-06-03T08:00:00.000Z' }),
  family('f-lead-new', 'Søren Østergaard', { registeredAt: '2026-06-09T12:00:00.000Z' }),
  family('f-contacted', 'Ida Holm', { stage: 'contacted', registeredAt: '2026-05-01T08:00:00.000Z' }),
  family('f-checks', 'Mette Hansen', {
    stage: 'background-checks',
    checks: [
      remarks('a1', 'criminal-record', '2026-06-01'),
      remarks('a2', 'child-protection', '2026-05-30', true),
      { adultId: 'a1', kind: 'child-protection', requestedOn: '2026-05-20', outcome: 'clear', receivedOn: '2026-05-29' },
    ],
  }),
  family('f-checks-2', 'Karin Svensson', { stage: 'background-checks', checks: [remarks('a1', 'criminal-record', '2026-06-09'), remarks('a1', 'child-protection', '2026-06-05')] }),
  family('f-rejected-remarks', 'Ole Dahl', { stage: 'rejected', checks: [remarks('a1', 'criminal-record', '2026-06-02')] }),
  family('f-expiring', 'Anne Berg', { stage: 'available', approval: approval('2026-09-08') }),
  family('f-later', 'Lars Berg', { stage: 'approved', approval: approval('2026-09-09') }),
  family('f-overdue-approval', 'Eva Lind', { stage: 'suspended', approval: approval('2026-06-01') }),
  family('f-expired', 'Per Lind', { stage: 'approval-expired', approval: approval('2026-05-01') }),
];

const tracking = (familyId: string, householdName: string, availabilityConfirmedOn: string | null): AvailabilityTracking =>
  ({ detail: { familyId }, available: availabilityConfirmedOn ? { familyId, householdName, availabilityConfirmedOn } : null }) as AvailabilityTracking;

export const AVAILABLE: AvailabilityTracking[] = [
  tracking('f-stale', 'Nina Ahmed', '2026-04-01'),
  tracking('f-soon-stale', 'Jonas Friis', '2026-04-17'),
  tracking('f-fresh', 'Bo Friis', '2026-04-18'),
  tracking('f-not-available', 'Sara Friis', null),
];

const inbox = (requester: string, requestId: string, responseDeadline: string, changes: Partial<InboxEntry> = {}): InboxEntry => ({
  requester,
  requestId,
  needs: { careType: 'respite', childAge: 8 } as InboxEntry['needs'],
  responseDeadline,
  status: 'open',
  receivedAt: '2026-06-01T08:00:00.000Z',
  answeredNoMatch: false,
  ...changes,
});

export const INBOX_ENTRIES: InboxEntry[] = [
  inbox('0265', 'p1', '2026-06-20'),
  inbox('0265', 'p2', '2026-06-05', { answeredNoMatch: true }),
  inbox('0101', 'p3', '2026-06-05'),
  inbox('0101', 'p4', '2026-06-09'),
  inbox('0101', 'p5', '2026-06-01', { status: 'closed', closedReason: 'filled' }),
];

const offer = (offerId: string, requestId: string, status: OfferDocument['status']) => ({ offerId, requester: '0101', requestId, status }) as OfferDocument;
export const OFFERS: OfferDocument[] = [offer('o-live', 'p3', 'made'), offer('o-withdrawn', 'p4', 'withdrawn')];

const request = (requestId: string, caseReference: string, since?: string): RequestDocument =>
  ({
    requestId,
    caseReference,
    status: 'open',
    offers: [{ offerId: 'o1', partner: '0265', pseudonym: 'ps-1', status: since ? 'acceptance-requested' : 'received' }],
    ...(since && { pendingAcceptance: { offerId: 'o1', since } }),
  }) as RequestDocument;
export const REQUESTS: RequestDocument[] = [
  request('r-pending', 'SAG-2026-1', '2026-06-09T15:00:00.000Z'),
  request('r-old-pending', 'SAG-2026-2', '2026-06-01T10:00:00.000Z'),
  request('r-none', 'SAG-2026-3'),
];

export const HOLDERS: CaseHolder[] = [
  { streamId: 'family-f-lead-old', holder: 'anna' },
  { streamId: 'family-f-checks', holder: 'bo' },
  { streamId: 'request-r-pending', holder: 'anna' },
  { streamId: 'request-r-old-pending', holder: 'bo' },
];

export const COLLECTIONS: Record<string, ReadonlyArray<{ id: string; body: unknown }>> = {
  [familyDetailProjection.collection]: FAMILIES.map((body) => ({ id: body.familyId, body })),
  [availableFamiliesProjection.collection]: AVAILABLE.map((body) => ({ id: body.detail.familyId, body })),
  [INBOX]: INBOX_ENTRIES.map((body) => ({ id: `0630:${body.requester}:${body.requestId}`, body })),
  [offersProjection.collection]: OFFERS.map((body) => ({ id: body.offerId, body })),
  [requestsProjection.collection]: REQUESTS.map((body) => ({ id: body.requestId, body })),
  [CASE_HOLDERS]: HOLDERS.map((body) => ({ id: body.streamId, body })),
};

/** The read models as plain lists: narrowing is ignored, so a rule is tested on its own decisions. */
export const fixtureSource: WorklistSource = {
  documents: <Doc>(collection: string) => (COLLECTIONS[collection] ?? []).map((row) => row.body as Doc),
};

export const fixtureHolderOf = (key: string) => HOLDERS.find((holder) => holder.streamId === key)?.holder;

/** The whole fixture's worklist, worked out by hand: [dueOn, kind, subject id, overdue, assignee]. */
export const EXPECTED: Array<[string, string, string, boolean, string | null]> = [
  ['2026-06-01', 'approval-expiring', 'f-overdue-approval', true, null],
  ['2026-06-01', 'availability-stale', 'f-stale', true, null],
  ['2026-06-03', 'acceptance-pending', 'r-old-pending', true, 'bo'],
  ['2026-06-08', 'first-contact', 'f-lead-old', true, 'anna'],
  ['2026-06-08', 'check-assessment', 'f-checks', true, 'bo'],
  ['2026-06-09', 'inbox-request', 'p4', true, null],
  ['2026-06-11', 'acceptance-pending', 'r-pending', false, 'anna'],
  ['2026-06-12', 'first-contact', 'f-lead-new', false, null],
  ['2026-06-12', 'check-assessment', 'f-checks-2', false, null],
  ['2026-06-17', 'availability-stale', 'f-soon-stale', false, null],
  ['2026-06-20', 'inbox-request', 'p1', false, null],
  ['2026-09-08', 'approval-expiring', 'f-expiring', false, null],
];
