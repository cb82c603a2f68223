import type { ChildNeeds } from '@familybank/domain-request';
import type { AggregateCommand } from '../aggregate-command';
import { familyFact, processManagerSpecification, requestFact, tick } from '../testing';
import { requestExpiry } from './request-expiry';

const spec = processManagerSpecification(requestExpiry);

const needs = (startDate: string): ChildNeeds => ({
  careType: 'respite',
  childAge: 9,
  siblings: 0,
  requiredCompetences: [],
  wishedCompetences: [],
  languages: ['da'],
  schedule: { patterns: ['weekends'], period: { from: startDate, to: '2026-12-31' } },
  region: 'Midtjylland',
  networkExplored: true,
  networkCandidates: [],
  startDate,
});
const opened = (requestId: string, startDate: string) =>
  requestFact(requestId, { type: 'RequestOpened', data: { requestId, caseReference: `case-${requestId}`, needs: needs(startDate), responseDeadline: '2026-03-01' } });
const expireRequest = (requestId: string): AggregateCommand => ({ aggregate: 'request', id: requestId, command: { type: 'ExpireRequest', data: {} } });

describe('request expiry sweep', () => {
  it('time passing expires every open request whose start date is before today', () => {
    spec.given([opened('req-1', '2026-03-01'), opened('req-2', '2026-03-09'), opened('req-3', '2026-03-10')]).when(tick('2026-03-10T12:00:00Z')).then([expireRequest('req-1'), expireRequest('req-2')]);
  });

  it.each([
    ['filled', { type: 'RequestFilled', data: { offerId: 'offer-1' } }],
    ['withdrawn', { type: 'RequestWithdrawn', data: { reason: 'The child stays home' } }],
    ['expired', { type: 'RequestExpired', data: { responseDeadline: '2026-03-01' } }],
  ] as const)('a %s request is not expired', (_status, event) => {
    spec.given([opened('req-1', '2026-03-01'), requestFact('req-1', event)]).when(tick('2026-03-10')).then([]);
  });

  it('recorded events ask nothing by themselves, however late the start', () => {
    spec.given([]).when(opened('req-1', '2020-01-01')).then([]);
  });

  it('remembers only the open requests', () => {
    spec.given([opened('req-1', '2026-03-01'), opened('req-2', '2026-04-01')]).when(requestFact('req-1', { type: 'RequestFilled', data: { offerId: 'o' } })).thenState({ startDate: { 'req-2': '2026-04-01' } });
  });

  it('one instance per municipality', () => {
    expect(requestExpiry.instanceId(opened('req-1', '2026-03-01'))).toBe('0630');
  });

  it('ignores the rest of a request’s life and families', () => {
    spec.ignores(requestFact('req-1', { type: 'RequestShared', data: { partners: ['0265'] } }));
    spec.ignores(familyFact('fam-1', { type: 'FamilyRetired', data: { reason: 'x' } }));
  });
});
