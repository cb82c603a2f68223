import { deciderSpecification } from '@familybank/domain-core/testing';
import type { ChildNeeds } from '@familybank/domain-request';
import { partnerRequestDecider, partnerRequestStreamId, type PartnerRequestEvent, type ReceivedPartnerRequest } from './partner-request';

const spec = deciderSpecification(partnerRequestDecider, { now: new Date('2026-03-10T09:00:00.000Z') });
const ref = { requester: '0630', requestId: 'req-1' };
const needs: ChildNeeds = {
  careType: 'respite',
  childAge: 8,
  siblings: 0,
  requiredCompetences: [],
  wishedCompetences: [],
  languages: ['da'],
  schedule: { patterns: ['weekends'], period: { from: '2027-01-01', to: '2027-03-31' } },
  region: 'DK-83',
  networkExplored: true,
  networkCandidates: [],
  startDate: '2027-01-01',
};
const request: ReceivedPartnerRequest = { ...ref, needs, responseDeadline: '2026-12-15', receivedAt: '2026-03-09T10:00:00.000Z' };
const received: PartnerRequestEvent = { type: 'PartnerRequestReceived', data: request };
const closed = (reason: 'filled' | 'withdrawn' | 'expired'): PartnerRequestEvent => ({ type: 'PartnerRequestClosed', data: { ...ref, reason } });
const answered: PartnerRequestEvent = { type: 'NoMatchAnswered', data: ref };

describe('a partner’s request in our inbox', () => {
  it('is received with its needs, deadline and the time the requester published it', () => {
    spec.given([]).when({ type: 'RecordPartnerRequest', data: request }).then([received]);
  });

  it('received again (shared with more partners) records nothing new: the first receipt stands', () => {
    spec.given([received]).when({ type: 'RecordPartnerRequest', data: { ...request, receivedAt: '2026-03-11T10:00:00.000Z' } }).then([]);
  });

  it('closes once, with the requester’s reason', () => {
    spec.given([received]).when({ type: 'RecordPartnerRequestClosed', data: { ...ref, reason: 'withdrawn' } }).then([closed('withdrawn')]);
    spec.given([received, closed('filled')]).when({ type: 'RecordPartnerRequestClosed', data: { ...ref, reason: 'expired' } }).then([]);
  });

  it('a closing of a request we never received is refused as unknown', () => {
    spec.given([]).when({ type: 'RecordPartnerRequestClosed', data: { ...ref, reason: 'withdrawn' } }).thenThrows('INBOX.REQUEST_NOT_FOUND');
  });

  it('“no match” is answered once, while the request is open', () => {
    spec.given([received]).when({ type: 'AnswerNoMatch', data: ref }).then([answered]);
    spec.given([received, answered]).when({ type: 'AnswerNoMatch', data: ref }).then([]);
  });

  it('“no match”, when the request is closed, is refused with the closing reason', () => {
    spec.given([received, closed('filled')]).when({ type: 'AnswerNoMatch', data: ref }).thenThrows('INBOX.REQUEST_CLOSED', { reason: 'filled' });
  });

  it('“no match” to a request not in the inbox is refused as unknown', () => {
    spec.given([]).when({ type: 'AnswerNoMatch', data: ref }).thenThrows('INBOX.REQUEST_NOT_FOUND');
  });

  it('an answered request that closes stays answered', () => {
    const state = [received, answered, closed('expired')].reduce(partnerRequestDecider.evolve, partnerRequestDecider.initialState());
    expect(state).toEqual({ status: 'closed', reason: 'expired', answeredNoMatch: true });
  });

  it('is one stream per receiving municipality and partner request', () => {
    expect(partnerRequestStreamId('0265', '0630', 'req-1')).toBe('partner-request-0265-0630-req-1');
    expect(partnerRequestStreamId('0751', '0630', 'req-1')).not.toBe(partnerRequestStreamId('0265', '0630', 'req-1'));
  });
});
