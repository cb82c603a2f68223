import { approvalTerms, provisionalTerms } from '@familybank/domain-family/testing';
import type { AggregateCommand } from '../aggregate-command';
import { familyFact, offerFact, processManagerSpecification, tick } from '../testing';
import { approvalExpiry } from './approval-expiry';

const spec = processManagerSpecification(approvalExpiry);

const approved = (familyId: string, validUntil: string, municipality = '0265') =>
  familyFact(familyId, { type: 'FamilyApproved', data: { ...approvalTerms, validUntil, approvedOn: '2025-03-01' } }, municipality);
const renewed = (familyId: string, validUntil: string) => familyFact(familyId, { type: 'ApprovalRenewed', data: { ...approvalTerms, validUntil, renewedOn: '2026-02-01' } });
const expired = (familyId: string) => familyFact(familyId, { type: 'ApprovalExpired', data: { validUntil: '2026-03-01', expiredOn: '2026-03-02' } });
const retired = (familyId: string) => familyFact(familyId, { type: 'FamilyRetired', data: { reason: 'Moved abroad' } });
const provisionallyApproved = (familyId: string, deadline: string) =>
  familyFact(familyId, { type: 'FamilyProvisionallyApproved', data: { ...provisionalTerms, validUntil: deadline, approvedOn: '2026-01-10', requestId: 'req-1' } });
const expire = (familyId: string): AggregateCommand => ({ aggregate: 'family', id: familyId, command: { type: 'ExpireApproval', data: {} } });

describe('approval expiry sweep', () => {
  it('time passing expires every approval that ran out before today', () => {
    spec.given([approved('fam-1', '2026-03-01'), approved('fam-2', '2026-03-09'), approved('fam-3', '2027-01-01')]).when(tick('2026-03-10T06:00:00Z')).then([expire('fam-1'), expire('fam-2')]);
  });

  it('an approval valid until today is not expired yet', () => {
    spec.given([approved('fam-1', '2026-03-10')]).when(tick('2026-03-10T23:59:59Z')).then([]);
  });

  it('a renewed approval expires by its new date', () => {
    spec.given([approved('fam-1', '2026-03-01'), renewed('fam-1', '2027-03-01')]).when(tick('2026-03-10')).then([]);
    spec.given([approved('fam-1', '2027-03-01'), renewed('fam-1', '2026-03-05')]).when(tick('2026-03-10')).then([expire('fam-1')]);
  });

  it('an expired approval is not expired again', () => {
    spec.given([approved('fam-1', '2026-03-01'), expired('fam-1')]).when(tick('2026-03-10')).then([]);
  });

  it('an approval renewed after it expired is watched again', () => {
    spec.given([approved('fam-1', '2026-03-01'), expired('fam-1'), renewed('fam-1', '2026-03-05')]).when(tick('2026-03-10')).then([expire('fam-1')]);
  });

  it('a retired family is not expired', () => {
    spec.given([approved('fam-1', '2026-03-01'), retired('fam-1')]).when(tick('2026-03-10')).then([]);
  });

  it('recorded events ask nothing by themselves, however late the approval', () => {
    spec.given([]).when(approved('fam-1', '2020-01-01')).then([]);
  });

  it('remembers only families in an approved stage', () => {
    spec.given([approved('fam-1', '2026-03-01'), approved('fam-2', '2027-01-01')]).when(expired('fam-1')).thenState({ validUntil: { 'fam-2': '2027-01-01' } });
  });

  it('one instance per municipality', () => {
    expect(approvalExpiry.instanceId(approved('fam-1', '2026-03-01'))).toBe('0265');
    expect(approvalExpiry.instanceId(approved('fam-9', '2026-03-01', '0630'))).toBe('0630');
  });

  it('ignores the rest of a family’s life and other streams', () => {
    spec.ignores(familyFact('fam-1', { type: 'AvailabilityWithdrawn', data: {} }));
    spec.ignores(offerFact('offer-1', { type: 'OfferWithdrawn', data: { reason: 'x' } }));
  });

  it('a network family’s provisional approval lapses the day after its deadline', () => {
    spec.given([provisionallyApproved('fam-net', '2026-03-09')]).when(tick('2026-03-09T23:00:00Z')).then([]);
    spec.given([provisionallyApproved('fam-net', '2026-03-09')]).when(tick('2026-03-10T06:00:00Z')).then([expire('fam-net')]);
  });

  it('a provisional approval made full before its deadline expires by the full approval’s date', () => {
    spec.given([provisionallyApproved('fam-net', '2026-03-09'), approved('fam-net', '2028-01-01', '0265')]).when(tick('2026-03-10')).then([]);
  });
});
