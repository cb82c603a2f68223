import { DomainError, type DecisionContext, type Message } from '@familybank/domain-core';
import { FAMILY_EVENT_SCHEMA_VERSION, FamilyErrors, familyDecider, familyStreamId } from '@familybank/domain-family';
import { OfferErrors, completeOfferCommand, noMatchDecider, noMatchStreamId, offerDecider, offerStreamId, type OfferLookups } from '@familybank/domain-offer';
import { decidePartnership, evolvePartnership, initialPartnershipState, partnershipStreamId } from '@familybank/domain-partnership';
import { RequestErrors, requestDecider, requestStreamId } from '@familybank/domain-request';
import type { AggregateCommand, AggregateName } from './aggregate-command';

/** What the gateway needs to know of one kind of aggregate: where its streams are and how it decides. */
export interface AggregateDefinition<C extends Message = Message, E extends Message = Message, S = unknown> {
  /** Prefix of the aggregate's error codes, e.g. FAMILY → FAMILY.REVISION_MISMATCH. */
  errorPrefix: string;
  schemaVersion: number;
  streamId(id: string, municipality: string, command: C): string;
  /** Commands that may start a stream; any other command on a missing stream is not found. */
  creates(command: C): boolean;
  notFound(id: string): DomainError;
  decide(command: C, state: S, context: DecisionContext & { municipality: string }): E[];
  evolve(state: S, event: E): S;
  initialState(): S;
}

type CommandOf<K extends AggregateName> = Extract<AggregateCommand, { aggregate: K }>['command'];
// Events and states differ per aggregate; the gateway only passes them between decide and evolve.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AggregateRegistry = { [K in AggregateName]: AggregateDefinition<CommandOf<K>, any, any> };

const splitAnswerId = (id: string) => {
  const [requester = '', requestId = ''] = id.split('/');
  return { requester, requestId };
};

const NO_LOOKUPS: OfferLookups = { encryptionKeyFingerprintOf: () => undefined };

/**
 * Every aggregate of the write side; later aggregates are added here and to AggregateCommand.
 * `lookups` are what a handler loads for a rule (the requester's announced key for a disclosure),
 * passed into the command so that the decider owns the rule.
 */
export const aggregateRegistry = (lookups: OfferLookups = NO_LOOKUPS): AggregateRegistry => ({
  family: {
    errorPrefix: 'FAMILY',
    schemaVersion: FAMILY_EVENT_SCHEMA_VERSION,
    streamId: (id) => familyStreamId(id),
    creates: (command) => command.type === 'RegisterFamily',
    notFound: (id) => FamilyErrors.notFound(id),
    ...familyDecider,
  },
  request: {
    errorPrefix: 'REQUEST',
    schemaVersion: 1,
    streamId: (id) => requestStreamId(id),
    creates: (command) => command.type === 'OpenRequest',
    notFound: (id) => RequestErrors.notFound(id),
    ...requestDecider,
  },
  offer: {
    errorPrefix: 'OFFER',
    schemaVersion: 1,
    streamId: (id) => offerStreamId(id),
    creates: (command) => command.type === 'MakeOffer',
    notFound: () => OfferErrors.notFound(),
    ...offerDecider,
    decide: (command, state, context) => offerDecider.decide(completeOfferCommand(command, state, lookups), state, context),
  },
  partnership: {
    errorPrefix: 'PARTNERSHIP',
    schemaVersion: 1,
    streamId: (partner, own) => partnershipStreamId(own, partner),
    creates: (command) => command.type === 'ProposePartnership' || command.type === 'RecordPartnerProposal',
    notFound: (partner) => new DomainError('PARTNERSHIP.NOT_FOUND', 'not-found', `No partnership with ${partner}`, { partner }),
    decide: (command, state, context) => decidePartnership(command, state, { now: context.now, own: context.municipality }),
    evolve: evolvePartnership,
    initialState: initialPartnershipState,
  },
  'no-match': {
    errorPrefix: 'INBOX',
    schemaVersion: 1,
    streamId: (id, own) => {
      const { requester, requestId } = splitAnswerId(id);
      return noMatchStreamId(own, requester, requestId);
    },
    creates: () => true,
    notFound: () => new DomainError('INBOX.REQUEST_NOT_FOUND', 'not-found', 'No such request in your inbox'),
    ...noMatchDecider,
  },
});
