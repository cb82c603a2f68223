import type { Message } from '@familybank/domain-core';

export type AnswerNoMatch = Message<'AnswerNoMatch', { requester: string; requestId: string }>;
export type NoMatchAnswered = Message<'NoMatchAnswered', { requester: string; requestId: string }>;
export type NoMatchState = { answered: boolean };

/** One per answering municipality: two partners on one node answer the same request on their own streams. */
export const noMatchStreamId = (own: string, requester: string, requestId: string) => `answer-${own}-${requester}-${requestId}`;

/** "We have no family for this request": recorded once per request, so the requester knows who answered. */
export const noMatchDecider = {
  decide: (command: AnswerNoMatch, state: NoMatchState): NoMatchAnswered[] => (state.answered ? [] : [{ type: 'NoMatchAnswered', data: command.data }]),
  evolve: (_state: NoMatchState, _event: NoMatchAnswered): NoMatchState => ({ answered: true }),
  initialState: (): NoMatchState => ({ answered: false }),
};
