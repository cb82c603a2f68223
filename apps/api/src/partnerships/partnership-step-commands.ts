import { assertNever } from '@familybank/domain-core';
import type { PartnershipCommand } from '@familybank/domain-partnership';
import type { PartnershipStepMapper } from '../federation/directory-consumer';

/**
 * What we record of a partner's partnership step on our stream with it; an acceptance only once
 * we know the partner's announced key (it is pinned with the partnership).
 */
export const partnershipStepCommand: PartnershipStepMapper = (step, partner, announced): PartnershipCommand | undefined => {
  switch (step.type) {
    case 'PartnershipProposed':
      return { type: 'RecordPartnerProposal', data: { partner } };
    case 'PartnershipAccepted':
      return announced ? { type: 'RecordPartnerAcceptance', data: { partnerKey: { publicKey: announced.signingKey, fingerprint: announced.fingerprint } } } : undefined;
    case 'PartnershipDeclined':
      return { type: 'RecordPartnerDecline', data: {} };
    case 'PartnershipRevoked':
      return { type: 'RecordPartnerRevocation', data: {} };
    default:
      return assertNever(step);
  }
};
