import type { Message } from '@familybank/domain-core';

/**
 * What this municipality learnt about a partner's request, recorded as its own events on
 * `partner-request-<own>-<requester>-<requestId>` (DESIGN §4: facts from partners are events first).
 * Only the closing is read by a workflow here; the inbox's recorder owns the rest of the stream.
 */
export const PARTNER_REQUEST_STREAM_PREFIX = 'partner-request-';

export const partnerRequestStreamId = (own: string, requester: string, requestId: string) => `${PARTNER_REQUEST_STREAM_PREFIX}${own}-${requester}-${requestId}`;

export type PartnerRequestCloseReason = 'filled' | 'withdrawn' | 'expired';

export type PartnerRequestEvent = Message<'PartnerRequestClosed', { requester: string; requestId: string; reason: PartnerRequestCloseReason }>;
