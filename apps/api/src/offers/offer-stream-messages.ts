import {
  DisclosuresTopic,
  OffersTopic,
  type DisclosuresTopicMessage,
  type OffersTopicMessage,
  type OffersTopicMessageInput,
} from '@familybank/contracts';
import type { OfferEvent } from '@familybank/domain-offer';
import type { NoMatchAnswered } from '@familybank/domain-partner-facts';
import type { RecordedEvent } from '@familybank/event-store';
import { draftMessage, type Draft } from '@familybank/exchange';
import type { FamilyDetailDocument, OfferDocument } from '@familybank/read-models';
import { MAX_REASON, disclosureAad, unknownEvent, type Seal } from '../federation/sealing';

/** Seals a plaintext to a recipient's X25519 key, bound to `associatedData` (the exchange's `seal`). */
/** What the requester learns of the family once an assignment is confirmed, and nothing more. */
export interface FamilyContactCard {
  contact: FamilyDetailDocument['contact'];
  householdName: string;
}

export interface OfferLookups {
  /** The offer's document after the event; without it nothing is published. */
  offer: OfferDocument | undefined;
  /** Needed only to disclose: the family's contact details. */
  family: FamilyContactCard | undefined;
  /** Needed only to disclose: the requester's announced encryption key. */
  recipient: { encryptionKey: string } | undefined;
  seal: Seal;
}

/**
 * What one event of an offer stream publishes (DESIGN §5): the owner's answers on its offers
 * topic, and after a confirmed assignment the family's contact details sealed to the requester
 * on its disclosures topic. Free text never leaves: reasons are cut, an offer's note stays home.
 */
export function offerStreamMessages(event: RecordedEvent & OfferEvent, lookups: OfferLookups): Array<Draft<OffersTopicMessage> | Draft<DisclosuresTopicMessage>> {
  const { offer } = lookups;
  // An own placement is between the municipality and itself: nothing about it leaves.
  if (!offer || offer.own) return [];
  const own = event.metadata.municipality;
  const base = { offerId: offer.offerId, requester: offer.requester, requestId: offer.requestId };
  const draft = (message: OffersTopicMessageInput) => [draftMessage(OffersTopic, own, message)];
  switch (event.type) {
    case 'OfferMade':
      return draft({ type: 'OfferMade', schemaVersion: 1, payload: { ...base, pseudonym: offer.pseudonym } });
    case 'OfferWithdrawn':
      return draft({ type: 'OfferWithdrawn', schemaVersion: 1, payload: { ...base, reason: (event.data.reason ?? 'Withdrawn').slice(0, MAX_REASON) } });
    case 'AssignmentConfirmed':
      return draft({ type: 'AssignmentConfirmed', schemaVersion: 1, payload: { ...base, assignmentId: event.data.assignmentId, period: offer.period } });
    case 'AssignmentEnded':
      return draft({ type: 'AssignmentEnded', schemaVersion: 1, payload: { ...base, assignmentId: event.data.assignmentId, reason: event.data.reason.slice(0, MAX_REASON) } });
    case 'ContactDetailsDisclosed':
      return disclosure(own, offer, event.data.assignmentId, lookups);
    // The requester's own steps come back to it from its own stream; nothing to tell.
    case 'AcceptanceReceived':
    case 'OfferDeclinedByRequester':
      return [];
    default:
      return unknownEvent(event);
  }
}

/** Seals the family's contact details to the requester's announced key; nobody else can open them. */
function disclosure(own: string, offer: OfferDocument, assignmentId: string, { family, recipient, seal }: OfferLookups): Array<Draft<DisclosuresTopicMessage>> {
  if (!recipient || !family) return [];
  const plaintext = JSON.stringify({ contact: family.contact, householdName: family.householdName });
  const sealed = seal(plaintext, recipient.encryptionKey, disclosureAad(own, offer.requester, assignmentId));
  const payload = { assignmentId, requester: offer.requester, requestId: offer.requestId, offerId: offer.offerId, sealed };
  return [draftMessage(DisclosuresTopic, own, { type: 'ContactDetailsDisclosed', schemaVersion: 1, payload })];
}

/** The owner's inbox answer "no family for this request" (on its partner-request stream). */
export function noMatchMessages(event: RecordedEvent & NoMatchAnswered): Array<Draft<OffersTopicMessage>> {
  const { requester, requestId } = event.data;
  return [draftMessage(OffersTopic, event.metadata.municipality, { type: 'NoMatch', schemaVersion: 1, payload: { requester, requestId } })];
}
