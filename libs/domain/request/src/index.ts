export * from './request.decide';
export * from './request.decider';
export * from './request.errors';
export * from './request.state';
export * from './request.types';
export * from './network-map';
