export * from './offer.decide';
export * from './offer.decider';
export * from './offer.errors';
export * from './offer.lookups';
export * from './offer.state';
export * from './offer.types';
