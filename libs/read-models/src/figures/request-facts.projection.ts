import { isoDate, type IsoDate } from '@familybank/domain-core';
import type { RequestEvent } from '@familybank/domain-request';
import type { RecordedEvent } from '@familybank/event-store';
import type { Projection } from '../projection';

/**
 * What the request figures need of one of our requests: the days it opened, was filled or closed,
 * and its assignments. Requests carry no business date of their own, so these are the days the
 * events occurred (metadata.occurredAt, stamped by the command path's clock).
 */
export interface RequestFacts {
  requestId: string;
  openedOn: IsoDate;
  filledOn: IsoDate | null;
  /** Withdrawn or expired: no longer waiting, and not filled. */
  closedOn: IsoDate | null;
  /** Families of the child's network, named when the request was opened (pseudonyms). */
  networkCandidates: string[];
  assignments: AssignmentFact[];
}

export interface AssignmentFact {
  assignmentId: string;
  confirmedOn: IsoDate;
  /**
   * The family came from the child's own network: it is one of the request's network candidates,
   * or a network family registered for this request (the confirmation says so). This is the one
   * rule the network-share figure counts by.
   */
  fromNetwork: boolean;
}

type RecordedRequestEvent = RecordedEvent & RequestEvent;

const TYPES: ReadonlySet<string> = new Set<RequestEvent['type']>(['RequestOpened', 'AssignmentConfirmed', 'RequestFilled', 'RequestWithdrawn', 'RequestExpired']);

export const requestFactsProjection: Projection<RequestFacts> = {
  name: 'figures-request-facts',
  version: 2,
  collection: 'figures-request-facts',
  streamPrefix: 'request-',
  handles: TYPES,
  documentId: (event) => event.streamId.replace(/^request-/, ''),
  evolve: (facts, event) => evolveRequestFacts(facts, event as RecordedRequestEvent),
};

export function evolveRequestFacts(facts: RequestFacts | null, event: RecordedRequestEvent): RequestFacts | null {
  const on = isoDate(new Date(event.metadata.occurredAt));
  if (event.type === 'RequestOpened') {
    const { requestId, needs } = event.data;
    return { requestId, openedOn: on, filledOn: null, closedOn: null, networkCandidates: needs.networkCandidates, assignments: [] };
  }
  if (facts === null) return null;
  switch (event.type) {
    case 'AssignmentConfirmed': {
      const { assignmentId, pseudonym, network } = event.data;
      if (facts.assignments.some((assignment) => assignment.assignmentId === assignmentId)) return facts;
      const fromNetwork = network === true || facts.networkCandidates.includes(pseudonym);
      return { ...facts, assignments: [...facts.assignments, { assignmentId, confirmedOn: on, fromNetwork }] };
    }
    case 'RequestFilled':
      return { ...facts, filledOn: facts.filledOn ?? on };
    case 'RequestWithdrawn':
    case 'RequestExpired':
      return { ...facts, closedOn: facts.closedOn ?? on };
    default:
      return facts;
  }
}

/** Open on `day`: opened by then, and neither filled nor closed by then. */
export const waitingOn = (facts: RequestFacts, day: IsoDate): boolean =>
  facts.openedOn <= day && !(facts.filledOn && facts.filledOn <= day) && !(facts.closedOn && facts.closedOn <= day);
