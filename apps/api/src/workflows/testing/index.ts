// What other folders' tests use to run workflows against a real gateway (see check-folder-cycles.ts).
export { TestCommandGateway } from './test-command-gateway';
export { FROM, OWNER, PERIOD, REQUESTER, REQUESTER_KEY, WorkflowFixture } from './workflow-fixture';
