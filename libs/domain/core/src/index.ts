export * from './calendar';
export * from './decider';
export * from './domain-error';
