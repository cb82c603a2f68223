export * from './facts';
export * from './process-manager-specification';
