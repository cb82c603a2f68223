// The requests capability's public entry: other folders import from here, never from its files.
export { RequestMessages } from './request-messages';
export { requestPartnerMessages } from './partner-answer-commands';
