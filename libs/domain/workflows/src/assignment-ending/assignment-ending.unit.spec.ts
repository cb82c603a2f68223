import type { AggregateCommand } from '../aggregate-command';
import { familyFact, offerFact, processManagerSpecification, refused, tick } from '../testing';
import { assignmentEnding } from './assignment-ending';

const spec = processManagerSpecification(assignmentEnding);

const ASSIGNMENT = 'as-offer-1';
const requester = { municipality: '0630', requestId: 'req-1' };
const confirmed = offerFact('offer-1', {
  type: 'AssignmentConfirmed',
  data: { assignmentId: ASSIGNMENT, familyId: 'fam-1', requester, period: { from: '2026-04-01', to: '2026-09-30' }, children: 1 },
});
const ending = { assignmentId: ASSIGNMENT, reason: 'The child moved back home', wantsNewAssignment: false };
const endedOnFamily = familyFact('fam-1', { type: 'AssignmentEnded', data: { ...ending, endedOn: '2026-06-01' } });
const released = { assignmentId: ASSIGNMENT, reason: 'Released: The requester cancelled the acceptance', wantsNewAssignment: true };
const endedOnOffer = (data = released) => offerFact('offer-1', { type: 'AssignmentEnded', data: { ...data, familyId: 'fam-1', requester, endedOn: '2026-06-01' } });
const endOffer = (data = ending): AggregateCommand => ({ aggregate: 'offer', id: 'offer-1', command: { type: 'EndAssignment', data } });
const endFamily = (data = released): AggregateCommand => ({ aggregate: 'family', id: 'fam-1', command: { type: 'EndAssignment', data } });

describe('ending an assignment on both streams', () => {
  it('ended on the family (by a caseworker), it ends on the offer with the same reason and retention answer', () => {
    spec.given([confirmed]).when(endedOnFamily).then([endOffer()]);
  });

  it('ended on the offer (a decline that crossed the confirmation), it ends on the family and frees the place', () => {
    spec.given([confirmed]).when(endedOnOffer()).then([endFamily()]);
  });

  it('ended on the offer without the saga’s confirmation seen, it still ends on the family the offer names', () => {
    spec.given([]).when(endedOnOffer()).then([endFamily()]);
  });

  it('the offer’s ending that followed the family’s asks nothing more, so nothing loops', () => {
    spec.given([confirmed, endedOnFamily]).when(endedOnOffer(ending)).then([]);
  });

  it('the family’s ending that followed the offer’s asks nothing more, so nothing loops', () => {
    spec.given([confirmed, endedOnOffer()]).when(familyFact('fam-1', { type: 'AssignmentEnded', data: { ...released, endedOn: '2026-06-01' } })).then([]);
  });

  it('ended on the family before the offer confirmed it, the confirmation ends it on the offer at once', () => {
    spec.given([endedOnFamily]).when(confirmed).then([endOffer()]);
  });

  it('a confirmation of an assignment still running asks nothing', () => {
    spec.given([]).when(confirmed).then([]);
  });

  it('an assignment that no offer of ours confirmed (a released reservation) ends on the family alone', () => {
    spec.given([]).when(endedOnFamily).then([]);
  });

  it('ignores the family’s reservation, other offer events, refusals and ticks', () => {
    spec.ignores(familyFact('fam-1', { type: 'FamilyReserved', data: { assignmentId: ASSIGNMENT, requester, period: { from: '2026-04-01', to: '2026-09-30' }, children: 1 } }));
    spec.ignores(offerFact('offer-1', { type: 'OfferDeclinedByRequester', data: { reason: 'x' } }));
    spec.ignores(refused(endFamily(), 'FAMILY.UNKNOWN_ASSIGNMENT', 'gone'));
    spec.ignores(tick('2026-06-02'));
  });
});
