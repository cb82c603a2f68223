import type { OfferTerms } from '@familybank/domain-offer';
import type { AggregateCommand } from '../aggregate-command';
import { familyFact, offerFact, partnerRequestFact, processManagerSpecification, tick } from '../testing';
import { closedPartnerRequest } from './closed-partner-request';

const spec = processManagerSpecification(closedPartnerRequest);

const made = (offerId: string, requestId = 'req-1', requester = '0630') => {
  const terms: OfferTerms = {
    offerId,
    requester: { municipality: requester, requestId },
    familyId: `fam-${offerId}`,
    pseudonym: `ps-${offerId}`,
    period: { from: '2026-04-01', to: '2026-09-30' },
    children: 1,
  };
  return offerFact(offerId, { type: 'OfferMade', data: terms });
};
const closed = (reason: 'filled' | 'withdrawn' | 'expired', requestId = 'req-1', requester = '0630') =>
  partnerRequestFact({ type: 'PartnerRequestClosed', data: { requester, requestId, reason } });
const decline = (offerId: string, reason: string): AggregateCommand => ({
  aggregate: 'offer',
  id: offerId,
  command: { type: 'RecordOfferDeclined', data: { reason, from: { municipality: '0630', requestId: 'req-1' } } },
});

describe('our offers when a partner’s request closes', () => {
  it('a withdrawn request declines each of our offers for it', () => {
    spec.given([made('offer-1'), made('offer-2')]).when(closed('withdrawn')).then([decline('offer-1', 'The request was withdrawn'), decline('offer-2', 'The request was withdrawn')]);
  });

  it('an expired request declines each of our offers for it', () => {
    spec.given([made('offer-1')]).when(closed('expired')).then([decline('offer-1', 'The request was expired')]);
  });

  it('a filled request declines nothing: the requester declines the offers it did not take', () => {
    spec.given([made('offer-1')]).when(closed('filled')).then([]);
  });

  it('a request we made no offer for asks nothing when it closes', () => {
    spec.given([]).when(closed('withdrawn')).then([]);
  });

  it('an offer made while the request’s withdrawal was on its way is declined', () => {
    spec.given([closed('withdrawn')]).when(made('offer-3')).then([decline('offer-3', 'The request was withdrawn')]);
  });

  it('an offer made after the request was filled stays for the requester to decline', () => {
    spec.given([closed('filled')]).when(made('offer-3')).then([]);
  });

  it('an offer made while the request is open asks nothing', () => {
    spec.given([made('offer-1')]).when(made('offer-2')).then([]);
  });

  it('a second closing declines nothing again', () => {
    spec.given([made('offer-1'), closed('withdrawn')]).when(closed('expired')).then([]);
  });

  it('the first closing is the one remembered', () => {
    spec.given([made('offer-1'), closed('filled')]).when(closed('withdrawn')).thenState({ offers: ['offer-1'], closed: 'filled' });
  });

  it('one instance per own municipality and partner request: another request’s or another owner’s offers are not declined', () => {
    const instance = closedPartnerRequest.instanceId(closed('withdrawn'));
    expect(closedPartnerRequest.instanceId(made('offer-1'))).toBe(instance);
    expect(closedPartnerRequest.instanceId(made('offer-9', 'req-2'))).not.toBe(instance);
    expect(closedPartnerRequest.instanceId(made('offer-9', 'req-1', '0615'))).not.toBe(instance);
    expect(closedPartnerRequest.instanceId(offerFact('offer-8', { type: 'OfferMade', data: made('offer-8').data }, '0751'))).not.toBe(instance);
  });

  it('ignores other offer events, families and ticks', () => {
    spec.ignores(offerFact('offer-1', { type: 'OfferWithdrawn', data: { reason: 'gone' } }));
    spec.ignores(familyFact('fam-1', { type: 'FamilyRetired', data: { reason: 'moved' } }));
    spec.ignores(tick('2026-03-11'));
  });
});
