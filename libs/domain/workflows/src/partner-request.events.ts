/**
 * What this municipality learnt about a partner's request lives in @familybank/domain-partner-facts
 * (DESIGN §4: facts from partners are events first); re-exported for the workflows that read it.
 */
export { PARTNER_REQUEST_STREAM_PREFIX, partnerRequestStreamId, type PartnerRequestCloseReason, type PartnerRequestEvent } from '@familybank/domain-partner-facts';
