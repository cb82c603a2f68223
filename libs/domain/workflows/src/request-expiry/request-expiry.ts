import { isoDate, type IsoDate } from '@familybank/domain-core';
import type { ProcessManager } from '../process-manager';
import type { RequestFact, Tick, WorkflowInput } from '../workflow-input';

/**
 * An open request whose start date has passed without a family expires when time passes: partners
 * see it closed, and their offers for it are declined (a reserved place freed) on their side.
 * It knows the open requests from their opening; filling, withdrawal and expiry let go of them.
 * One instance per municipality.
 */
export type RequestExpiryInput = Extract<RequestFact, { type: 'RequestOpened' | 'RequestFilled' | 'RequestWithdrawn' | 'RequestExpired' }> | Tick;

export interface RequestExpiryState {
  /** Open requests, by id, with the day the child should have started. */
  startDate: Record<string, IsoDate>;
}

export const REQUEST_EXPIRY = 'request-expiry';

const TYPES: ReadonlySet<string> = new Set(['RequestOpened', 'RequestFilled', 'RequestWithdrawn', 'RequestExpired']);

export const requestExpiry: ProcessManager<RequestExpiryInput, RequestExpiryState> = {
  name: REQUEST_EXPIRY,
  handles: (input: WorkflowInput): input is RequestExpiryInput => input.kind === 'tick' || (input.kind === 'event' && input.aggregate === 'request' && TYPES.has(input.type)),
  instanceId: (fact) => fact.municipality,
  initialState: () => ({ startDate: {} }),
  decide: (input, { startDate }) => {
    if (input.kind !== 'tick') return [];
    const today = isoDate(input.now);
    return Object.entries(startDate)
      .filter(([, start]) => start < today)
      .map(([requestId]) => ({ aggregate: 'request', id: requestId, command: { type: 'ExpireRequest', data: {} } }));
  },
  evolve: (state, input) => {
    if (input.kind === 'tick') return state;
    const { [input.aggregateId]: _closed, ...open } = state.startDate;
    return input.type === 'RequestOpened' ? { startDate: { ...open, [input.aggregateId]: input.data.needs.startDate } } : { startDate: open };
  },
};
