export * from './subscription';
export * from './webhook-events';
