import { Logger } from '@nestjs/common';
import { DomainError } from '@familybank/domain-core';
import { recordedFact, type AggregateCommand, type AnyProcessManager, type CommandRefused, type Tick, type WorkflowInput } from '@familybank/domain-workflows';
import type { EventStore, RecordedEvent } from '@familybank/event-store';
import type { Clock } from '../platform/tokens';
import type { CommandExecutor } from '../platform/commands/command-gateway';
import { checkpointDue } from '../platform/runners/checkpoint-pace';
import type { ManagerProgress, StoredInstance, WorkflowStore } from './workflow-store';
import { commandIdFor, eventTrigger, tickTrigger, type Trigger } from './workflow-trigger';

/** A refusal may be answered with commands that are refused in turn; deeper than this is a manager's bug, not a workflow. */
const MAX_REFUSAL_DEPTH = 3;

/**
 * An instance a batch acted on, and its state as it was read. Managers evolve without mutating, so
 * a state that changed is another object: comparing references costs nothing on the hot path.
 */
interface TouchedInstance {
  instance: StoredInstance;
  loaded: unknown;
}

export interface ProcessManagerRunnerOptions {
  /** Events per transaction; commands run between reads, so smaller batches redo less after a crash. */
  batchSize?: number;
}

export interface ProcessManagerStatus {
  status: 'up' | 'degraded';
  /** Events in the log that not every workflow has seen yet. */
  lag: number;
  detail?: string;
}

/**
 * Drives every process manager from the event log, from checkpoints in its own store. For each event
 * a manager handles, the manager's instance decides, the gateway executes the commands, and a refused
 * command goes back to the same instance as `CommandRefused`. Command ids derive from the triggering
 * event (or tick), the manager, the instance and the command's place, so a batch replayed after a
 * crash appends nothing twice; states and checkpoints of a batch are written together, and only
 * after all its commands went through. Any error but a refusal stops the batch (retried next run).
 */
export class ProcessManagerRunner {
  private readonly logger = new Logger('ProcessManagers');
  private running: Promise<unknown> = Promise.resolve();
  private queued?: Promise<number>;
  private started = false;
  private lastFailure?: { at: string; message: string };
  /**
   * Each manager's progress as processed, once started. A batch that touched no instance stores
   * its checkpoint only now and then (see checkpointDue), so this may be ahead of the store.
   */
  private progress?: Map<string, ManagerProgress>;
  /** The lowest position in the store, as last written. */
  private stored = 0;

  constructor(
    private readonly events: EventStore,
    private readonly store: WorkflowStore,
    private readonly gateway: CommandExecutor,
    private readonly managers: readonly AnyProcessManager[],
    private readonly clock: Clock,
    private readonly options: ProcessManagerRunnerOptions = {},
  ) {}

  /** Runs to the end of the log; callers while a run waits to start share it. Resolves with the position reached. */
  run(): Promise<number> {
    if (this.queued) return this.queued;
    const start = () => {
      this.queued = undefined;
      return this.runToEnd();
    };
    this.queued = this.enqueue(start);
    return this.queued;
  }

  /** Starts a run in the background (after an append); nudges coalesce, errors are kept for status(). */
  nudge(): void {
    this.run().catch(() => undefined);
  }

  /**
   * Time passed: after running to the end of the log, every instance of a manager that handles
   * ticks decides on `now` (the sweeps). Queued with the runs. Resolves with the commands each of
   * those managers got through, by name (e.g. `{ 'approval-expiry': 1, 'request-expiry': 0 }`).
   */
  tick(now: Date = this.clock()): Promise<Record<string, number>> {
    const deliver = async () => {
      await this.runToEnd();
      return this.deliverTick({ kind: 'tick', now });
    };
    return this.enqueue(deliver);
  }

  /** Runs after whatever runs now, failed or not; a failure is kept for status() until something succeeds. */
  private enqueue<T>(work: () => Promise<T>): Promise<T> {
    const queued = this.running.then(work, work);
    this.running = queued;
    queued.then(
      () => (this.lastFailure = undefined),
      (error: Error) => {
        if (!this.lastFailure) this.logger.warn(`Workflows paused: ${error.message}`);
        this.lastFailure = { at: this.clock().toISOString(), message: error.message };
      },
    );
    return queued;
  }

  /** The log position every manager has passed. */
  position(): number {
    const positions = this.managers.map((manager) => (this.progress ?? this.storedProgress()).get(manager.name)?.position ?? 0);
    return positions.length ? Math.min(...positions) : 0;
  }

  private storedProgress(): Map<string, ManagerProgress | undefined> {
    return new Map(this.managers.map((manager) => [manager.name, this.store.progress(manager.name)]));
  }

  /** For /ready: degraded while the last run failed; the lag says how far the workflows are behind. */
  async status(): Promise<ProcessManagerStatus> {
    const lag = Math.max(0, (await this.events.lastPosition()) - this.position());
    if (this.lastFailure) return { status: 'degraded', lag, detail: `Workflows paused since ${this.lastFailure.at} (${this.lastFailure.message}); ${lag} events waiting` };
    return lag > 0 ? { status: 'up', lag, detail: `${lag} events waiting for the workflows` } : { status: 'up', lag };
  }

