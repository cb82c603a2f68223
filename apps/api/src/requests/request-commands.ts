import { randomUUID } from 'node:crypto';
import { RequestErrors, requestDecider, requestStreamId, type RequestCommand } from '@familybank/domain-request';
import type { EventStore } from '@familybank/event-store';
import type { Clock } from '../infrastructure/tokens';
import { executeOnStream, type StreamCommandResult } from '../shared/stream-command';

export const REQUEST_EVENT_SCHEMA_VERSION = 1;

export interface RequestCommandContext {
  actor: string;
  commandId?: string;
  correlationId?: string;
  expectedRevision?: number;
}

/** Runs a command on one of `own`'s requests. */
export function executeRequestCommand(
  store: EventStore,
  clock: Clock,
  own: string,
  requestId: string,
  command: RequestCommand,
  context: RequestCommandContext,
): Promise<StreamCommandResult> {
  const commandId = context.commandId ?? randomUUID();
  const address = {
    streamId: requestStreamId(requestId),
    creates: (candidate: RequestCommand) => candidate.type === 'OpenRequest',
    notFound: () => RequestErrors.notFound(requestId),
  };
  return executeOnStream(store, requestDecider, address, command, {
    aggregate: 'REQUEST',
    commandId,
    actor: context.actor,
    municipality: own,
    correlationId: context.correlationId ?? commandId,
    expectedRevision: context.expectedRevision,
    schemaVersion: REQUEST_EVENT_SCHEMA_VERSION,
    now: clock(),
  });
}
