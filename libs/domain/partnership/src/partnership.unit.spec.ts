import { deciderSpecification } from '@familybank/domain-core/testing';
import { decidePartnership, evolvePartnership, initialPartnershipState, type PartnershipCommand, type PartnershipEvent, type PartnershipState } from './partnership';

const decider = {
  decide: (command: PartnershipCommand, state: PartnershipState) => decidePartnership(command, state, { now: new Date('2026-11-27T10:00:00Z'), own: '0630' }),
  evolve: evolvePartnership,
  initialState: initialPartnershipState,
};
const spec = deciderSpecification(decider, { now: new Date('2026-11-27T10:00:00Z') });
const key = { publicKey: '-----BEGIN PUBLIC KEY-----…', fingerprint: 'ab12 cd34' };
const proposedByUs: PartnershipEvent[] = [{ type: 'PartnershipProposed', data: { partner: '0265', proposedBy: 'us' } }];
const proposedToUs: PartnershipEvent[] = [{ type: 'PartnershipProposed', data: { partner: '0265', proposedBy: 'partner' } }];
const active: PartnershipEvent[] = [...proposedByUs, { type: 'PartnershipActivated', data: { partner: '0265', partnerKey: key, acceptedBy: 'partner' } }];

describe('partnership', () => {
  it('propose, with no partnership yet, records the proposal', () => {
    spec.given([]).when({ type: 'ProposePartnership', data: { partner: '0265' } }).then(proposedByUs);
  });

  it('propose, to itself, is refused', () => {
    spec.given([]).when({ type: 'ProposePartnership', data: { partner: '0630' } }).thenThrows('PARTNERSHIP.WITH_ITSELF');
  });

  it('propose, while a partnership is active, is refused', () => {
    spec.given(active).when({ type: 'ProposePartnership', data: { partner: '0265' } }).thenThrows('PARTNERSHIP.WRONG_STATUS');
  });

  it('a partner’s proposal is recorded once; a repeated delivery changes nothing', () => {
    spec.given([]).when({ type: 'RecordPartnerProposal', data: { partner: '0265' } }).then(proposedToUs);
    spec.given(proposedToUs).when({ type: 'RecordPartnerProposal', data: { partner: '0265' } }).then([]);
  });

  it('accept, a partner’s proposal, activates the partnership and pins the partner’s key', () => {
    spec.given(proposedToUs).when({ type: 'AcceptPartnership', data: { partnerKey: key } }).then([
      { type: 'PartnershipActivated', data: { partner: '0265', partnerKey: key, acceptedBy: 'us' } },
    ]);
  });

  it('accept, our own proposal, is refused: the partner must accept it', () => {
    spec.given(proposedByUs).when({ type: 'AcceptPartnership', data: { partnerKey: key } }).thenThrows('PARTNERSHIP.WRONG_STATUS');
  });

  it('the partner’s acceptance of our proposal activates it; redelivery changes nothing', () => {
    spec.given(proposedByUs).when({ type: 'RecordPartnerAcceptance', data: { partnerKey: key } }).then([
      { type: 'PartnershipActivated', data: { partner: '0265', partnerKey: key, acceptedBy: 'partner' } },
    ]);
    spec.given(active).when({ type: 'RecordPartnerAcceptance', data: { partnerKey: key } }).then([]);
  });

  it('an acceptance nobody asked for is refused', () => {
    spec.given([]).when({ type: 'RecordPartnerAcceptance', data: { partnerKey: key } }).thenThrows('PARTNERSHIP.WRONG_STATUS');
  });

  it('decline a proposal; the partner’s decline of ours', () => {
    spec.given(proposedToUs).when({ type: 'DeclinePartnership', data: { reason: 'No capacity to cooperate' } }).then([
      { type: 'PartnershipDeclined', data: { partner: '0265', declinedBy: 'us', reason: 'No capacity to cooperate' } },
    ]);
    spec.given(proposedByUs).when({ type: 'RecordPartnerDecline', data: {} }).then([{ type: 'PartnershipDeclined', data: { partner: '0265', declinedBy: 'partner' } }]);
  });

  it('either side can revoke an active partnership, and may propose again afterwards', () => {
    spec.given(active).when({ type: 'RevokePartnership', data: {} }).then([{ type: 'PartnershipRevoked', data: { partner: '0265', revokedBy: 'us', reason: undefined } }]);
    spec.given(active).when({ type: 'RecordPartnerRevocation', data: {} }).then([{ type: 'PartnershipRevoked', data: { partner: '0265', revokedBy: 'partner' } }]);
    const revoked: PartnershipEvent[] = [...active, { type: 'PartnershipRevoked', data: { partner: '0265', revokedBy: 'us' } }];
    spec.given(revoked).when({ type: 'ProposePartnership', data: { partner: '0265' } }).then(proposedByUs);
  });

  it('evolve keeps the pinned key only while active', () => {
    expect(active.reduce(evolvePartnership, initialPartnershipState())).toEqual({ status: 'active', partner: '0265', pinnedKey: key });
    expect([...active, { type: 'PartnershipRevoked', data: { partner: '0265', revokedBy: 'partner' } } as PartnershipEvent].reduce(evolvePartnership, initialPartnershipState())).toEqual({ status: 'revoked', partner: '0265' });
  });
});
