import { expect } from '@jest/globals';
import type { AggregateCommand } from '../aggregate-command';
import type { ProcessManager, WorkflowContext } from '../process-manager';
import type { RecordedFact, WorkflowInput } from '../workflow-input';

export const SPECIFICATION_NOW = new Date('2026-03-10T09:00:00.000Z');

/**
 * given(pastInputs).when(input).then(commands), for process managers as `deciderSpecification` is
 * for aggregates. Every input must be one the manager handles, and every recorded event among them
 * must belong to one instance, as the runner would route it.
 */
export function processManagerSpecification<Input extends WorkflowInput, State>(manager: ProcessManager<Input, State>, context: WorkflowContext = { now: SPECIFICATION_NOW }) {
  const routed = (inputs: WorkflowInput[]): Input[] => {
    for (const input of inputs) expect({ input, handled: manager.handles(input) }).toEqual({ input, handled: true });
    const handled = inputs as Input[];
    const instances = new Set(handled.filter((input): input is Extract<Input, RecordedFact> => input.kind === 'event').map((fact) => manager.instanceId(fact)));
    expect(instances.size).toBeLessThanOrEqual(1);
    return handled;
  };
  return {
    given(past: WorkflowInput[]) {
      return {
        when(input: WorkflowInput) {
          const [current, ...history] = routed([input, ...past]);
          const state = history.reduce(manager.evolve, manager.initialState());
          return {
            then(expected: AggregateCommand[]) {
              expect(manager.decide(current!, state, context)).toEqual(expected);
            },
            /** The state after the input, for the rare rule that shows only in what the manager remembers. */
            thenState(expected: State) {
              expect(manager.evolve(state, current!)).toEqual(expected);
            },
          };
        },
      };
    },
    /** The manager does not react to this input at all. */
    ignores(input: WorkflowInput) {
      expect(manager.handles(input)).toBe(false);
    },
  };
}
