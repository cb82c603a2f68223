// The workflow runner's public entry: other folders import from here, never from its files.
export { ProcessManagerRunner, type ProcessManagerRunnerOptions, type ProcessManagerStatus } from './process-manager-runner';
