export * from './aggregate-command';
export * from './owner-acceptance/owner-acceptance';
export * from './partner-request.events';
export * from './process-manager';
export * from './workflow-input';
