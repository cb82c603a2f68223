export * from './directory';
export * from './partner-pool';
export * from './partner-request';
export * from './reported-views';
export * from './viewed-profiles';
