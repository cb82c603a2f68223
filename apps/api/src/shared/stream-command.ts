import { v5 as uuidv5 } from 'uuid';
import { DomainError, type DecisionContext, type Message } from '@familybank/domain-core';
import { WrongExpectedRevisionError, type EventStore, type NewEvent, type RecordedEvent } from '@familybank/event-store';

const EVENT_ID_NAMESPACE = '0b7f0d86-8f4e-4a55-bb0c-5f3f8e1d2a61';
const MAX_ATTEMPTS = 3;

export interface StreamDecider<C extends Message, E extends Message, S> {
  decide(command: C, state: S, context: DecisionContext): E[];
  evolve(state: S, event: E): S;
  initialState(): S;
}

export interface StreamAddress<C> {
  streamId: string;
  /** Commands that may start the stream; any other command on a missing stream is not found. */
  creates(command: C): boolean;
  notFound(): DomainError;
}

export interface CommandMetadata {
  /** Prefix of the aggregate's error codes, e.g. FAMILY → FAMILY.REVISION_MISMATCH. */
  aggregate: string;
  commandId: string;
  actor: string;
  municipality: string;
  correlationId: string;
  expectedRevision?: number;
  schemaVersion: number;
  now: Date;
}

export interface StreamCommandResult {
  revision: number;
  position: number;
  /** Events this command appended (none when it decided nothing or was already applied). */
  appended: number;
}

/**
 * The command cycle of every aggregate: read the stream, fold, decide, append at the revision read.
 * Event ids derive from the command id, so a retried command is recognised and appends nothing;
 * a concurrent writer leads to a re-read (without If-Match) or a precondition failure (with it).
 * A stream owned by another municipality is reported as not found.
 */
export async function executeOnStream<C extends Message, E extends Message, S>(
  store: EventStore,
  decider: StreamDecider<C, E, S>,
  address: StreamAddress<C>,
  command: C,
  meta: CommandMetadata,
  attempt = 1,
): Promise<StreamCommandResult> {
  try {
    return await executeOnce(store, decider, address, command, meta);
  } catch (error) {
    if (!(error instanceof WrongExpectedRevisionError)) throw error;
    if (meta.expectedRevision !== undefined) throw revisionMismatch(meta.aggregate, meta.expectedRevision, error.actual);
    if (attempt < MAX_ATTEMPTS) return executeOnStream(store, decider, address, command, meta, attempt + 1);
    throw error;
  }
}

async function executeOnce<C extends Message, E extends Message, S>(
  store: EventStore,
  decider: StreamDecider<C, E, S>,
  { streamId, creates, notFound }: StreamAddress<C>,
  command: C,
  meta: CommandMetadata,
): Promise<StreamCommandResult> {
  const history = await store.readStream(streamId);
  if (history.length > 0 && history[0]!.metadata.municipality !== meta.municipality) throw notFound();
  if (history.length === 0 && !creates(command)) throw notFound();
  const current = history.length - 1;
  const eventId = (index: number) => uuidv5(`${meta.commandId}:${index}`, EVENT_ID_NAMESPACE);
  if (history.some((event) => event.eventId === eventId(0))) return { revision: current, position: history[current]!.position, appended: 0 };
  if (meta.expectedRevision !== undefined && meta.expectedRevision !== current) throw revisionMismatch(meta.aggregate, meta.expectedRevision, current);

  const state = history.map((event) => event as RecordedEvent & E).reduce(decider.evolve, decider.initialState());
  const decided = decider.decide(command, state, { now: meta.now });
  if (decided.length === 0) return { revision: current, position: history[current]?.position ?? 0, appended: 0 };
  const events: NewEvent[] = decided.map((event, index) => ({
    eventId: eventId(index),
    type: event.type,
    data: event.data,
    metadata: {
      actor: meta.actor,
      municipality: meta.municipality,
      correlationId: meta.correlationId,
      causationId: meta.commandId,
      occurredAt: meta.now.toISOString(),
      schemaVersion: meta.schemaVersion,
    },
  }));
  const appended = await store.appendToStream(streamId, events, { expectedRevision: current === -1 ? 'no-stream' : current });
  return { revision: appended.nextExpectedRevision, position: appended.lastPosition, appended: events.length };
}

function revisionMismatch(aggregate: string, expected: number, actual: number): DomainError {
  return new DomainError(`${aggregate}.REVISION_MISMATCH`, 'precondition', `The resource is at revision ${actual}; If-Match named ${expected}. Read it again and retry.`, {
    expected,
    actual,
  });
}
