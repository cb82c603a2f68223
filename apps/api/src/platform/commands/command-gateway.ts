import { v5 as uuidv5 } from 'uuid';
import { DomainError, type Message } from '@familybank/domain-core';
import { WrongExpectedRevisionError, type EventStore, type NewEvent, type RecordedEvent } from '@familybank/event-store';
import type { Clock } from '../tokens';
import type { AggregateCommand } from './aggregate-command';
import { aggregateRegistry, type AggregateDefinition, type AggregateRegistry } from './aggregate-registry';
import { KeyedQueue } from './keyed-queue';
import { StateCache, type CachedState } from './state-cache';

const EVENT_ID_NAMESPACE = '0b7f0d86-8f4e-4a55-bb0c-5f3f8e1d2a61';
const MAX_ATTEMPTS = 3;

export interface CommandMeta {
  /** The municipality that acts, and owns the stream. */
  municipality: string;
  /** Token subject, `system:<workflow>` or `partner:<code>`. */
  actor: string;
  /** Event ids derive from it: a retried command appends nothing. */
  commandId: string;
  correlationId: string;
  /** From If-Match: the command is refused (412) unless the stream is at this revision. */
  expectedRevision?: number;
}

export interface CommandResult {
  streamId: string;
  /** Revision of the stream's last event after the command. */
  revision: number;
  /** Global position of the stream's last event: the read side has seen the command once it reaches it. */
  position: number;
  /** Events this command appended (none when it decided nothing or was already applied). */
  appended: number;
}

/** What a caller of the command path needs; process managers and tests depend on this, not on the class. */
export interface CommandExecutor {
  /** Read, decide, append; throws DomainError when the aggregate refuses. */
  execute(target: AggregateCommand, meta: CommandMeta): Promise<CommandResult>;
}

/**
 * The one command path, for HTTP, process managers and sweeps: find the aggregate's stream, bring
 * its cached state up to the stream's last revision, decide, append at that revision. The cost
 * does not grow with history: the state is cached per stream and only newer events are read; the
 * already-applied check is an index look-up of the command's first event id.
 */
export class CommandGateway implements CommandExecutor {
  private readonly cache: StateCache;
  private readonly queue = new KeyedQueue();
  private readonly listeners = new Set<(result: CommandResult) => void>();

  constructor(
    private readonly store: EventStore,
    private readonly clock: Clock,
    private readonly registry: AggregateRegistry = aggregateRegistry(),
    cacheCapacity = 5_000,
  ) {
    this.cache = new StateCache(cacheCapacity);
  }

  /** Called after every command that appended events (projections, relay, process managers wake up). */
  onCommitted(listener: (result: CommandResult) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Drops a stream's cached state (an erased family's personal data stays nowhere in memory). */
  forget(streamId: string): void {
    this.cache.delete(streamId);
  }

  async execute(target: AggregateCommand, meta: CommandMeta): Promise<CommandResult> {
    const definition = this.registry[target.aggregate] as AggregateDefinition;
    const streamId = definition.streamId(target.id, meta.municipality, target.command);
    const result = await this.queue.run(streamId, () => this.executeWithRetries(definition, streamId, target, meta));
    if (result.appended > 0) this.listeners.forEach((listener) => listener(result));
    return result;
  }

  private async executeWithRetries(definition: AggregateDefinition, streamId: string, target: AggregateCommand, meta: CommandMeta): Promise<CommandResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.executeOnce(definition, streamId, target, meta);
      } catch (error) {
        this.cache.delete(streamId);
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        // Another process appended in between: without If-Match, decide again on the newer state.
        if (meta.expectedRevision !== undefined) throw revisionMismatch(definition.errorPrefix, meta.expectedRevision, error.actual);
        if (attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private async executeOnce(definition: AggregateDefinition, streamId: string, target: AggregateCommand, meta: CommandMeta): Promise<CommandResult> {
    const current = await this.load(definition, streamId);
    if (current ? current.owner !== meta.municipality : !definition.creates(target.command)) throw definition.notFound(target.id);
    const revision = current?.revision ?? -1;
    const position = current?.position ?? 0;
    const eventId = (index: number) => uuidv5(`${meta.commandId}:${index}`, EVENT_ID_NAMESPACE);
    if (current && (await this.store.findEvent(streamId, eventId(0)))) return { streamId, revision, position, appended: 0 };
    if (meta.expectedRevision !== undefined && meta.expectedRevision !== revision) throw revisionMismatch(definition.errorPrefix, meta.expectedRevision, revision);

    const now = this.clock();
    const state = current?.state ?? definition.initialState();
    const decided = definition.decide(target.command, state, { now, municipality: meta.municipality });
    if (decided.length === 0) return { streamId, revision, position, appended: 0 };
    const events: NewEvent[] = decided.map((event, index) => ({
      eventId: eventId(index),
      type: event.type,
      data: event.data,
      metadata: {
        actor: meta.actor,
        municipality: meta.municipality,
        correlationId: meta.correlationId,
        causationId: meta.commandId,
        occurredAt: now.toISOString(),
        schemaVersion: definition.schemaVersion,
      },
    }));
    const appended = await this.store.appendToStream(streamId, events, { expectedRevision: revision === -1 ? 'no-stream' : revision });
    this.cache.set(streamId, {
      owner: meta.municipality,
      revision: appended.nextExpectedRevision,
      position: appended.lastPosition,
      state: decided.reduce((folded: unknown, event: Message) => definition.evolve(folded, event), state),
    });
    return { streamId, revision: appended.nextExpectedRevision, position: appended.lastPosition, appended: events.length };
  }

  /** The cached state brought up to the stream's last event, or the whole stream folded; undefined when there is no stream. */
  private async load(definition: AggregateDefinition, streamId: string): Promise<CachedState | undefined> {
    const cached = this.cache.get(streamId);
    const newer = await this.store.readStream(streamId, { fromRevision: cached ? cached.revision + 1 : 0 });
    if (!cached && newer.length === 0) return undefined;
    if (newer.length === 0) return cached;
    const start: CachedState = cached ?? { owner: newer[0]!.metadata.municipality, revision: -1, position: 0, state: definition.initialState() };
    const last = newer[newer.length - 1]!;
    const next: CachedState = {
      owner: start.owner,
      revision: last.revision,
      position: last.position,
      state: newer.reduce((folded: unknown, event: RecordedEvent) => definition.evolve(folded, event), start.state),
    };
    this.cache.set(streamId, next);
    return next;
  }
}

function revisionMismatch(prefix: string, expected: number, actual: number): DomainError {
  return new DomainError(`${prefix}.REVISION_MISMATCH`, 'precondition', `The resource is at revision ${actual}; If-Match named ${expected}. Read it again and retry.`, {
    expected,
    actual,
  });
}
