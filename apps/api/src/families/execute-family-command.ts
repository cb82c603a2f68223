import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { FamilyCommand } from '@familybank/domain-family';
import type { EventStore } from '@familybank/event-store';
import { ProjectionRunner } from '@familybank/read-models';
import { OutboxRelay } from '../federation/outbox-relay';
import type { RequestContext } from '../http/request-context';
import { CLOCK, EVENT_STORE, type Clock } from '../infrastructure/tokens';
import type { StreamCommandResult } from '../shared/stream-command';
import { executeFamilyCommand } from './family-commands';

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
    const result = await executeFamilyCommand(this.store, this.clock, context.municipality, familyId, command, context);
    // Read-your-writes: the response (and the next query) already sees the change.
    await this.projections.catchUp();
    // Sharing happens in the background, from the log; this only wakes the relay up early.
    if (result.appended > 0) this.relay.nudge();
    return result;
  }
}
