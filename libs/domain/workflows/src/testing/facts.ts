import type { Message } from '@familybank/domain-core';
import { familyStreamId, type FamilyEvent } from '@familybank/domain-family';
import { offerStreamId, type OfferEvent } from '@familybank/domain-offer';
import { requestStreamId, type RequestEvent } from '@familybank/domain-request';
import type { AggregateCommand } from '../aggregate-command';
import { partnerRequestStreamId, type PartnerRequestEvent } from '../partner-request.events';
import { recordedFact, type CommandRefused, type FactOf, type Tick } from '../workflow-input';

/** Horsens (0265) owns families and makes offers; Vejle (0630) requests. */
export const OWNER = '0265';
export const REQUESTER = '0630';
const OCCURRED_AT = '2026-03-10T08:00:00.000Z';

let sequence = 0;
const fact = <F>(streamId: string, event: Message, municipality: string): F =>
  recordedFact({ eventId: `event-${++sequence}`, streamId, type: event.type, data: event.data, municipality, occurredAt: OCCURRED_AT }) as F;

export const familyFact = <E extends FamilyEvent>(familyId: string, event: E, municipality = OWNER) => fact<FactOf<'family', E>>(familyStreamId(familyId), event, municipality);
export const offerFact = <E extends OfferEvent>(offerId: string, event: E, municipality = OWNER) => fact<FactOf<'offer', E>>(offerStreamId(offerId), event, municipality);
export const requestFact = <E extends RequestEvent>(requestId: string, event: E, municipality = REQUESTER) => fact<FactOf<'request', E>>(requestStreamId(requestId), event, municipality);
export const partnerRequestFact = <E extends PartnerRequestEvent>(event: E, own = OWNER) =>
  fact<FactOf<'partner-request', E>>(partnerRequestStreamId(own, event.data.requester, event.data.requestId), event, own);

export const refused = (command: AggregateCommand, code: string, message: string): CommandRefused => ({ kind: 'refused', command, code, message });
export const tick = (now: string | Date): Tick => ({ kind: 'tick', now: new Date(now) });