  private async runToEnd(): Promise<number> {
    await this.start();
    for (;;) {
      const from = this.position();
      const batch = await this.events.readAll({ after: from, limit: this.options.batchSize ?? 100 });
      if (batch.length === 0) return from;
      await this.process(batch);
    }
  }

  /** A manager met for the first time folds the history already in the log and acts only on what follows. */
  private async start(): Promise<void> {
    if (this.started) return;
    const end = await this.events.lastPosition();
    for (const manager of this.managers) this.store.begin(manager.name, end);
    this.progress = this.storedProgress() as Map<string, ManagerProgress>;
    this.stored = this.position();
    this.started = true;
  }

  private async process(batch: RecordedEvent[]): Promise<void> {
    const progress = this.progress!;
    const touched = new Map<string, TouchedInstance>();
    for (const event of batch) {
      const { eventId, streamId, type, data, metadata } = event;
      const fact = recordedFact({ eventId, streamId, type, data, municipality: metadata.municipality, occurredAt: metadata.occurredAt });
      if (!fact) continue;
      for (const manager of this.managers) {
        const { position, activeFrom } = progress.get(manager.name)!;
        if (event.position <= position || !manager.handles(fact)) continue;
        const instance = this.instance(manager, manager.instanceId(fact), fact.municipality, touched);
        instance.state = event.position > activeFrom ? await this.act(manager, instance, fact, eventTrigger(event, manager)) : manager.evolve(instance.state, fact);
      }
    }
    const last = batch[batch.length - 1]!.position;
    const positions = new Map([...progress].map(([name, { position }]: [string, ManagerProgress]) => [name, Math.max(position, last)]));
    // Only states that changed are written: an instance that is absent reads as the initial state,
    // so a manager whose state stays as it was (network-family's never changes) costs no row.
    const changed = [...touched.values()].filter(({ instance, loaded }) => instance.state !== loaded).map(({ instance }) => instance);
    if (changed.length > 0 || checkpointDue(this.stored, last)) {
      this.store.save(changed, positions);
      this.stored = last;
    }
    for (const [name, position] of positions) progress.set(name, { ...progress.get(name)!, position });
  }

  private async deliverTick(tick: Tick): Promise<Record<string, number>> {
    const executed: Record<string, number> = {};
    for (const manager of this.managers.filter((candidate) => candidate.handles(tick))) {
      executed[manager.name] = 0;
      const changed: StoredInstance[] = [];
      for (const instance of this.store.instances(manager.name)) {
        const before = JSON.stringify(instance.state);
        instance.state = await this.act(manager, instance, tick, tickTrigger(tick.now, manager, instance.municipality), () => executed[manager.name]!++);
        if (JSON.stringify(instance.state) !== before) changed.push(instance);
      }
      this.store.save(changed);
    }
    return executed;
  }

  /** Decides, evolves and executes; a refusal is decided on by the same instance, after the input that caused it. */
  private async act(manager: AnyProcessManager, instance: StoredInstance, input: WorkflowInput, trigger: Trigger, onExecuted = () => undefined as void, step = ''): Promise<unknown> {
    const commands = manager.decide(input, instance.state, { now: input.kind === 'tick' ? input.now : this.clock() });
    let state = manager.evolve(instance.state, input);
    for (const [index, target] of commands.entries()) {
      const place = `${step}${index}`;
      const refusal = await this.execute(manager, instance, target, trigger, place);
      if (!refusal) {
        onExecuted();
        continue;
      }
      if (!manager.handles(refusal)) continue;
      if (place.split('.').length > MAX_REFUSAL_DEPTH) {
        this.logger.warn(`${manager.name} ${instance.instanceId}: refusals nested deeper than ${MAX_REFUSAL_DEPTH}; ${refusal.code} not handed back`);
        continue;
      }
      state = await this.act(manager, { ...instance, state }, refusal, trigger, onExecuted, `${place}.`);
    }
    return state;
  }

  /** Executes one command; a refusal comes back as the input the manager decides on, anything else is thrown. */
  private async execute(manager: AnyProcessManager, instance: StoredInstance, target: AggregateCommand, trigger: Trigger, place: string): Promise<CommandRefused | undefined> {
    const commandId = commandIdFor(trigger, manager, instance.instanceId, place);
    try {
      await this.gateway.execute(target, { municipality: trigger.municipality, actor: trigger.actor, commandId, correlationId: trigger.correlationId });
      return undefined;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      this.logger.debug(`${manager.name} ${instance.instanceId}: ${target.command.type} on ${target.aggregate} ${target.id} refused: ${error.code}`);
      return { kind: 'refused', command: target, code: error.code, message: error.message };
    }
  }

  private instance(manager: AnyProcessManager, instanceId: string, municipality: string, touched: Map<string, TouchedInstance>): StoredInstance {
    const key = `${manager.name}|${instanceId}`;
    const known = touched.get(key);
    if (known) return known.instance;
    const instance = this.store.instance(manager.name, instanceId) ?? { manager: manager.name, instanceId, municipality, state: manager.initialState() };
    touched.set(key, { instance, loaded: instance.state });
    return instance;
  }
}
