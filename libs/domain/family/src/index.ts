export * from './family.commands';
export * from './family.decide';
export * from './family.decider';
export * from './family.errors';
export * from './family.events';
export * from './family.state';
export * from './family.types';
export * from './vocabulary';
