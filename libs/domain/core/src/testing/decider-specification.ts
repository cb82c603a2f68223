import { expect } from '@jest/globals';
import type { DecisionContext, Decider, Message } from '../decider';
import { DomainError } from '../domain-error';

/**
 * given(pastEvents).when(command).then(newEvents) | .thenThrows(code)
 * Test-only helper (imports Jest); not exported from the library's index.
 */
export function deciderSpecification<C extends Message, E extends Message, S>(decider: Decider<C, E, S>, context: DecisionContext) {
  return {
    given(events: E[]) {
      const state = events.reduce(decider.evolve, decider.initialState());
      return {
        when(command: C) {
          const run = () => decider.decide(command, state, context);
          return {
            then(expected: E[]) {
              expect(run()).toEqual(expected);
            },
            thenThrows(code: string, details?: Record<string, unknown>) {
              let error: unknown;
              try {
                run();
              } catch (caught) {
                error = caught;
              }
              expect(error).toBeInstanceOf(DomainError);
              expect((error as DomainError).code).toBe(code);
              if (details) expect((error as DomainError).details).toMatchObject(details);
            },
          };
        },
      };
    },
  };
}
