import { RequestsTopic, type RequestsTopicMessage, type RequestsTopicMessageInput } from '@familybank/contracts';
import type { RequestEvent } from '@familybank/domain-request';
import type { RecordedEvent } from '@familybank/event-store';
import { draftMessage, type Draft } from '@familybank/exchange';
import type { RequestDocument } from '@familybank/read-models';
import { MAX_REASON, unknownEvent } from '../federation/sealing';

/** Reasons that leave the municipality are cut to what the contract allows. */
const CLOSED = { RequestFilled: 'filled', RequestWithdrawn: 'withdrawn', RequestExpired: 'expired' } as const;

/**
 * What one event of a request stream publishes on the requester's requests topic (DESIGN §5): the
 * need once shared, its closing, and the requester's steps of the acceptance saga. Never the case
 * reference, never a note. `request` is the request's document after the event; without it
 * nothing is published. Every draft was checked against the topic's contract.
 */
export function requestStreamMessages(event: RecordedEvent & RequestEvent, request: RequestDocument | undefined): Array<Draft<RequestsTopicMessage>> {
  if (!request) return [];
  const { requestId } = request;
  const draft = (message: RequestsTopicMessageInput) => [draftMessage(RequestsTopic, request.municipality, message)];
  switch (event.type) {
    case 'RequestShared':
      return draft({ type: 'RequestPublished', schemaVersion: 1, payload: { requestId, audience: request.sharedWith, needs: request.needs, responseDeadline: request.responseDeadline } });
    case 'RequestFilled':
    case 'RequestWithdrawn':
    case 'RequestExpired':
      // A request nobody was told about needs no closing message.
      if (request.sharedWith.length === 0) return [];
      return draft({ type: 'RequestClosed', schemaVersion: 1, payload: { requestId, audience: request.sharedWith, reason: CLOSED[event.type] } });
    case 'AcceptanceRequested':
      // The event id is the acceptance id: the owner recognises a redelivered acceptance by it.
      return draft({ type: 'AcceptanceRequested', schemaVersion: 1, payload: { requestId, offerId: event.data.offerId, to: event.data.partner, acceptanceId: event.eventId } });
    case 'OfferDeclined':
    case 'AcceptanceCancelled': {
      const { offerId } = event.data;
      const offer = request.offers.find((candidate) => candidate.offerId === offerId);
      // An own placement is cancelled at home: the own-placement workflow declines the own offer.
      if (!offer || offer.own) return [];
      const to = offer.partner;
      const reason = event.type === 'AcceptanceCancelled' ? 'The requester cancelled the acceptance' : (event.data.reason ?? 'Declined');
      return draft({ type: 'OfferDeclined', schemaVersion: 1, payload: { requestId, offerId, to, reason: reason.slice(0, MAX_REASON) } });
    }
    // What the requester records of partners' answers, and its own work on the case, stays home;
    // so does the network map, which names third parties (the child's kin and friends).
    case 'RequestOpened':
    case 'OfferReceived':
    case 'OwnPlacementRequested':
    case 'PartnerAnsweredNoMatch':
    case 'OfferShortlisted':
    case 'AssignmentConfirmed':
    case 'OfferWithdrawn':
    case 'TargetedRecruitmentStarted':
    case 'ContactDetailsReceived':
    case 'IntroductionVisitRecorded':
    case 'AssignmentEnded':
    case 'NetworkPersonRecorded':
      return [];
    default:
      return unknownEvent(event);
  }
}

