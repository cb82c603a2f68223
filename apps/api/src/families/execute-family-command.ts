import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { v5 as uuidv5 } from 'uuid';
import { DomainError } from '@familybank/domain-core';
import { FAMILY_EVENT_SCHEMA_VERSION, FamilyErrors, familyDecider, familyStreamId, type FamilyCommand, type FamilyEvent } from '@familybank/domain-family';
import { WrongExpectedRevisionError, type EventStore, type NewEvent, type RecordedEvent } from '@familybank/event-store';
import { ProjectionRunner } from '@familybank/read-models';
import type { RequestContext } from '../http/request-context';
import { CLOCK, EVENT_STORE, type Clock } from '../infrastructure/tokens';

export class ExecuteFamilyCommand {
  constructor(
    readonly familyId: string,
    readonly command: FamilyCommand,
    readonly context: Omit<RequestContext, 'principal'> & { actor: string; municipality: string },
  ) {}
}

export interface FamilyCommandResult {
  revision: number;
  position: number;
}

const EVENT_ID_NAMESPACE = '0b7f0d86-8f4e-4a55-bb0c-5f3f8e1d2a61';
const MAX_ATTEMPTS = 3;

/** Load the family's stream, fold it, decide, append at the revision it was read at. */
@CommandHandler(ExecuteFamilyCommand)
export class ExecuteFamilyCommandHandler implements ICommandHandler<ExecuteFamilyCommand, FamilyCommandResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(ProjectionRunner) private readonly projections: ProjectionRunner,
  ) {}

  async execute(command: ExecuteFamilyCommand): Promise<FamilyCommandResult> {
    const result = await this.withRetries(command);
    // Read-your-writes: the response (and the next query) already sees the change.
    await this.projections.catchUp();
    return result;
  }

  private async withRetries(command: ExecuteFamilyCommand, attempt = 1): Promise<FamilyCommandResult> {
    try {
      return await this.executeOnce(command);
    } catch (error) {
      const retryable = error instanceof WrongExpectedRevisionError && command.context.expectedRevision === undefined && attempt < MAX_ATTEMPTS;
      if (retryable) return this.withRetries(command, attempt + 1);
      // With If-Match the caller named a revision that is gone (412); without, repeated contention (409).
      if (error instanceof WrongExpectedRevisionError && command.context.expectedRevision !== undefined) {
        throw revisionMismatch(command.context.expectedRevision, error.actual);
      }
      throw error;
    }
  }

  private async executeOnce({ familyId, command, context }: ExecuteFamilyCommand): Promise<FamilyCommandResult> {
    const streamId = familyStreamId(familyId);
    const history = await this.store.readStream(streamId);
    const owner = history[0]?.metadata.municipality;
    if (history.length > 0 && owner !== context.municipality) throw FamilyErrors.notFound(familyId);
    if (history.length === 0 && command.type !== 'RegisterFamily') throw FamilyErrors.notFound(familyId);
    const current = history.length - 1;
    const eventIds = (count: number) => Array.from({ length: count }, (_, index) => uuidv5(`${context.commandId}:${index}`, EVENT_ID_NAMESPACE));
    const alreadyApplied = history.find((event) => event.eventId === eventIds(1)[0]);
    if (alreadyApplied) return { revision: current, position: history[current]!.position };
    if (context.expectedRevision !== undefined && context.expectedRevision !== current) throw revisionMismatch(context.expectedRevision, current);

    const state = history.map((event) => event as RecordedEvent & FamilyEvent).reduce(familyDecider.evolve, familyDecider.initialState());
    const now = this.clock();
    const decided = familyDecider.decide(command, state, { now });
    const ids = eventIds(decided.length);
    const events: NewEvent[] = decided.map((event, index) => ({
      eventId: ids[index]!,
      type: event.type,
      data: event.data,
      metadata: {
        actor: context.actor,
        municipality: context.municipality,
        correlationId: context.correlationId,
        causationId: context.commandId,
        occurredAt: now.toISOString(),
        schemaVersion: FAMILY_EVENT_SCHEMA_VERSION,
      },
    }));
    const appended = await this.store.appendToStream(streamId, events, { expectedRevision: current === -1 ? 'no-stream' : current });
    return { revision: appended.nextExpectedRevision, position: appended.lastPosition };
  }
}

function revisionMismatch(expected: number, actual: number): DomainError {
  return new DomainError('FAMILY.REVISION_MISMATCH', 'precondition', `The family is at revision ${actual}; If-Match named ${expected}. Read it again and retry.`, {
    expected,
    actual,
  });
}
