import type { AggregateCommand } from '../aggregate-command';
import { familyFact, offerFact, processManagerSpecification, refused, tick } from '../testing';
import { retentionErasure } from './retention-erasure';

const spec = processManagerSpecification(retentionErasure(730));
const at = (occurredAt: string) => <T extends { occurredAt: string }>(fact: T): T => ({ ...fact, occurredAt });
const rejected = (familyId: string, on: string) => at(`${on}T10:00:00.000Z`)(familyFact(familyId, { type: 'FamilyRejected', data: { reason: 'not-suitable', atStage: 'interviewed' } }));
const retired = (familyId: string, on: string) => at(`${on}T10:00:00.000Z`)(familyFact(familyId, { type: 'FamilyRetired', data: { reason: 'Moved abroad' } }));
const erased = (familyId: string) => familyFact(familyId, { type: 'FamilyErased', data: { reason: 'x', erasedOn: '2026-03-10', atStage: 'retired' } });
const ended = (familyId: string) => familyFact(familyId, { type: 'AssignmentEnded', data: { assignmentId: 'as-1', reason: 'Ended as planned', wantsNewAssignment: false, endedOn: '2028-02-01' } });
const erase = (familyId: string, why: string, on: string): AggregateCommand => ({
  aggregate: 'family',
  id: familyId,
  command: { type: 'EraseFamily', data: { reason: `Retention: ${why} on ${on}, personal data kept 730 days after closing` } },
});

describe('retention: closed families are erased after the retention period', () => {
  it('time passing erases each family rejected or retired at least 730 days ago', () => {
    spec
      .given([rejected('fam-1', '2024-03-10'), retired('fam-2', '2024-01-01'), retired('fam-3', '2024-03-11')])
      .when(tick('2026-03-10T06:00:00Z'))
      .then([erase('fam-1', 'rejected', '2024-03-10'), erase('fam-2', 'retired', '2024-01-01')]);
  });

  it('a family closed less than 730 days ago is kept', () => {
    spec.given([retired('fam-1', '2025-06-01')]).when(tick('2026-03-10')).then([]);
  });

  it('a rejected family retired later is kept from its rejection, not longer', () => {
    spec.given([rejected('fam-1', '2024-01-05'), retired('fam-1', '2025-01-05')]).when(tick('2026-01-05')).then([erase('fam-1', 'rejected', '2024-01-05')]);
  });

  it('an erased family is not erased again', () => {
    spec.given([retired('fam-1', '2024-01-01'), erased('fam-1')]).when(tick('2026-03-10')).then([]);
  });

  it('a family refused because a child is placed with it waits until the assignment ends', () => {
    const refusal = refused(erase('fam-1', 'retired', '2024-01-01'), 'FAMILY.ERASURE_BLOCKED_BY_ASSIGNMENT', 'placed');
    spec.given([retired('fam-1', '2024-01-01'), refusal]).when(tick('2026-03-10')).then([]);
    spec.given([retired('fam-1', '2024-01-01'), refusal, ended('fam-1')]).when(tick('2026-03-10')).then([erase('fam-1', 'retired', '2024-01-01')]);
  });

  it('a family already erased by an approver is forgotten when the erasure is refused', () => {
    const refusal = refused(erase('fam-1', 'retired', '2024-01-01'), 'FAMILY.ERASED', 'erased');
    spec.given([retired('fam-1', '2024-01-01')]).when(refusal).thenState({ closed: {} });
  });

  it('retention of 0 days is off: nothing is ever erased', () => {
    processManagerSpecification(retentionErasure(0)).given([retired('fam-1', '2000-01-01')]).when(tick('2026-03-10')).then([]);
  });

  it('recorded events ask nothing by themselves, however old the close', () => {
    spec.given([]).when(retired('fam-1', '2000-01-01')).then([]);
  });

  it('ignores the rest of a family’s life and other streams', () => {
    spec.ignores(familyFact('fam-1', { type: 'AvailabilityWithdrawn', data: {} }));
    spec.ignores(offerFact('offer-1', { type: 'OfferWithdrawn', data: { reason: 'x' } }));
    spec.ignores(refused({ aggregate: 'family', id: 'fam-1', command: { type: 'ExpireApproval', data: {} } }, 'FAMILY.WRONG_STAGE', 'x'));
  });
});
