import type { DirectoryEntry } from '@familybank/read-models';
import type { PartnershipStep } from '../federation/directory-consumer';
import { OWNER, REQUESTER } from '../federation/testing/federation-message.fixtures';
import { partnershipStepCommand } from './partnership-step-commands';

const step = (type: PartnershipStep['type']): PartnershipStep => ({ type, schemaVersion: 1, payload: { from: REQUESTER, to: OWNER } });
const announced: DirectoryEntry = { code: REQUESTER, name: 'Vejle', signingKey: 'signing-pem', fingerprint: 'fp-1', encryptionKey: 'x25519', announcedAt: '2026-03-01T00:00:00.000Z' };

/** given(the partner's directory entry).when(its step).then(our command): what a partner's step records on our side. */
describe('a partner’s partnership step, as we record it', () => {
  it('a proposal is recorded as the partner’s proposal', () => {
    expect(partnershipStepCommand(step('PartnershipProposed'), REQUESTER, undefined)).toEqual({ type: 'RecordPartnerProposal', data: { partner: REQUESTER } });
  });

  it('an acceptance pins the key the partner announced on the directory', () => {
    expect(partnershipStepCommand(step('PartnershipAccepted'), REQUESTER, announced)).toEqual({ type: 'RecordPartnerAcceptance', data: { partnerKey: { publicKey: 'signing-pem', fingerprint: 'fp-1' } } });
  });

  it('an acceptance from a partner never announced records nothing: there is no key to pin', () => {
    expect(partnershipStepCommand(step('PartnershipAccepted'), REQUESTER, undefined)).toBeUndefined();
  });

  it('a decline and a revocation are recorded as the partner’s, without its reasons', () => {
    expect(partnershipStepCommand(step('PartnershipDeclined'), REQUESTER, announced)).toEqual({ type: 'RecordPartnerDecline', data: {} });
    expect(partnershipStepCommand(step('PartnershipRevoked'), REQUESTER, announced)).toEqual({ type: 'RecordPartnerRevocation', data: {} });
  });
});
