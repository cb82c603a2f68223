export * from './course';
export * from './development-plan';
export * from './emergency-line';
export * from './supervision-meeting';
export * from './support.errors';
export * from './support.lookups';
export * from './vocabulary';
