import type { AggregateCommand } from './aggregate-command';
import type { RecordedFact, WorkflowInput } from './workflow-input';

export interface WorkflowContext {
  now: Date;
}

/**
 * A workflow between aggregates or municipalities, as a decider over what it reacts to:
 * `decide(input, state) → commands`, `evolve(state, input) → state` (STYLE 13). Each instance keeps
 * its own small state; the runner stores it with its checkpoint, executes the commands and hands a
 * refused command back as `CommandRefused`. A manager acts within one municipality: the one whose
 * event it reacts to (for ticks, the one of the instance).
 */
export interface ProcessManager<Input extends WorkflowInput, State> {
  /** Stable: it names the stored state, the checkpoint, the command ids and the actor `system:<name>`. */
  readonly name: string;
  /** Picks this manager's inputs out of everything the runner sees. */
  handles(input: WorkflowInput): input is Input;
  /** The instance a recorded event belongs to (refusals go back to the instance that emitted, ticks to every instance). */
  instanceId(fact: Extract<Input, RecordedFact>): string;
  decide(input: Input, state: State, context: WorkflowContext): AggregateCommand[];
  evolve(state: State, input: Input): State;
  initialState(): State;
}

/** Any manager, as the runner holds them (methods are checked bivariantly, so every manager fits). */
export type AnyProcessManager = ProcessManager<WorkflowInput, unknown>;
