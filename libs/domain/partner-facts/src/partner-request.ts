import { DomainError, assertNever, type DecisionContext, type IsoDate, type Message } from '@familybank/domain-core';
import type { ChildNeeds } from '@familybank/domain-request';

/**
 * A partner's request as the receiving municipality knows it, on its own stream
 * `partner-request-<own>-<requester>-<requestId>`: received, perhaps answered "no match", closed.
 * The inbox is a projection of it; the closed-partner-request workflow reads its closing.
 */
export const PARTNER_REQUEST_STREAM_PREFIX = 'partner-request-';

export const partnerRequestStreamId = (own: string, requester: string, requestId: string) => `${PARTNER_REQUEST_STREAM_PREFIX}${own}-${requester}-${requestId}`;

export type PartnerRequestCloseReason = 'filled' | 'withdrawn' | 'expired';

/** Which request of which partner. */
export interface PartnerRequestRef {
  requester: string;
  requestId: string;
}

export interface ReceivedPartnerRequest extends PartnerRequestRef {
  needs: ChildNeeds;
  responseDeadline: IsoDate;
  /** When the requester published it (the message's occurredAt): the same after any rebuild. */
  receivedAt: string;
}

export type PartnerRequestCommand =
  | Message<'RecordPartnerRequest', ReceivedPartnerRequest>
  | Message<'RecordPartnerRequestClosed', PartnerRequestRef & { reason: PartnerRequestCloseReason }>
  | Message<'AnswerNoMatch', PartnerRequestRef>;

export type PartnerRequestReceived = Message<'PartnerRequestReceived', ReceivedPartnerRequest>;
export type PartnerRequestClosed = Message<'PartnerRequestClosed', PartnerRequestRef & { reason: PartnerRequestCloseReason }>;
/** "We have no family for this request": the requester learns who answered. */
export type NoMatchAnswered = Message<'NoMatchAnswered', PartnerRequestRef>;
export type PartnerRequestEvent = PartnerRequestReceived | PartnerRequestClosed | NoMatchAnswered;

export type PartnerRequestState =
  | { status: 'unknown' }
  | { status: 'open'; answeredNoMatch: boolean }
  | { status: 'closed'; reason: PartnerRequestCloseReason; answeredNoMatch: boolean };

export const PartnerRequestErrors = {
  notFound: () => new DomainError('INBOX.REQUEST_NOT_FOUND', 'not-found', 'No such request in your inbox'),
  closed: (reason: PartnerRequestCloseReason) => new DomainError('INBOX.REQUEST_CLOSED', 'conflict', `The request is closed (${reason})`, { reason }),
} as const;

export function decidePartnerRequest(command: PartnerRequestCommand, state: PartnerRequestState, _context?: DecisionContext): PartnerRequestEvent[] {
  switch (command.type) {
    case 'RecordPartnerRequest':
      // The first receipt stands: a re-publication (shared with more partners) tells us nothing new.
      return state.status === 'unknown' ? [{ type: 'PartnerRequestReceived', data: command.data }] : [];
    case 'RecordPartnerRequestClosed':
      if (state.status === 'unknown') throw PartnerRequestErrors.notFound();
      return state.status === 'open' ? [{ type: 'PartnerRequestClosed', data: command.data }] : [];
    case 'AnswerNoMatch':
      if (state.status === 'unknown') throw PartnerRequestErrors.notFound();
      if (state.status === 'closed') throw PartnerRequestErrors.closed(state.reason);
      return state.answeredNoMatch ? [] : [{ type: 'NoMatchAnswered', data: { requester: command.data.requester, requestId: command.data.requestId } }];
    default:
      return assertNever(command);
  }
}

export function evolvePartnerRequest(state: PartnerRequestState, event: PartnerRequestEvent): PartnerRequestState {
  switch (event.type) {
    case 'PartnerRequestReceived':
      return { status: 'open', answeredNoMatch: false };
    case 'PartnerRequestClosed':
      return state.status === 'unknown' ? state : { status: 'closed', reason: event.data.reason, answeredNoMatch: state.answeredNoMatch };
    case 'NoMatchAnswered':
      return state.status === 'unknown' ? state : { ...state, answeredNoMatch: true };
    default:
      return assertNever(event);
  }
}

export const partnerRequestDecider = {
  decide: decidePartnerRequest,
  evolve: evolvePartnerRequest,
  initialState: (): PartnerRequestState => ({ status: 'unknown' }),
};
