import type { OfferEvent } from '@familybank/domain-offer';
import { seal } from '@familybank/exchange';
import { disclosureAad } from '../federation/sealing';
import { noMatchMessages, offerStreamMessages, type OfferLookups } from './offer-stream-messages';
import { familyContact, longReason, offer, OWNER, ownerKeys, openAs, PSEUDONYM, recorded, REQUESTER, requesterKeys } from '../federation/testing/federation-message.fixtures';
import { mapperSpecification } from '../federation/testing/message-mapper-specification';

const spec = mapperSpecification(offerStreamMessages);
const event = (data: OfferEvent) => recorded('offer-offer-1', OWNER, data);
const lookups: OfferLookups = { offer, family: familyContact, recipient: { encryptionKey: requesterKeys.publicKey }, seal };
const onOffersTopic = { topic: 'familybank.0265.offers.v1', key: 'req-1' };
const base = { offerId: 'offer-1', requester: REQUESTER, requestId: 'req-1' };
const requesterOf = { municipality: REQUESTER, requestId: 'req-1' };
const disclosed = event({ type: 'ContactDetailsDisclosed', data: { assignmentId: 'as-offer-1', recipientKeyFingerprint: 'f' } });

describe('offer stream → offers and disclosures topics', () => {
  it('offer made tells the requester the family’s pseudonym, never the note', () => {
    const terms = { offerId: 'offer-1', requester: requesterOf, familyId: 'fam-7', pseudonym: PSEUDONYM, period: offer.period, children: 2, note: 'Mette works nights' };
    spec
      .given(lookups)
      .when(event({ type: 'OfferMade', data: terms }))
      .then([{ ...onOffersTopic, message: { type: 'OfferMade', schemaVersion: 1, payload: { ...base, pseudonym: PSEUDONYM } } }]);
  });

  it('offer withdrawn gives the reason, cut to 200 characters', () => {
    spec
      .given(lookups)
      .when(event({ type: 'OfferWithdrawn', data: { reason: longReason, code: 'FAMILY.NO_PLACE_IN_PERIOD' } }))
      .then([{ ...onOffersTopic, message: { type: 'OfferWithdrawn', schemaVersion: 1, payload: { ...base, reason: 'x'.repeat(200) } } }]);
  });

  it('assignment confirmed names the assignment and the offer’s period', () => {
    const confirmed = { assignmentId: 'as-offer-1', familyId: 'fam-7', requester: requesterOf, period: offer.period, children: 2 };
    spec
      .given(lookups)
      .when(event({ type: 'AssignmentConfirmed', data: confirmed }))
      .then([{ ...onOffersTopic, message: { type: 'AssignmentConfirmed', schemaVersion: 1, payload: { ...base, assignmentId: 'as-offer-1', period: offer.period } } }]);
  });

  it('assignment ended names the assignment and the reason, cut, and not whether the family wants another', () => {
    const ended = { assignmentId: 'as-offer-1', reason: longReason, wantsNewAssignment: false, familyId: 'fam-7', requester: requesterOf, endedOn: '2026-06-30' };
    spec
      .given(lookups)
      .when(event({ type: 'AssignmentEnded', data: ended }))
      .then([{ ...onOffersTopic, message: { type: 'AssignmentEnded', schemaVersion: 1, payload: { ...base, assignmentId: 'as-offer-1', reason: 'x'.repeat(200) } } }]);
  });

  describe('contact details disclosed', () => {
    const [draft] = offerStreamMessages(disclosed, lookups);
    const payload = draft?.message.type === 'ContactDetailsDisclosed' ? draft.message.payload : undefined;

    it('goes on the owner’s disclosures topic, keyed by the assignment, holding nothing but ids and the sealed box', () => {
      expect(draft).toMatchObject({ topic: 'familybank.0265.disclosures.v1', key: 'as-offer-1', message: { type: 'ContactDetailsDisclosed', schemaVersion: 1 } });
      expect(Object.keys(payload!).sort()).toEqual(['assignmentId', 'offerId', 'requestId', 'requester', 'sealed']);
      expect(payload).toMatchObject({ ...base, assignmentId: 'as-offer-1' });
      expect(JSON.stringify(draft)).not.toMatch(/12345678|Søndergade|mette@example\.dk|Hansen/);
    });

    it('opens with the requester’s key, for this assignment only, to the contact details and household name', () => {
      const aad = disclosureAad(OWNER, REQUESTER, 'as-offer-1');
      expect(openAs(requesterKeys.privateKey, payload!.sealed, aad)).toEqual(familyContact);
      expect(() => openAs(requesterKeys.privateKey, payload!.sealed, disclosureAad(OWNER, REQUESTER, 'as-other'))).toThrow();
      expect(() => openAs(ownerKeys.privateKey, payload!.sealed, aad)).toThrow();
    });

    it('publishes nothing before the requester announced its key', () => {
      spec.given({ ...lookups, recipient: undefined }).when(disclosed).thenNothing();
    });

    it('publishes nothing without the family’s details', () => {
      spec.given({ ...lookups, family: undefined }).when(disclosed).thenNothing();
    });
  });

  it.each<OfferEvent>([
    { type: 'AcceptanceReceived', data: { acceptanceId: 'acc-1' } },
    { type: 'OfferDeclinedByRequester', data: { reason: 'Too far' } },
  ])('$type is the requester’s own step coming back: nothing is published', (data) => {
    spec.given(lookups).when(event(data)).thenNothing();
  });

  it('an own placement publishes nothing, at any step: the requester is the owner itself', () => {
    const own: OfferLookups = { ...lookups, offer: { ...offer, own: true } };
    const terms = { offerId: 'offer-1', requester: requesterOf, familyId: 'fam-7', pseudonym: PSEUDONYM, period: offer.period, children: 1, own: true as const };
    spec.given(own).when(event({ type: 'OfferMade', data: terms })).thenNothing();
    spec.given(own).when(event({ type: 'OfferWithdrawn', data: { reason: 'No free place' } })).thenNothing();
    spec.given(own).when(event({ type: 'AssignmentConfirmed', data: { assignmentId: 'as-offer-1', familyId: 'fam-7', requester: requesterOf, period: offer.period, children: 1 } })).thenNothing();
    spec.given(own).when(disclosed).thenNothing();
  });

  it('without the offer’s document nothing is published', () => {
    spec.given({ ...lookups, offer: undefined }).when(event({ type: 'OfferWithdrawn', data: { reason: 'Gone' } })).thenNothing();
  });

  it('an offer document that breaks the contract is refused at the sender', () => {
    spec
      .given({ ...lookups, offer: { ...offer, period: { from: '2026-04-01', to: '2026-02-30' } } })
      .when(event({ type: 'AssignmentConfirmed', data: { assignmentId: 'as-offer-1', familyId: 'fam-7', requester: requesterOf, period: offer.period, children: 2 } }))
      .thenRefusedAtTheSender('period.to');
  });
});

describe('no-match answer → offers topic', () => {
  it('tells the requester that the owner has no family, on the owner’s offers topic keyed by the request', () => {
    const answered = recorded(`partner-request-${OWNER}-${REQUESTER}-req-1`, OWNER, { type: 'NoMatchAnswered' as const, data: { requester: REQUESTER, requestId: 'req-1' } });
    expect(noMatchMessages(answered)).toEqual([{ ...onOffersTopic, message: { type: 'NoMatch', schemaVersion: 1, payload: { requester: REQUESTER, requestId: 'req-1' } } }]);
  });
});
