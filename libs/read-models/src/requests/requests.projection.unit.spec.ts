import type { RequestEvent } from '@familybank/domain-request';
import type { RecordedEvent } from '@familybank/event-store';
import { evolveRequestDocument, requestsProjection, type RequestDocument } from './requests.projection';

const needs = {
  careType: 'respite' as const,
  childAge: 9,
  siblings: 0,
  requiredCompetences: [],
  wishedCompetences: [],
  languages: ['da'],
  schedule: { patterns: ['weekends' as const], period: { from: '2027-01-01', to: '2027-03-31' } },
  region: 'DK-83',
  networkExplored: true,
  networkCandidates: [],
  startDate: '2027-01-01',
};
const offer = { offerId: 'offer-1', partner: '0265', pseudonym: 'ps-roskilde-a' };

const history: RequestEvent[] = [
  { type: 'RequestOpened', data: { requestId: 'req-1', caseReference: 'SAG-1', needs, responseDeadline: '2026-12-15' } },
  { type: 'RequestShared', data: { partners: ['0265'] } },
  { type: 'OfferReceived', data: offer },
  { type: 'AcceptanceRequested', data: offer },
  { type: 'AssignmentConfirmed', data: { ...offer, assignmentId: 'asg-1' } },
  { type: 'RequestFilled', data: { offerId: 'offer-1' } },
];

function fold(events: RequestEvent[]): RequestDocument | null {
  return events
    .map((event, index): RecordedEvent & RequestEvent => ({
      ...event,
      eventId: `e-${index}`,
      streamId: 'request-req-1',
      revision: index,
      position: index + 1,
      recordedAt: '2026-11-20T09:00:00.000Z',
      metadata: { actor: 'anna@0630', municipality: '0630', correlationId: 'c', causationId: `cmd-${index}`, occurredAt: '2026-11-20T09:00:00.000Z', schemaVersion: 1 },
    }))
    .reduce<RequestDocument | null>(evolveRequestDocument, null);
}

describe('requests projection: introduction visits', () => {
  it('handles IntroductionVisitRecorded, and its version moved on so existing documents are rebuilt', () => {
    expect(requestsProjection.handles.has('IntroductionVisitRecorded')).toBe(true);
    expect(requestsProjection.version).toBeGreaterThan(1);
  });

  it('a request starts with no introduction visits', () => {
    expect(fold(history.slice(0, 1))!.introductionVisits).toEqual([]);
  });

  it('keeps one entry per visit, updated in place with its latest status', () => {
    const planned = { visitId: 'v1', on: '2026-12-10', status: 'planned' as const, note: 'At the child’s home' };
    const second = { visitId: 'v2', on: '2026-12-17', status: 'planned' as const };
    const held = { visitId: 'v1', on: '2026-12-10', status: 'held' as const };
    const doc = fold([
      ...history,
      { type: 'IntroductionVisitRecorded', data: planned },
      { type: 'IntroductionVisitRecorded', data: second },
      { type: 'IntroductionVisitRecorded', data: held },
    ])!;
    expect(doc.introductionVisits).toEqual([held, second]);
    expect(doc).toMatchObject({ status: 'filled', revision: history.length + 2 });
  });
});

describe('requests projection: own placements', () => {
  const match = { score: 82, criteria: [{ criterion: 'period', points: 0, max: 0, explanation: '1 place(s) needed and free in every month of 2027-01–2027-03' }] };
  const placement = { offerId: 'offer-own-1', familyId: 'fam-vejle-1', owner: '0630', pseudonym: 'ps-vejle-a', period: needs.schedule.period, children: 1, match };
  const own: RequestEvent[] = [history[0]!, { type: 'OwnPlacementRequested', data: placement }];

  it('an own placement shows like an accepted offer, pending, with the family and the match explanation', () => {
    const doc = fold(own)!;
    expect(doc.offers).toEqual([{ offerId: 'offer-own-1', partner: '0630', pseudonym: 'ps-vejle-a', status: 'acceptance-requested', own: { familyId: 'fam-vejle-1', match, children: 1 } }]);
    expect(doc.pendingAcceptance).toEqual({ offerId: 'offer-own-1', since: '2026-11-20T09:00:00.000Z' });
    expect(requestsProjection.handles.has('OwnPlacementRequested')).toBe(true);
  });

  it('its confirmation fills the request with an assignment of our own family; the end is recorded on it', () => {
    const doc = fold([
      ...own,
      { type: 'AssignmentConfirmed', data: { offerId: 'offer-own-1', assignmentId: 'as-offer-own-1', partner: '0630', pseudonym: 'ps-vejle-a' } },
      { type: 'RequestFilled', data: { offerId: 'offer-own-1' } },
      { type: 'AssignmentEnded', data: { assignmentId: 'as-offer-own-1', reason: 'Ended as planned', endedOn: '2027-03-31' } },
    ])!;
    expect(doc).toMatchObject({ status: 'filled', pendingAcceptance: undefined });
    expect(doc.offers[0]!.status).toBe('confirmed');
    expect(doc.assignment).toEqual({
      assignmentId: 'as-offer-own-1',
      partner: '0630',
      pseudonym: 'ps-vejle-a',
      period: needs.schedule.period,
      familyId: 'fam-vejle-1',
      endedOn: '2027-03-31',
      endReason: 'Ended as planned',
    });
  });

  it('a refused reservation withdraws the placement with the reason, and nothing is pending any more', () => {
    const doc = fold([...own, { type: 'OfferWithdrawn', data: { offerId: 'offer-own-1', reason: 'No free place in the period' } }])!;
    expect(doc.offers[0]).toMatchObject({ status: 'withdrawn', withdrawnReason: 'No free place in the period' });
    expect(doc.pendingAcceptance).toBeUndefined();
  });
});
