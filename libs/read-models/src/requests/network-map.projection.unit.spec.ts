import type { RequestEvent } from '@familybank/domain-request';
import type { RecordedEvent } from '@familybank/event-store';
import { evolveRequestFacts, requestFactsProjection, type RequestFacts } from '../figures/request-facts.projection';
import { networkShareRows } from '../figures/request-figures';
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
  networkCandidates: [],
  startDate: '2027-01-01',
};
const opened = (flag?: boolean): RequestEvent => ({
  type: 'RequestOpened',
  data: { requestId: 'req-1', caseReference: 'SAG-1', needs: flag === undefined ? needs : { ...needs, networkExplored: flag }, responseDeadline: '2026-12-15' },
});
const grandmother = { personId: 'p-1', name: 'Inge Mortensen', relation: 'grandparent' as const, outcome: 'assessed' as const, on: '2026-11-02' };
const match = { score: 90, criteria: [{ criterion: 'network', points: 0, max: 0, explanation: 'Registered from the child’s network (grandparent) for this request: ranked first' }] };
const placement = { offerId: 'offer-own-1', familyId: 'fam-net-1', owner: '0630', pseudonym: 'ps-net', period: needs.schedule.period, children: 1, match, network: true as const };
const confirmed = (network?: true): RequestEvent => ({
  type: 'AssignmentConfirmed',
  data: { offerId: 'offer-own-1', assignmentId: 'asg-1', partner: '0630', pseudonym: 'ps-net', ...(network && { network }) },
});

const recordedAll = (events: RequestEvent[]) =>
  events.map(
    (event, index): RecordedEvent & RequestEvent => ({
      ...event,
      eventId: `e-${index}`,
      streamId: 'request-req-1',
      revision: index,
      position: index + 1,
      recordedAt: '2026-11-20T09:00:00.000Z',
      metadata: { actor: 'anna@0630', municipality: '0630', correlationId: 'c', causationId: `cmd-${index}`, occurredAt: '2026-11-20T09:00:00.000Z', schemaVersion: 1 },
    }),
  );
const fold = (events: RequestEvent[]) => recordedAll(events).reduce<RequestDocument | null>(evolveRequestDocument, null)!;
const foldFacts = (events: RequestEvent[]) => recordedAll(events).reduce<RequestFacts | null>(evolveRequestFacts, null)!;

describe('requests projection: network map', () => {
  it('handles NetworkPersonRecorded, and its version moved on so documents are rebuilt', () => {
    expect(requestsProjection.handles.has('NetworkPersonRecorded')).toBe(true);
    expect(requestsProjection.version).toBeGreaterThanOrEqual(7);
  });

  it.each([
    [true, true],
    [false, false],
    [undefined, false],
  ])('a request opened with networkExplored %s shows explored %s and an empty map (old events are mapped)', (flag, explored) => {
    expect(fold([opened(flag)]).network).toEqual({ explored, persons: [] });
  });

  it('a person on the map makes the network explored; a later outcome replaces the entry in place', () => {
    const declined = { ...grandmother, outcome: 'declined' as const, reason: 'Too ill', on: '2026-11-05' };
    const friend = { personId: 'p-2', name: 'Bo Friis', relation: 'family-friend' as const, outcome: 'not-contacted' as const, on: '2026-11-03' };
    const doc = fold([opened(false), { type: 'NetworkPersonRecorded', data: grandmother }, { type: 'NetworkPersonRecorded', data: friend }, { type: 'NetworkPersonRecorded', data: declined }]);
    expect(doc.network).toEqual({ explored: true, persons: [declined, friend] });
  });

  it('an own placement of a network family is marked on the request', () => {
    expect(fold([opened(), { type: 'OwnPlacementRequested', data: placement }]).offers[0]!.own).toEqual({ familyId: 'fam-net-1', match, children: 1, network: true });
  });
});

describe('request facts: network share counts network families', () => {
  it('its version moved on, so the figure is rebuilt with the new rule', () => {
    expect(requestFactsProjection.version).toBeGreaterThanOrEqual(2);
  });

  it('an assignment of a network family of the request counts as from the network, though never named a network candidate', () => {
    const facts = foldFacts([opened(), { type: 'OwnPlacementRequested', data: placement }, confirmed(true)]);
    expect(facts.assignments).toEqual([{ assignmentId: 'asg-1', confirmedOn: '2026-11-20', fromNetwork: true }]);
    expect(networkShareRows([facts], { from: '2026-01-01', to: '2026-12-31' }, 'year', 33)).toEqual([
      { period: '2026', periodStart: '2026-01-01', periodEnd: '2026-12-31', assignments: 1, fromNetwork: 1, sharePercent: 100, targetPercent: 33 },
    ]);
  });

  it('an assignment of any other own family does not', () => {
    expect(foldFacts([opened(), confirmed()]).assignments[0]!.fromNetwork).toBe(false);
  });
});
