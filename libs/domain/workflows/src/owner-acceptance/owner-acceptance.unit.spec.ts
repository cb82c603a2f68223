import type { OfferTerms } from '@familybank/domain-offer';
import { familyFact, offerFact, processManagerSpecification, refused, requestFact, tick } from '../testing';
import type { AggregateCommand } from '../aggregate-command';
import { assignmentIdFor, ownerAcceptance } from './owner-acceptance';

const spec = processManagerSpecification(ownerAcceptance);

const terms: OfferTerms = {
  offerId: 'offer-1',
  requester: { municipality: '0630', requestId: 'req-1' },
  familyId: 'fam-horsens-1',
  pseudonym: 'ps-horsens-a',
  period: { from: '2026-04-01', to: '2026-09-30' },
  children: 2,
};
const ASSIGNMENT = 'as-offer-1';
const reservation = { assignmentId: ASSIGNMENT, requester: terms.requester, period: terms.period, children: 2 };

const offerMade = offerFact('offer-1', { type: 'OfferMade', data: terms });
const acceptanceReceived = offerFact('offer-1', { type: 'AcceptanceReceived', data: { acceptanceId: 'acc-1' } });
const familyReserved = familyFact('fam-horsens-1', { type: 'FamilyReserved', data: reservation });
const assignmentConfirmed = offerFact('offer-1', {
  type: 'AssignmentConfirmed',
  data: { assignmentId: ASSIGNMENT, familyId: terms.familyId, requester: terms.requester, period: terms.period, children: 2 },
});

const reserve: AggregateCommand = { aggregate: 'family', id: 'fam-horsens-1', command: { type: 'ReserveFamily', data: reservation } };
const confirm: AggregateCommand = { aggregate: 'offer', id: 'offer-1', command: { type: 'ConfirmAssignment', data: { assignmentId: ASSIGNMENT } } };
const disclose: AggregateCommand = { aggregate: 'offer', id: 'offer-1', command: { type: 'RecordDisclosure', data: { assignmentId: ASSIGNMENT } } };
const noPlace = refused(reserve, 'FAMILY.NO_PLACE_IN_PERIOD', 'The family has 0 free places in the period; 2 needed');
const notAccepted = refused(confirm, 'OFFER.NO_ACCEPTANCE_RECEIVED', 'The offer is declined; an assignment is confirmed only after the requester’s acceptance');

