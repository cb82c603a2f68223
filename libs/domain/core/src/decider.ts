/** Time and identity are passed in, never read inside the domain. */
export interface DecisionContext {
  now: Date;
}

export interface Message<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}

export interface Decider<Command extends Message, Event extends Message, State> {
  decide(command: Command, state: State, context: DecisionContext): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

export function fold<Event, State>(evolve: (state: State, event: Event) => State, initial: State, events: readonly Event[]): State {
  return events.reduce(evolve, initial);
}

/** Compile-time exhaustiveness: a new command or event type that nobody handles fails to build. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
