import { expect } from '@jest/globals';
import { MessageContractError, type Draft } from '@familybank/exchange';

/**
 * given(lookups).when(event).then(drafts) | .thenNothing() | .thenRefusedAtTheSender(field):
 * the shape of the deciders' specifications, for a pure event → message mapper.
 */
export function mapperSpecification<Event, Lookups>(mapper: (event: Event, lookups: Lookups) => Draft[]) {
  return {
    given(lookups: Lookups) {
      return {
        when(event: Event) {
          const run = () => mapper(event, lookups);
          return {
            then(expected: Draft[]) {
              expect(run()).toEqual(expected);
            },
            thenNothing() {
              expect(run()).toEqual([]);
            },
            /** A mapper (or lookup) bug: the payload breaks the topic's contract and is never signed. */
            thenRefusedAtTheSender(field: string) {
              expect(run).toThrow(MessageContractError);
              expect(run).toThrow(field);
            },
          };
        },
      };
    },
  };
}
