import { DomainError, assertNever, ensure, type DecisionContext, type Message } from '@familybank/domain-core';


/**
 * A partnership as one municipality sees it (stream `partnership-<own>-<partner>` in its own
 * store). Both sides run this decider: commands from the own caseworkers (propose, accept,
 * decline, revoke) and facts received from the partner over the directory topic.
 */
export type PartnershipStatus = 'none' | 'proposed-by-us' | 'proposed-to-us' | 'active' | 'declined' | 'revoked';

export interface PartnerKey {
  publicKey: string;
  fingerprint: string;
}

export interface PartnershipState {
  status: PartnershipStatus;
  partner?: string;
  /** The partner's signing key, pinned when the partnership became active. */
  pinnedKey?: PartnerKey;
}

export type PartnershipCommand =
  | Message<'ProposePartnership', { partner: string }>
  | Message<'AcceptPartnership', { partnerKey: PartnerKey }>
  | Message<'DeclinePartnership', { reason?: string }>
  | Message<'RevokePartnership', { reason?: string }>
  | Message<'RecordPartnerProposal', { partner: string }>
  | Message<'RecordPartnerAcceptance', { partnerKey: PartnerKey }>
  | Message<'RecordPartnerDecline', Record<string, never>>
  | Message<'RecordPartnerRevocation', Record<string, never>>;

export type PartnershipEvent =
  | Message<'PartnershipProposed', { partner: string; proposedBy: 'us' | 'partner' }>
  | Message<'PartnershipActivated', { partner: string; partnerKey: PartnerKey; acceptedBy: 'us' | 'partner' }>
  | Message<'PartnershipDeclined', { partner: string; declinedBy: 'us' | 'partner'; reason?: string }>
  | Message<'PartnershipRevoked', { partner: string; revokedBy: 'us' | 'partner'; reason?: string }>;

export const partnershipStreamId = (own: string, partner: string) => `partnership-${own}-${partner}`;
export const initialPartnershipState = (): PartnershipState => ({ status: 'none' });

const errors = {
  wrongStatus: (action: string, status: PartnershipStatus) =>
    new DomainError('PARTNERSHIP.WRONG_STATUS', 'conflict', `Cannot ${action} a partnership that is ${status}`, { status }),
  withItself: () => new DomainError('PARTNERSHIP.WITH_ITSELF', 'rule', 'A municipality cannot partner with itself'),
};

const OPEN: readonly PartnershipStatus[] = ['none', 'declined', 'revoked'];

export function decidePartnership(command: PartnershipCommand, state: PartnershipState, context: DecisionContext & { own: string }): PartnershipEvent[] {
  const partner = state.partner ?? ('partner' in command.data ? command.data.partner : '');
  const status = state.status;
  const allowed = (action: string, statuses: readonly PartnershipStatus[]) => ensure(statuses.includes(status), () => errors.wrongStatus(action, status));
  switch (command.type) {
    case 'ProposePartnership':
      ensure(command.data.partner !== context.own, errors.withItself);
      allowed('propose', OPEN);
      return [{ type: 'PartnershipProposed', data: { partner: command.data.partner, proposedBy: 'us' } }];
    case 'RecordPartnerProposal':
      // Both sides proposed at the same time: nothing to record, each side's acceptance follows.
      if (status === 'proposed-by-us' || status === 'proposed-to-us' || status === 'active') return [];
      return [{ type: 'PartnershipProposed', data: { partner: command.data.partner, proposedBy: 'partner' } }];
    case 'AcceptPartnership':
      allowed('accept', ['proposed-to-us']);
      return [{ type: 'PartnershipActivated', data: { partner, partnerKey: command.data.partnerKey, acceptedBy: 'us' } }];
    case 'RecordPartnerAcceptance':
      if (status === 'active') return [];
      allowed('record the acceptance of', ['proposed-by-us']);
      return [{ type: 'PartnershipActivated', data: { partner, partnerKey: command.data.partnerKey, acceptedBy: 'partner' } }];
    case 'DeclinePartnership':
      allowed('decline', ['proposed-to-us']);
      return [{ type: 'PartnershipDeclined', data: { partner, declinedBy: 'us', reason: command.data.reason } }];
    case 'RecordPartnerDecline':
      if (status !== 'proposed-by-us') return [];
      return [{ type: 'PartnershipDeclined', data: { partner, declinedBy: 'partner' } }];
    case 'RevokePartnership':
      allowed('revoke', ['active', 'proposed-by-us']);
      return [{ type: 'PartnershipRevoked', data: { partner, revokedBy: 'us', reason: command.data.reason } }];
    case 'RecordPartnerRevocation':
      if (status !== 'active' && status !== 'proposed-to-us') return [];
      return [{ type: 'PartnershipRevoked', data: { partner, revokedBy: 'partner' } }];
    default:
      return assertNever(command);
  }
}

export function evolvePartnership(state: PartnershipState, event: PartnershipEvent): PartnershipState {
  switch (event.type) {
    case 'PartnershipProposed':
      return { status: event.data.proposedBy === 'us' ? 'proposed-by-us' : 'proposed-to-us', partner: event.data.partner };
    case 'PartnershipActivated':
      return { status: 'active', partner: event.data.partner, pinnedKey: event.data.partnerKey };
    case 'PartnershipDeclined':
      return { status: 'declined', partner: event.data.partner };
    case 'PartnershipRevoked':
      return { status: 'revoked', partner: event.data.partner };
    default:
      return assertNever(event);
  }
}
