import { randomUUID } from 'node:crypto';
import { FAMILY_EVENT_SCHEMA_VERSION, FamilyErrors, familyDecider, familyStreamId, type FamilyCommand } from '@familybank/domain-family';
import type { EventStore } from '@familybank/event-store';
import type { Clock } from '../infrastructure/tokens';
import { executeOnStream, type StreamCommandResult } from '../shared/stream-command';

export interface FamilyCommandContext {
  actor: string;
  commandId?: string;
  correlationId?: string;
  expectedRevision?: number;
}

/** Runs a command on one of `own`'s families (from HTTP, or from the acceptance saga). */
export function executeFamilyCommand(
  store: EventStore,
  clock: Clock,
  own: string,
  familyId: string,
  command: FamilyCommand,
  context: FamilyCommandContext,
): Promise<StreamCommandResult> {
  const commandId = context.commandId ?? randomUUID();
  const address = {
    streamId: familyStreamId(familyId),
    creates: (candidate: FamilyCommand) => candidate.type === 'RegisterFamily',
    notFound: () => FamilyErrors.notFound(familyId),
  };
  return executeOnStream(store, familyDecider, address, command, {
    aggregate: 'FAMILY',
    commandId,
    actor: context.actor,
    municipality: own,
    correlationId: context.correlationId ?? commandId,
    expectedRevision: context.expectedRevision,
    schemaVersion: FAMILY_EVENT_SCHEMA_VERSION,
    now: clock(),
  });
}
