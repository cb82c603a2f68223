import type { Decider } from '@familybank/domain-core';
import { decideRequest } from './request.decide';
import { evolveRequest, initialRequestState } from './request.state';
import type { RequestCommand, RequestEvent, RequestState } from './request.types';

export const requestDecider: Decider<RequestCommand, RequestEvent, RequestState> = {
  decide: decideRequest,
  evolve: evolveRequest,
  initialState: initialRequestState,
};