describe('owner acceptance saga', () => {
  it('the requester’s acceptance of our offer reserves the family for the offer’s requester, period and children', () => {
    spec.given([offerMade]).when(acceptanceReceived).then([reserve]);
  });

  it('the family’s reservation confirms the assignment on the offer', () => {
    spec.given([offerMade, acceptanceReceived]).when(familyReserved).then([confirm]);
  });

  it('the confirmation discloses the contact details, leaving the requester’s key for the handler to look up', () => {
    spec.given([offerMade, acceptanceReceived, familyReserved]).when(assignmentConfirmed).then([disclose]);
  });

  it('a refused reservation withdraws the offer with the refusal’s reason and code', () => {
    spec.given([offerMade, acceptanceReceived]).when(noPlace).then([
      { aggregate: 'offer', id: 'offer-1', command: { type: 'WithdrawOffer', data: { reason: noPlace.message, code: 'FAMILY.NO_PLACE_IN_PERIOD' } } },
    ]);
  });

  it('a refused confirmation (the requester declined while the family was reserved) releases the reservation', () => {
    spec.given([offerMade, acceptanceReceived, familyReserved]).when(notAccepted).then([
      {
        aggregate: 'family',
        id: 'fam-horsens-1',
        command: { type: 'EndAssignment', data: { assignmentId: ASSIGNMENT, reason: `Released: ${notAccepted.message}`, wantsNewAssignment: true } },
      },
    ]);
  });

  it('a released reason stays within 200 characters', () => {
    const long = refused(confirm, 'OFFER.NO_ACCEPTANCE_RECEIVED', 'x'.repeat(250));
    const [release] = ownerAcceptance.decide(long, [offerMade, acceptanceReceived, familyReserved].reduce(ownerAcceptance.evolve, ownerAcceptance.initialState()), {
      now: new Date(),
    });
    expect(release).toMatchObject({ command: { type: 'EndAssignment', data: { reason: `Released: ${'x'.repeat(190)}` } } });
  });

  it('a refused disclosure (the requester announced no key) ends the saga without another step', () => {
    spec.given([offerMade, acceptanceReceived, familyReserved, assignmentConfirmed]).when(refused(disclose, 'OFFER.RECIPIENT_KEY_UNKNOWN', 'No key')).then([]);
  });

  it('a refused withdrawal ends the saga without another step', () => {
    const withdraw: AggregateCommand = { aggregate: 'offer', id: 'offer-1', command: { type: 'WithdrawOffer', data: { reason: 'x' } } };
    spec.given([offerMade, acceptanceReceived, noPlace]).when(refused(withdraw, 'OFFER.ALREADY_CONFIRMED', 'Confirmed')).then([]);
  });

  it('an own placement’s confirmation discloses nothing: the contact details are the municipality’s own', () => {
    const own = { ...terms, requester: { municipality: '0265', requestId: 'req-own' }, own: true as const };
    const ownMade = offerFact('offer-1', { type: 'OfferMade', data: own });
    const ownConfirmed = offerFact('offer-1', { type: 'AssignmentConfirmed', data: { assignmentId: ASSIGNMENT, familyId: own.familyId, requester: own.requester, period: own.period, children: 2 } });
    spec.given([ownMade, acceptanceReceived]).when(familyFact('fam-horsens-1', { type: 'FamilyReserved', data: { ...reservation, requester: own.requester } })).then([confirm]);
    spec.given([ownMade, acceptanceReceived, familyReserved]).when(ownConfirmed).then([]);
  });

  it('the making of the offer alone asks nothing', () => {
    spec.given([]).when(offerMade).then([]);
  });

  it('an acceptance of an offer the saga never saw made asks nothing', () => {
    spec.given([]).when(acceptanceReceived).then([]);
  });

  it('a reservation before any acceptance (another workflow’s) asks nothing', () => {
    spec.given([offerMade]).when(familyReserved).then([]);
  });

  it('a reservation after the offer was withdrawn asks nothing', () => {
    spec.given([offerMade, acceptanceReceived, noPlace]).when(familyReserved).then([]);
  });

  it('a confirmation that nobody reserved for asks nothing', () => {
    spec.given([offerMade, acceptanceReceived]).when(assignmentConfirmed).then([]);
  });

  it('a refused reservation after the family was already reserved asks nothing', () => {
    spec.given([offerMade, acceptanceReceived, familyReserved]).when(noPlace).then([]);
  });

  it('a refused confirmation before the reservation asks nothing', () => {
    spec.given([offerMade, acceptanceReceived]).when(notAccepted).then([]);
  });

  it('remembers the offer’s terms and how far the saga came', () => {
    spec.given([offerMade, acceptanceReceived]).when(familyReserved).thenState({ status: 'confirming', terms });
    spec.given([offerMade, acceptanceReceived]).when(noPlace).thenState({ status: 'withdrawing', terms });
    spec.given([offerMade, acceptanceReceived, familyReserved]).when(notAccepted).thenState({ status: 'releasing', terms });
  });

  it('one instance per assignment: the offer’s events and the family’s reservation meet there', () => {
    expect(ownerAcceptance.instanceId(acceptanceReceived)).toBe(ASSIGNMENT);
    expect(ownerAcceptance.instanceId(familyReserved)).toBe(ASSIGNMENT);
  });

  it('an assignment id is at most 64 characters', () => {
    expect(assignmentIdFor('o'.repeat(80))).toHaveLength(64);
  });

  it('ignores other offer and family events, requests and ticks', () => {
    spec.ignores(offerFact('offer-1', { type: 'OfferWithdrawn', data: { reason: 'gone' } }));
    spec.ignores(familyFact('fam-horsens-1', { type: 'AssignmentEnded', data: { assignmentId: ASSIGNMENT, reason: 'x', wantsNewAssignment: true, endedOn: '2026-05-01' } }));
    spec.ignores(requestFact('req-1', { type: 'RequestFilled', data: { offerId: 'offer-1' } }));
    spec.ignores(tick('2026-03-11'));
  });
});
