import type { DisclosuresTopicMessage, OffersTopicMessage, RequestsTopicMessage } from '@familybank/contracts';
import type { OfferEvent } from '@familybank/domain-offer';
import { PARTNER_REQUEST_STREAM_PREFIX, type NoMatchAnswered } from '@familybank/domain-partner-facts';
import type { RequestEvent } from '@familybank/domain-request';
import type { RecordedEvent } from '@familybank/event-store';
import { seal, type Draft } from '@familybank/exchange';
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
import type { DirectoryEntry } from '../federation/federation-consumer';
import type { Seal } from '../federation/sealing';
import { noMatchMessages, offerStreamMessages, type FamilyContactCard } from '../offers';
import { PROFILE_VIEWS_STREAM_PREFIX, profileViewsMessages, type ProfilesViewedData } from '../profile-views';
import { requestStreamMessages } from './request-stream-messages';

/**
 * What the request, offer, answer and profile-view streams publish. The mapping is in the pure
 * functions it calls; this class only loads what they need from the read models, which the
 * relay has caught up to the event's batch.
 */
export class RequestMessages {
  constructor(
    private readonly documents: DocumentStore,
    private readonly directoryEntry: (code: string) => DirectoryEntry | undefined,
    private readonly sealer: Seal = seal,
  ) {}

  for(event: RecordedEvent): Array<Draft<RequestsTopicMessage | OffersTopicMessage | DisclosuresTopicMessage>> {
    // The stream prefix says which aggregate wrote the event, hence its type.
    if (event.streamId.startsWith('request-')) {
      const request = this.documents.get<RequestDocument>(requestsProjection.collection, event.streamId.slice('request-'.length))?.body;
      return requestStreamMessages(event as RecordedEvent & RequestEvent, request);
    }
    if (event.streamId.startsWith('offer-')) {
      const offer = this.documents.get<OfferDocument>(offersProjection.collection, event.streamId.slice('offer-'.length))?.body;
      const lookups = { offer, family: offer && this.contactCard(offer.familyId), recipient: offer && this.directoryEntry(offer.requester), seal: this.sealer };
      return offerStreamMessages(event as RecordedEvent & OfferEvent, lookups);
    }
    // Earlier releases kept the answer on a stream of its own (`answer-…`).
    if ((event.streamId.startsWith(PARTNER_REQUEST_STREAM_PREFIX) || event.streamId.startsWith('answer-')) && event.type === 'NoMatchAnswered') {
      return noMatchMessages(event as RecordedEvent & NoMatchAnswered);
    }
    if (event.streamId.startsWith(PROFILE_VIEWS_STREAM_PREFIX) && event.type === 'ProfilesViewed') {
      const viewed = event as RecordedEvent<'ProfilesViewed', ProfilesViewedData>;
      return profileViewsMessages(viewed, this.directoryEntry(viewed.data.owner), this.sealer);
    }
    return [];
  }

  private contactCard(familyId: string): FamilyContactCard | undefined {
    const family = this.documents.get<FamilyDetailDocument>(familyDetailProjection.collection, familyId)?.body;
    return family && { contact: family.contact, householdName: householdName(family.adults) };
  }
}
