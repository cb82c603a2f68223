import { isoDate, type IsoDate } from '@familybank/domain-core';
import type { ProcessManager } from '../process-manager';
import type { FamilyFact, Tick, WorkflowInput } from '../workflow-input';

/**
 * No expired family stays available (a network family's provisional approval is valid until its
 * deadline, so it lapses here too when no full approval came in time): when time passes, every family whose approval ran out (valid
 * until a day before today) while it is approved, available or suspended gets ApprovalExpired.
 * It knows those families from their approvals and renewals; expiry and retirement let go of them.
 * One instance per municipality.
 */
export type ApprovalExpiryInput = Extract<FamilyFact, { type: 'FamilyApproved' | 'FamilyProvisionallyApproved' | 'ApprovalRenewed' | 'ApprovalExpired' | 'FamilyRetired' }> | Tick;

export interface ApprovalExpiryState {
  /** Families in an approved stage, by id, with the last day of their approval. */
  validUntil: Record<string, IsoDate>;
}

export const APPROVAL_EXPIRY = 'approval-expiry';

const TYPES: ReadonlySet<string> = new Set(['FamilyApproved', 'FamilyProvisionallyApproved', 'ApprovalRenewed', 'ApprovalExpired', 'FamilyRetired']);

export const approvalExpiry: ProcessManager<ApprovalExpiryInput, ApprovalExpiryState> = {
  name: APPROVAL_EXPIRY,
  handles: (input: WorkflowInput): input is ApprovalExpiryInput => input.kind === 'tick' || (input.kind === 'event' && input.aggregate === 'family' && TYPES.has(input.type)),
  instanceId: (fact) => fact.municipality,
  initialState: () => ({ validUntil: {} }),
  decide: (input, { validUntil }) => {
    if (input.kind !== 'tick') return [];
    const today = isoDate(input.now);
    return Object.entries(validUntil)
      .filter(([, until]) => until < today)
      .map(([familyId]) => ({ aggregate: 'family', id: familyId, command: { type: 'ExpireApproval', data: {} } }));
  },
  evolve: (state, input) => {
    if (input.kind === 'tick') return state;
    const { [input.aggregateId]: _gone, ...others } = state.validUntil;
    switch (input.type) {
      case 'FamilyApproved':
      case 'FamilyProvisionallyApproved':
      case 'ApprovalRenewed':
        // A renewal also brings an expired approval back to approved.
        return { validUntil: { ...others, [input.aggregateId]: input.data.validUntil } };
      default:
        return { validUntil: others };
    }
  },
};
