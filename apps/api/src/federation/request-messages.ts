import {
  familyDetailProjection,
  householdName,
  offersProjection,
  requestsProjection,
  type DocumentStore,
  type FamilyDetailDocument,
  type OfferDocument,
  type RequestDocument,
} from '@familybank/read-models';
import { encryptionKeyFingerprint, seal, topics } from '@familybank/exchange';
import type { RecordedEvent } from '@familybank/event-store';
import { disclosureAad } from '../requests/disclosure-reader';
import type { DirectoryEntry } from './federation-consumer';
import { PROFILE_VIEWS_STREAM_PREFIX, profileViewsAad, type ProfilesViewedData } from './profile-views';

/** A message before the relay signs it: topic, key, type and payload. */
export interface DraftMessage {
  topic: string;
  key: string;
  type: string;
  payload: Record<string, unknown>;
}

const CLOSED: Record<string, 'filled' | 'withdrawn' | 'expired'> = { RequestFilled: 'filled', RequestWithdrawn: 'withdrawn', RequestExpired: 'expired' };

/**
 * What the request and offer streams publish (DESIGN §5): the requester's requests topic carries
 * the need and the acceptance steps; the owner's offers topic its answers; its disclosures topic
 * the sealed contact details after a confirmed assignment. Never the case reference, never a note.
 */
export class RequestMessages {
  constructor(
    private readonly documents: DocumentStore,
    private readonly directoryEntry: (code: string) => DirectoryEntry | undefined,
  ) {}

  for(event: RecordedEvent): DraftMessage[] {
    if (event.streamId.startsWith('request-')) return this.requestMessages(event);
    if (event.streamId.startsWith('offer-')) return this.offerMessages(event);
    if (event.streamId.startsWith('answer-') && event.type === 'NoMatchAnswered') {
      const data = event.data as { requester: string; requestId: string };
      return [{ topic: topics.offers(event.metadata.municipality), key: data.requestId, type: 'NoMatch', payload: data }];
    }
    if (event.streamId.startsWith(PROFILE_VIEWS_STREAM_PREFIX) && event.type === 'ProfilesViewed') {
      // Only what the owner needs to tell its family who looked: never the viewing caseworker.
      // Sealed to the owner: the viewer's other partners read this topic too, and must not learn whom it looked at.
      const { owner, pseudonyms, viewedAt } = event.data as ProfilesViewedData;
      const recipient = this.directoryEntry(owner);
      if (!recipient) return [];
      const viewer = event.metadata.municipality;
      const sealed = seal(JSON.stringify({ pseudonyms, viewedAt }), recipient.encryptionKey, profileViewsAad(viewer, owner));
      return [{ topic: topics.requests(viewer), key: owner, type: 'ProfilesViewed', payload: { owner, sealed: { ...sealed, recipientKeyFingerprint: encryptionKeyFingerprint(recipient.encryptionKey) } } }];
    }
    return [];
  }

  private requestMessages(event: RecordedEvent): DraftMessage[] {
    const request = this.documents.get<RequestDocument>(requestsProjection.collection, event.streamId.slice('request-'.length))?.body;
    if (!request) return [];
    const draft = (type: string, payload: Record<string, unknown>): DraftMessage[] => [{ topic: topics.requests(request.municipality), key: request.requestId, type, payload }];
    const { requestId } = request;
    const data = event.data as { offerId?: string; partner?: string; reason?: string };
    switch (event.type) {
      case 'RequestShared':
        return draft('RequestPublished', { requestId, audience: request.sharedWith, needs: request.needs, responseDeadline: request.responseDeadline });
      case 'RequestFilled':
      case 'RequestWithdrawn':
      case 'RequestExpired':
        return request.sharedWith.length ? draft('RequestClosed', { requestId, audience: request.sharedWith, reason: CLOSED[event.type] }) : [];
      case 'AcceptanceRequested':
        return draft('AcceptanceRequested', { requestId, offerId: data.offerId, to: data.partner, acceptanceId: event.eventId });
      case 'OfferDeclined':
      case 'AcceptanceCancelled': {
        const to = request.offers.find((offer) => offer.offerId === data.offerId)?.partner;
        const reason = event.type === 'AcceptanceCancelled' ? 'The requester cancelled the acceptance' : (data.reason ?? 'Declined');
        return to ? draft('OfferDeclined', { requestId, offerId: data.offerId, to, reason: reason.slice(0, 200) }) : [];
      }
      default:
        return [];
    }
  }

  private offerMessages(event: RecordedEvent): DraftMessage[] {
    const offer = this.documents.get<OfferDocument>(offersProjection.collection, event.streamId.slice('offer-'.length))?.body;
    if (!offer) return [];
    const own = event.metadata.municipality;
    const base = { offerId: offer.offerId, requester: offer.requester, requestId: offer.requestId };
    const draft = (type: string, payload: Record<string, unknown>): DraftMessage[] => [{ topic: topics.offers(own), key: offer.requestId, type, payload }];
    switch (event.type) {
      case 'OfferMade':
        return draft('OfferMade', { ...base, pseudonym: offer.pseudonym });
      case 'OfferWithdrawn':
        return draft('OfferWithdrawn', { ...base, reason: ((event.data as { reason: string }).reason ?? 'Withdrawn').slice(0, 200) });
      case 'AssignmentConfirmed':
        return draft('AssignmentConfirmed', { ...base, assignmentId: (event.data as { assignmentId: string }).assignmentId, period: offer.period });
      case 'AssignmentEnded': {
        const { assignmentId, reason } = event.data as { assignmentId: string; reason: string };
        return draft('AssignmentEnded', { ...base, assignmentId, reason: reason.slice(0, 200) });
      }
      case 'ContactDetailsDisclosed':
        return this.disclosure(own, offer, (event.data as { assignmentId: string }).assignmentId);
      default:
        return [];
    }
  }

  /** Seals the family's contact details to the requester's announced key; nobody else can open them. */
  private disclosure(own: string, offer: OfferDocument, assignmentId: string): DraftMessage[] {
    const recipient = this.directoryEntry(offer.requester);
    const family = this.documents.get<FamilyDetailDocument>(familyDetailProjection.collection, offer.familyId)?.body;
    if (!recipient || !family) return [];
    const plaintext = JSON.stringify({ contact: family.contact, householdName: householdName(family.adults) });
    const sealed = seal(plaintext, recipient.encryptionKey, disclosureAad(own, offer.requester, assignmentId));
    return [
      {
        topic: topics.disclosures(own),
        key: assignmentId,
        type: 'ContactDetailsDisclosed',
        payload: { assignmentId, requester: offer.requester, requestId: offer.requestId, offerId: offer.offerId, sealed: { ...sealed, recipientKeyFingerprint: encryptionKeyFingerprint(recipient.encryptionKey) } },
      },
    ];
  }
}
