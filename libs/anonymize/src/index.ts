export * from './calendar';
export * from './shared-profile';
export * from './free-places';
