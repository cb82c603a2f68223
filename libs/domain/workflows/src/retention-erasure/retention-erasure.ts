import { isoDate, type IsoDate } from '@familybank/domain-core';
import type { AggregateCommand } from '../aggregate-command';
import type { ProcessManager } from '../process-manager';
import type { CommandRefused, FamilyFact, Tick, WorkflowInput } from '../workflow-input';

/**
 * Two years after a family is rejected or retired, its personal data is erased unless configured
 * otherwise (RETENTION_DAYS_AFTER_CLOSE): long enough for a complaint, an appeal or a renewed
 * application to refer back to the assessment; after that the data serves no purpose left
 * (storage limitation, GDPR art. 5(1)(e)). A municipality whose records schedule says otherwise
 * configures it; 0 turns retention off.
 */
export const DEFAULT_RETENTION_DAYS_AFTER_CLOSE = 730;

export const RETENTION_ERASURE = 'retention-erasure';

export type RetentionErasureInput = Extract<FamilyFact, { type: 'FamilyRejected' | 'FamilyRetired' | 'FamilyErased' | 'AssignmentEnded' }> | CommandRefused | Tick;

export interface ClosedFamily {
  closedOn: IsoDate;
  why: 'rejected' | 'retired';
  /** Refused while a child is placed with it: tried again once an assignment ends. */
  blocked?: true;
}

export interface RetentionErasureState {
  /** Rejected or retired families not erased yet, by id. */
  closed: Record<string, ClosedFamily>;
}

const TYPES: ReadonlySet<string> = new Set(['FamilyRejected', 'FamilyRetired', 'FamilyErased', 'AssignmentEnded']);

const addDays = (day: IsoDate, days: number): IsoDate => isoDate(new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000));

/**
 * Retention as a sweep: when time passes, each family closed (rejected or retired) at least `days`
 * days ago is erased through the family's own rule (EraseFamily), which refuses while a child is
 * placed with it. One instance per municipality.
 */
export function retentionErasure(days: number = DEFAULT_RETENTION_DAYS_AFTER_CLOSE): ProcessManager<RetentionErasureInput, RetentionErasureState> {
  return {
    name: RETENTION_ERASURE,
    handles: (input: WorkflowInput): input is RetentionErasureInput =>
      input.kind === 'tick' ||
      (input.kind === 'refused' && input.command.command.type === 'EraseFamily') ||
      (input.kind === 'event' && input.aggregate === 'family' && TYPES.has(input.type)),
    instanceId: (fact) => fact.municipality,
    initialState: () => ({ closed: {} }),
    decide: (input, { closed }) => {
      if (input.kind !== 'tick' || days === 0) return [];
      const today = isoDate(input.now);
      return Object.entries(closed)
        .filter(([, family]) => !family.blocked && addDays(family.closedOn, days) <= today)
        .map(([familyId, family]): AggregateCommand => ({
          aggregate: 'family',
          id: familyId,
          command: { type: 'EraseFamily', data: { reason: `Retention: ${family.why} on ${family.closedOn}, personal data kept ${days} days after closing` } },
        }));
    },
    evolve: (state, input) => {
      if (input.kind === 'tick') return state;
      if (input.kind === 'refused') return afterRefusal(state, input);
      const { [input.aggregateId]: known, ...others } = state.closed;
      switch (input.type) {
        case 'FamilyRejected':
        case 'FamilyRetired':
          // Retention runs from the first close: a rejected family retired later is not kept longer.
          return { closed: { ...others, [input.aggregateId]: known ?? { closedOn: input.occurredAt.slice(0, 10), why: input.type === 'FamilyRejected' ? 'rejected' : 'retired' } } };
        case 'AssignmentEnded':
          return known ? { closed: { ...others, [input.aggregateId]: { closedOn: known.closedOn, why: known.why } } } : state;
        case 'FamilyErased':
          return { closed: others };
      }
    },
  };
}

/** Blocked by a placement: wait for its end; erased or gone already: forget it. */
function afterRefusal(state: RetentionErasureState, refusal: CommandRefused): RetentionErasureState {
  const familyId = refusal.command.id;
  const { [familyId]: known, ...others } = state.closed;
  if (!known) return state;
  return refusal.code === 'FAMILY.ERASURE_BLOCKED_BY_ASSIGNMENT' ? { closed: { ...others, [familyId]: { ...known, blocked: true } } } : { closed: others };
}
