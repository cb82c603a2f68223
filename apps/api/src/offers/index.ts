// The offers capability's public entry: other folders import from here, never from its files.
export { noMatchMessages, offerStreamMessages, type FamilyContactCard, type OfferLookups } from './offer-stream-messages';
export { offerPartnerMessages } from './partner-request-commands';
