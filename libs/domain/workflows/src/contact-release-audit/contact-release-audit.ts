import { readAuditDay } from '@familybank/domain-audit';
import { assertNever } from '@familybank/domain-core';
import type { ProcessManager } from '../process-manager';
import type { OfferFact, WorkflowInput } from '../workflow-input';
import { OWNER_ACCEPTANCE } from '../owner-acceptance/owner-acceptance';

/**
 * Every release of a family's contact details to a partner is an entry in the audit of reads, on the
 * day's read-audit stream of the owner: the offer names the family and the requester, its disclosure
 * the assignment. The owner-acceptance saga releases them once the family is reserved, so it is named
 * as the one who released. One instance per offer; own placements release nothing.
 */
export type ContactReleaseAuditInput = Extract<OfferFact, { type: 'OfferMade' | 'ContactDetailsDisclosed' }>;

export interface ContactReleaseAuditState {
  offer?: { familyId: string; recipient: string; own: boolean };
}

export const CONTACT_RELEASE_AUDIT = 'contact-release-audit';

export const contactReleaseAudit: ProcessManager<ContactReleaseAuditInput, ContactReleaseAuditState> = {
  name: CONTACT_RELEASE_AUDIT,
  handles: (input: WorkflowInput): input is ContactReleaseAuditInput =>
    input.kind === 'event' && input.aggregate === 'offer' && (input.type === 'OfferMade' || input.type === 'ContactDetailsDisclosed'),
  instanceId: (fact) => fact.aggregateId,
  initialState: () => ({}),
  decide: (input, state) => {
    switch (input.type) {
      case 'OfferMade':
        return [];
      case 'ContactDetailsDisclosed': {
        if (!state.offer || state.offer.own) return [];
        const { familyId, recipient } = state.offer;
        const data = { familyId, recipient, offerId: input.aggregateId, assignmentId: input.data.assignmentId, releasedAt: input.occurredAt, releasedBy: `system:${OWNER_ACCEPTANCE}` };
        return [{ aggregate: 'read-audit', id: readAuditDay(input.occurredAt), command: { type: 'RecordContactRelease', data } }];
      }
      default:
        return assertNever(input);
    }
  },
  evolve: (state, input) => {
    switch (input.type) {
      case 'OfferMade':
        return { offer: { familyId: input.data.familyId, recipient: input.data.requester.municipality, own: input.data.own === true } };
      case 'ContactDetailsDisclosed':
        return state;
      default:
        return assertNever(input);
    }
  },
};
