import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { FAMILY_EVENT_SCHEMA_VERSION, FamilyErrors, familyDecider, familyStreamId, type FamilyCommand } from '@familybank/domain-family';
import type { EventStore } from '@familybank/event-store';
import { ProjectionRunner } from '@familybank/read-models';
import { OutboxRelay } from '../federation/outbox-relay';
import type { RequestContext } from '../http/request-context';
import { CLOCK, EVENT_STORE, type Clock } from '../infrastructure/tokens';
import { executeOnStream, type StreamCommandResult } from '../shared/stream-command';

export class ExecuteFamilyCommand {
  constructor(
    readonly familyId: string,
    readonly command: FamilyCommand,
    readonly context: Omit<RequestContext, 'principal'> & { actor: string; municipality: string },
  ) {}
}

export type FamilyCommandResult = StreamCommandResult;

/** Load the family's stream, fold it, decide, append at the revision it was read at. */
@CommandHandler(ExecuteFamilyCommand)
export class ExecuteFamilyCommandHandler implements ICommandHandler<ExecuteFamilyCommand, FamilyCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ProjectionRunner) private readonly projections: ProjectionRunner,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
  ) {}

  async execute({ familyId, command, context }: ExecuteFamilyCommand): Promise<FamilyCommandResult> {
    const address = {
      streamId: familyStreamId(familyId),
      creates: (candidate: FamilyCommand) => candidate.type === 'RegisterFamily',
      notFound: () => FamilyErrors.notFound(familyId),
    };
    const meta = { ...context, aggregate: 'FAMILY', schemaVersion: FAMILY_EVENT_SCHEMA_VERSION, now: this.clock() };
    const result = await executeOnStream(this.store, familyDecider, address, command, meta);
    // Read-your-writes: the response (and the next query) already sees the change.
    await this.projections.catchUp();
    // Sharing happens in the background, from the log; this only wakes the relay up early.
    if (result.appended > 0) this.relay.nudge();
    return result;
  }
}
